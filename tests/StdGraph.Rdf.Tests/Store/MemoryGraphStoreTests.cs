namespace StdGraph.Rdf.Tests.Store;

public sealed class MemoryGraphStoreTests
{
    private static readonly Iri A = new("https://stdgraph.org/id/GB_T_22080-2016");
    private static readonly Iri B = new("https://stdgraph.org/id/GB_T_22080-2008");
    private static readonly Iri C = new("https://stdgraph.org/id/ISO_IEC_27001-2013");
    private static readonly Iri Replaces = new("https://stdgraph.org/ontology#replaces");
    private static readonly Iri Adopts = new("https://stdgraph.org/ontology#adopts");
    private static readonly Literal Title = Literal.LangString("信息技术 安全技术 信息安全管理体系 要求", "zh");

    private static MemoryGraphStore Sample()
    {
        var store = new MemoryGraphStore();
        store.BulkLoad([
            new Triple(A, Replaces, B),
            new Triple(A, Adopts, C),
            new Triple(A, Vocab.RdfsLabel, Title),
            new Triple(B, Adopts, new Iri("https://stdgraph.org/id/ISO_IEC_27001-2005")),
            new Triple(new BlankNode("x"), Adopts, C),
        ]);
        return store;
    }

    public static TheoryData<bool, bool, bool> EveryPatternShape()
    {
        var data = new TheoryData<bool, bool, bool>();
        foreach (var s in new[] { false, true })
            foreach (var p in new[] { false, true })
                foreach (var o in new[] { false, true })
                    data.Add(s, p, o);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPatternShape))]
    public void every_pattern_shape_returns_exactly_the_matching_triples(bool bindSubject, bool bindPredicate, bool bindObject)
    {
        var store = Sample();
        var all = store.Match(null, null, null).ToList();
        all.Should().HaveCount(5);
        foreach (var probe in all)
        {
            Term? s = bindSubject ? probe.Subject : null;
            var p = bindPredicate ? probe.Predicate : null;
            Term? o = bindObject ? probe.Obj : null;
            var expected = all.Where(t => (s is null || t.Subject == s) && (p is null || t.Predicate == p) && (o is null || t.Obj == o));
            store.Match(s, p, o).ShouldBeSameTriples(expected);
        }
    }

    [Fact]
    public void unknown_terms_match_nothing()
    {
        var store = Sample();
        store.Match(new Iri("urn:nothing"), null, null).Should().BeEmpty();
        store.Match(null, new Iri("urn:nothing"), null).Should().BeEmpty();
        store.Match(null, null, Literal.String("nothing")).Should().BeEmpty();
    }

    [Fact]
    public void adding_a_duplicate_keeps_one_copy()
    {
        var store = Sample();
        store.Add([new Triple(A, Replaces, B), new Triple(A, Replaces, B)]);
        store.Count.Should().Be(5);
    }

    [Fact]
    public void language_tags_match_regardless_of_case()
    {
        var store = Sample();
        store.Match(A, Vocab.RdfsLabel, Literal.LangString(Title.Lexical, "ZH")).Should().ContainSingle();
    }

    [Fact]
    public void removed_triples_disappear_from_every_index()
    {
        var store = Sample();
        store.Remove([new Triple(A, Adopts, C), new Triple(C, Adopts, A)]);
        store.Count.Should().Be(4);
        store.Match(A, Adopts, C).Should().BeEmpty();
        store.Match(null, Adopts, C).Should().ContainSingle().Which.Subject.Should().Be(new BlankNode("x"));
        store.Match(null, null, C).Should().ContainSingle();
        store.Match(A, null, C).Should().BeEmpty();
    }

    [Fact]
    public void readded_triple_after_remove_is_found_again()
    {
        var store = Sample();
        var t = new Triple(A, Adopts, C);
        store.Remove([t]);
        store.Add([t]);
        store.Contains(t).Should().BeTrue();
        store.Match(null, null, C).Should().HaveCount(2);
    }

    [Fact]
    public async Task clear_empties_the_store_and_it_can_be_filled_again()
    {
        var store = Sample();
        await store.ClearAsync();
        (await store.CountAsync()).Should().Be(0);
        store.Match(A, null, null).Should().BeEmpty();
        await store.AddAsync([new Triple(C, Replaces, A)]);
        store.Match(null, null, A).Should().ContainSingle();
    }

    [Fact]
    public void a_failing_source_adds_nothing_and_leaves_ids_consistent()
    {
        var store = Sample();
        IEnumerable<Triple> Failing()
        {
            yield return new Triple(new Iri("urn:new1"), Adopts, new Iri("urn:new2"));
            throw new RdfSyntaxException("boom", 3, 4);
        }
        var act = () => store.Add(Failing());
        act.Should().Throw<RdfSyntaxException>();
        store.Count.Should().Be(5);
        store.Match(new Iri("urn:new1"), null, null).Should().BeEmpty();

        store.Add([new Triple(new Iri("urn:other"), Adopts, C)]);
        store.Match(new Iri("urn:new1"), null, null).Should().BeEmpty();
        store.Match(new Iri("urn:other"), null, null).Should().ContainSingle();
    }

    [Fact]
    public async Task match_async_completes_synchronously_and_respects_the_limit()
    {
        var store = Sample();
        var task = store.MatchAsync(A, null, null, limit: 2);
        task.IsCompletedSuccessfully.Should().BeTrue();
        (await task).Should().HaveCount(2);
    }

    [Fact]
    public async Task neighbours_in_both_directions_for_a_batch_of_nodes()
    {
        IGraphStore store = Sample();
        var outgoing = await store.NeighboursAsync([A, B, C], [Adopts, Replaces], Direction.Outgoing);
        outgoing[A].Should().BeEquivalentTo(new[] { (Replaces, (Term)B), (Adopts, (Term)C) });
        outgoing[C].Should().BeEmpty();

        var incoming = await store.NeighboursAsync([C], null, Direction.Incoming);
        incoming[C].Should().BeEquivalentTo(new[] { (Adopts, (Term)A), (Adopts, (Term)new BlankNode("x")) });
    }

    [Fact]
    public async Task readers_see_a_consistent_graph_while_a_writer_adds()
    {
        var store = new MemoryGraphStore();
        var p = new Iri("urn:p");
        var writer = Task.Run(() =>
        {
            for (var batch = 0; batch < 200; batch++)
                store.Add(Enumerable.Range(0, 50).Select(i => new Triple(new Iri($"urn:s{batch}"), p, Literal.Integer(i))));
        });
        while (!writer.IsCompleted)
        {
            // Each batch is published whole, so any subject is seen with all 50 objects or not at all.
            foreach (var group in store.Match(null, p, null).GroupBy(t => t.Subject))
                group.Count().Should().Be(50);
        }
        await writer;
        store.Count.Should().Be(200 * 50);
    }
}
