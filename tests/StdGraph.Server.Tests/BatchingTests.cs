using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StdGraph.Rdf;
using StdGraph.Server.Resolving;

namespace StdGraph.Server.Tests;

/// <summary>A relation resolved for every hit of a page is one batched call, not one call per hit.</summary>
[Collection(SnapshotCollection.Name)]
public sealed class BatchingTests(SnapshotFixture snapshot)
{
    [Fact]
    public async Task adopts_for_50_hits_costs_the_graph_store_two_calls_and_the_next_level_one_more()
    {
        CountingGraphStore? store = null;
        await using var app = await snapshot.StartAsync(configure: b => b.Services.Replace(ServiceDescriptor.Singleton<IGraphStore>(_ =>
            store = new CountingGraphStore(snapshot.Engine.Graph))));
        store!.Calls.Clear(); // warm-up touches nothing, but be sure

        var answer = await app.PostAsync("{ search(text: \"信息\", filter: { body: [\"GB\"] }, first: 50) { edges { node { code adopts { degree standard { code replacedBy { code } } } } } } }");
        answer.HasErrors.Should().BeFalse(answer.ToString());
        var edges = answer.Data.GetProperty("search").GetProperty("edges");
        edges.GetArrayLength().Should().Be(50);
        var adoptions = edges.EnumerateArray().SelectMany(e => e.GetProperty("node").GetProperty("adopts").EnumerateArray()).ToList();
        adoptions.Count.Should().BeGreaterThan(10, "the page should hold adoptions for the test to mean something");
        adoptions.Should().Contain(a => a.GetProperty("standard").GetProperty("replacedBy").GetArrayLength() > 0);

        // adopts: the adoption nodes of all 50 editions, then their targets and degrees; replacedBy: one call for all targets.
        store.Calls.Select(c => c.Method).Should().Equal("NeighboursAsync", "NeighboursAsync", "NeighboursAsync");
        store.Calls.First().Nodes.Should().Be(50);
    }

    [Fact]
    public async Task adopts_for_50_hits_is_one_relation_source_call_and_the_next_level_one_more()
    {
        CountingRelationSource? counting = null;
        await using var app = await snapshot.StartAsync(configure: b => b.Services.Replace(ServiceDescriptor.Singleton<IRelationSource>(sp =>
            counting = new CountingRelationSource(new CatalogueRelationSource(sp.GetRequiredService<StandardDirectory>())))));

        var answer = await app.PostAsync("{ search(text: \"信息\", filter: { body: [\"GB\"] }, first: 50) { edges { node { code adopts { degree standard { code replacedBy { code } } } } } } }");
        answer.HasErrors.Should().BeFalse(answer.ToString());
        var edges = answer.Data.GetProperty("search").GetProperty("edges");
        edges.GetArrayLength().Should().Be(50);
        var adopted = edges.EnumerateArray().SelectMany(e => e.GetProperty("node").GetProperty("adopts").EnumerateArray()).Count();
        adopted.Should().BeGreaterThan(10, "the page should hold adoptions for the test to mean something");

        counting!.Calls.Should().HaveCount(2);
        counting.Calls.Should().ContainSingle(c => c.Relation == Relation.Adopts).Which.Keys.Should().Be(50);
        counting.Calls.Should().ContainSingle(c => c.Relation == Relation.ReplacedBy).Which.Keys.Should().BeGreaterThan(10);
    }

    [Fact]
    public async Task history_of_many_editions_walks_the_chains_together()
    {
        CountingRelationSource? counting = null;
        await using var app = await snapshot.StartAsync(configure: b => b.Services.Replace(ServiceDescriptor.Singleton<IRelationSource>(sp =>
            counting = new CountingRelationSource(new CatalogueRelationSource(sp.GetRequiredService<StandardDirectory>())))));

        var answer = await app.PostAsync("{ search(text: \"信息技术\", filter: { body: [\"GB\"] }, first: 30) { edges { node { code history { code } } } } }");
        answer.HasErrors.Should().BeFalse(answer.ToString());
        var longest = answer.Data.GetProperty("search").GetProperty("edges").EnumerateArray().Max(e => e.GetProperty("node").GetProperty("history").GetArrayLength());
        longest.Should().BeGreaterThan(1);
        // Two calls (older, newer) per level of the longest chain, not per edition.
        counting!.Calls.Count.Should().BeLessThanOrEqualTo(2 * (longest + 1));
    }
}
