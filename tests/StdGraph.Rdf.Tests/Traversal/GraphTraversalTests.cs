namespace StdGraph.Rdf.Tests.Traversal;

public sealed class GraphTraversalTests
{
    private static readonly Iri Replaces = new("https://stdgraph.org/ontology#replaces");
    private static readonly Iri Cites = new("https://stdgraph.org/ontology#cites");
    private static readonly Iri Adopts = new("https://stdgraph.org/ontology#adopts");

    private static Iri Ed(string code) => new("https://stdgraph.org/id/" + code);

    /// <summary>A replacement chain 2016 → 2008 → 2001 → 1995, citations with a cycle, and an adoption.</summary>
    private static (MemoryGraphStore Store, GraphTraversal Traversal) Fixture()
    {
        var store = new MemoryGraphStore();
        store.BulkLoad([
            new Triple(Ed("GB_T_1-2016"), Replaces, Ed("GB_T_1-2008")),
            new Triple(Ed("GB_T_1-2008"), Replaces, Ed("GB_T_1-2001")),
            new Triple(Ed("GB_T_1-2001"), Replaces, Ed("GB_T_1-1995")),
            new Triple(Ed("A"), Cites, Ed("B")),
            new Triple(Ed("B"), Cites, Ed("C")),
            new Triple(Ed("C"), Cites, Ed("A")),
            new Triple(Ed("C"), Cites, Ed("D")),
            new Triple(Ed("GB_T_1-2016"), Adopts, Ed("ISO_1-2015")),
            new Triple(Ed("GB_T_1-2016"), Vocab.RdfsLabel, Literal.String("标准化工作导则")),
        ]);
        return (store, new GraphTraversal(store));
    }

    [Fact]
    public async Task replaced_edition_chain_is_followed_to_the_oldest_with_depths()
    {
        var (_, traversal) = Fixture();
        var closure = await traversal.ClosureAsync(Ed("GB_T_1-2016"), [Replaces], Direction.Outgoing, maxDepth: 10);
        closure.Nodes.Select(n => (n.Node, n.Depth)).Should().Equal((Ed("GB_T_1-2008"), 1), (Ed("GB_T_1-2001"), 2), (Ed("GB_T_1-1995"), 3));
        closure.Truncated.Should().BeFalse();
        closure.Nodes[1].Parent.Should().Be(Ed("GB_T_1-2008"));
    }

    [Fact]
    public async Task incoming_direction_finds_the_successors()
    {
        var (_, traversal) = Fixture();
        var closure = await traversal.ClosureAsync(Ed("GB_T_1-1995"), [Replaces], Direction.Incoming, maxDepth: 10);
        closure.Nodes.Select(n => n.Node).Should().Equal(Ed("GB_T_1-2001"), Ed("GB_T_1-2008"), Ed("GB_T_1-2016"));
    }

    [Fact]
    public async Task closure_stops_at_the_depth_limit_and_says_so()
    {
        var (_, traversal) = Fixture();
        var closure = await traversal.ClosureAsync(Ed("GB_T_1-2016"), [Replaces], Direction.Outgoing, maxDepth: 2);
        closure.Nodes.Select(n => n.Node).Should().Equal(Ed("GB_T_1-2008"), Ed("GB_T_1-2001"));
        closure.Truncated.Should().BeTrue();
    }

    [Fact]
    public async Task citation_cycle_terminates_and_visits_each_node_once()
    {
        var (_, traversal) = Fixture();
        var closure = await traversal.ClosureAsync(Ed("A"), [Cites], Direction.Outgoing, maxDepth: 100);
        closure.Nodes.Select(n => (n.Node, n.Depth)).Should().Equal((Ed("B"), 1), (Ed("C"), 2), (Ed("D"), 3));
        closure.Truncated.Should().BeFalse();
    }

    [Fact]
    public async Task closure_respects_max_results()
    {
        var (_, traversal) = Fixture();
        var closure = await traversal.ClosureAsync(Ed("A"), [Cites], Direction.Outgoing, maxDepth: 100, maxResults: 2);
        closure.Nodes.Should().HaveCount(2);
        closure.Truncated.Should().BeTrue();
    }

    [Fact]
    public async Task closure_without_predicate_filter_follows_every_edge_including_to_literals()
    {
        var (_, traversal) = Fixture();
        var closure = await traversal.ClosureAsync(Ed("GB_T_1-2016"), null, Direction.Outgoing, maxDepth: 1);
        closure.Nodes.Select(n => n.Node).ToHashSet().SetEquals([Ed("GB_T_1-2008"), Ed("ISO_1-2015"), Literal.String("标准化工作导则")]).Should().BeTrue();
    }

    [Fact]
    public async Task shortest_path_follows_outgoing_edges()
    {
        var (_, traversal) = Fixture();
        var path = await traversal.ShortestPathAsync(Ed("A"), Ed("D"), [Cites], maxHops: 5);
        path.Should().NotBeNull();
        path!.Should().Equal(
            new PathStep(Ed("A"), Cites, Ed("B"), Direction.Outgoing),
            new PathStep(Ed("B"), Cites, Ed("C"), Direction.Outgoing),
            new PathStep(Ed("C"), Cites, Ed("D"), Direction.Outgoing));
    }

    [Fact]
    public async Task shortest_path_takes_the_shorter_way_round_a_cycle_when_both_directions_are_allowed()
    {
        var (_, traversal) = Fixture();
        var forward = await traversal.ShortestPathAsync(Ed("A"), Ed("C"), [Cites], maxHops: 5);
        forward.Should().HaveCount(2);
        var both = await traversal.ShortestPathAsync(Ed("A"), Ed("C"), [Cites], maxHops: 5, bothDirections: true);
        both.Should().Equal(new PathStep(Ed("A"), Cites, Ed("C"), Direction.Incoming));
    }

    [Fact]
    public async Task shortest_path_across_different_predicates_and_directions()
    {
        var (_, traversal) = Fixture();
        var path = await traversal.ShortestPathAsync(Ed("ISO_1-2015"), Ed("GB_T_1-2008"), [Replaces, Adopts], maxHops: 4, bothDirections: true);
        path.Should().Equal(
            new PathStep(Ed("ISO_1-2015"), Adopts, Ed("GB_T_1-2016"), Direction.Incoming),
            new PathStep(Ed("GB_T_1-2016"), Replaces, Ed("GB_T_1-2008"), Direction.Outgoing));
    }

    [Fact]
    public async Task shortest_path_is_null_beyond_max_hops_or_when_unreachable()
    {
        var (_, traversal) = Fixture();
        (await traversal.ShortestPathAsync(Ed("GB_T_1-2016"), Ed("GB_T_1-1995"), [Replaces], maxHops: 2)).Should().BeNull();
        (await traversal.ShortestPathAsync(Ed("GB_T_1-2016"), Ed("GB_T_1-1995"), [Replaces], maxHops: 3)).Should().HaveCount(3);
        (await traversal.ShortestPathAsync(Ed("GB_T_1-1995"), Ed("GB_T_1-2016"), [Replaces], maxHops: 10)).Should().BeNull();
        (await traversal.ShortestPathAsync(Ed("A"), Ed("GB_T_1-2016"), null, maxHops: 10, bothDirections: true)).Should().BeNull();
    }

    [Fact]
    public async Task path_from_a_node_to_itself_is_empty()
    {
        var (_, traversal) = Fixture();
        (await traversal.ShortestPathAsync(Ed("A"), Ed("A"), null, maxHops: 0)).Should().BeEmpty();
    }

    [Fact]
    public async Task each_level_is_one_batched_neighbour_request()
    {
        var (store, _) = Fixture();
        var counting = new CountingStore(store);
        var closure = await new GraphTraversal(counting).ClosureAsync(Ed("GB_T_1-2016"), [Replaces], Direction.Outgoing, maxDepth: 10);
        closure.Nodes.Should().HaveCount(3);
        counting.NeighbourCalls.Should().Be(4, "three levels with nodes, then one that finds nothing");
    }

    private sealed class CountingStore(IGraphStore inner) : IGraphStore
    {
        public int NeighbourCalls { get; private set; }

        public ValueTask<IReadOnlyDictionary<Term, IReadOnlyList<(Iri Predicate, Term Node)>>> NeighboursAsync(
            IReadOnlyCollection<Term> nodes, IReadOnlyCollection<Iri>? predicates, Direction direction, CancellationToken ct = default)
        {
            NeighbourCalls++;
            return inner.NeighboursAsync(nodes, predicates, direction, ct);
        }

        public ValueTask<IReadOnlyList<Triple>> MatchAsync(Term? subject, Iri? predicate, Term? obj, int limit = int.MaxValue, CancellationToken ct = default) =>
            throw new InvalidOperationException("traversal must only use NeighboursAsync");
        public ValueTask<long> CountAsync(CancellationToken ct = default) => inner.CountAsync(ct);
        public ValueTask AddAsync(IEnumerable<Triple> triples, CancellationToken ct = default) => inner.AddAsync(triples, ct);
        public ValueTask RemoveAsync(IEnumerable<Triple> triples, CancellationToken ct = default) => inner.RemoveAsync(triples, ct);
        public ValueTask ClearAsync(CancellationToken ct = default) => inner.ClearAsync(ct);
        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
