using StdGraph.Rdf;

namespace StdGraph.Sparql.Tests.Contract;

/// <summary>
/// What every <see cref="IGraphStore"/> promises, written once and run against each backend (embedded and Virtuoso), so
/// both give the same answers. A subclass supplies a fresh, empty store per test.
/// </summary>
public abstract class GraphStoreContract
{
    protected abstract Task<IGraphStore> CreateStoreAsync();

    private async Task<IGraphStore> StoreWithAsync(IEnumerable<Triple> triples)
    {
        var store = await CreateStoreAsync();
        await store.AddAsync(triples);
        return store;
    }

    [Fact]
    public async Task empty_store_counts_zero_and_matches_nothing()
    {
        await using var store = await CreateStoreAsync();
        (await store.CountAsync()).Should().Be(0);
        (await store.MatchAsync(null, null, null)).Should().BeEmpty();
    }

    [Fact]
    public async Task every_pattern_shape_returns_exactly_the_matching_triples()
    {
        await using var store = await StoreWithAsync(StandardsGraph.Triples);
        (await store.CountAsync()).Should().Be(StandardsGraph.Triples.Count);
        var probe = new Triple(StandardsGraph.Gbt22080_2016, StandardsGraph.Replaces, StandardsGraph.Gbt22080_2008);
        for (var shape = 0; shape < 8; shape++)
        {
            var s = (shape & 4) != 0 ? probe.Subject : null;
            var p = (shape & 2) != 0 ? probe.Predicate : null;
            var o = (shape & 1) != 0 ? probe.Obj : null;
            var expected = StandardsGraph.Triples.Where(t => (s is null || t.Subject == s) && (p is null || t.Predicate == p) && (o is null || t.Obj == o));
            (await store.MatchAsync(s, p, o)).ShouldBeSameTriples(expected, $"pattern shape {(s is null ? "?" : "S")}{(p is null ? "?" : "P")}{(o is null ? "?" : "O")}");
        }
    }

    [Fact]
    public async Task a_literal_object_pattern_finds_its_subjects_and_a_literal_subject_finds_nothing()
    {
        await using var store = await StoreWithAsync(StandardsGraph.Triples);
        var code = Literal.String("GB/T 22080-2016");
        (await store.MatchAsync(null, StandardsGraph.Code, code)).Select(t => t.Subject).Should().Equal(StandardsGraph.Gbt22080_2016);
        (await store.MatchAsync(code, null, null)).Should().BeEmpty();
    }

    [Fact]
    public async Task match_limit_caps_the_number_of_triples()
    {
        await using var store = await StoreWithAsync(StandardsGraph.Triples);
        (await store.MatchAsync(null, null, null, limit: 3)).Should().HaveCount(3);
        (await store.MatchAsync(null, null, null, limit: 0)).Should().BeEmpty();
    }

    [Fact]
    public async Task adding_the_same_triples_twice_keeps_one_copy()
    {
        await using var store = await StoreWithAsync(StandardsGraph.Triples);
        await store.AddAsync(StandardsGraph.Triples);
        await store.AddAsync(StandardsGraph.Triples.Take(3).Concat(StandardsGraph.Triples.Take(3)));
        (await store.CountAsync()).Should().Be(StandardsGraph.Triples.Count);
    }

    [Fact]
    public async Task removing_is_idempotent_and_leaves_other_triples()
    {
        await using var store = await StoreWithAsync(StandardsGraph.Triples);
        var gone = StandardsGraph.Triples.Where(t => t.Predicate == StandardsGraph.Replaces).ToList();
        gone.Should().NotBeEmpty();
        await store.RemoveAsync(gone);
        await store.RemoveAsync(gone);
        await store.RemoveAsync([new Triple(new Iri("https://stdgraph.org/id/absent"), StandardsGraph.Replaces, StandardsGraph.Gbt22080_2008)]);
        (await store.MatchAsync(null, null, null)).ShouldBeSameTriples(StandardsGraph.Triples.Except(gone));
    }

    [Fact]
    public async Task clear_empties_the_store()
    {
        await using var store = await StoreWithAsync(StandardsGraph.Triples);
        await store.ClearAsync();
        (await store.CountAsync()).Should().Be(0);
        await store.AddAsync(StandardsGraph.Triples.Take(2));
        (await store.CountAsync()).Should().Be(2);
    }

    public static TheoryData<string, Literal> RoundTripLiterals => new()
    {
        { "plain string", Literal.String("信息安全管理体系") },
        { "Chinese with language", Literal.LangString("信息技术 安全技术", "zh") },
        { "region subtag", Literal.LangString("Information technology", "en-GB") },
        { "date", Literal.Date("2016-08-29") },
        { "dateTime in UTC", Literal.Typed("2020-01-01T10:00:00Z", Vocab.XsdDateTime) },
        { "canonical integer", Literal.Integer(42) },
        { "negative integer", Literal.Integer(-7) },
        { "boolean", Literal.Boolean(true) },
        { "custom datatype", Literal.Typed("IDT", new Iri("https://stdgraph.org/ns#AdoptionDegree")) },
        { "empty string", Literal.String("") },
        { "quotes braces angle brackets hash", Literal.String("He said \"}\" > <x> # not a comment") },
        { "line breaks tab backslash", Literal.String("line1\nline2\r\n\tend\\n") },
        { "injection attempt", Literal.String("x\" } } ; DROP ALL ; INSERT DATA { <a:b> <c:d> \"e") },
        { "apostrophes and triple quotes", Literal.String("'''\"\"\"'") },
        { "astral plane and combining marks", Literal.String("𠀀 emoji 🚀 é (e\u0301) \u200b") },
        { "full-width code", Literal.String("ＧＢ／Ｔ ２２０８０") },
    };

    [Theory]
    [MemberData(nameof(RoundTripLiterals))]
    public async Task literals_come_back_with_value_language_and_datatype_and_match_exactly(string what, Literal literal)
    {
        var subject = new Iri("https://stdgraph.org/id/literal-test");
        var triple = new Triple(subject, StandardsGraph.Title, literal);
        await using var store = await StoreWithAsync([triple, new Triple(subject, StandardsGraph.Code, Literal.String("other"))]);
        (await store.MatchAsync(subject, StandardsGraph.Title, null)).Should().Equal([triple], what);
        (await store.MatchAsync(null, null, literal)).Should().Equal([triple], what + " as a bound object");
        await store.RemoveAsync([triple]);
        (await store.MatchAsync(null, null, literal)).Should().BeEmpty(what + " removed");
        (await store.CountAsync()).Should().Be(1, "only the other triple remains after removing " + what);
    }

    [Fact]
    public async Task language_tags_compare_case_insensitively()
    {
        var subject = new Iri("https://stdgraph.org/id/lang-test");
        await using var store = await StoreWithAsync([new Triple(subject, StandardsGraph.Title, Literal.LangString("Security", "EN-us"))]);
        (await store.MatchAsync(null, null, Literal.LangString("Security", "en-US"))).Should().ContainSingle();
        (await store.MatchAsync(null, null, Literal.String("Security"))).Should().BeEmpty("a language-tagged string is not a plain string");
    }

    [Fact]
    public async Task iris_with_unicode_and_reserved_characters_round_trip()
    {
        var subject = new Iri("https://stdgraph.org/id/GB_T_22080-2016?q=a&b=%7D#frag");
        var unicode = new Iri("https://stdgraph.org/id/标准/ＧＢ");
        await using var store = await StoreWithAsync([new Triple(subject, StandardsGraph.Replaces, unicode)]);
        (await store.MatchAsync(subject, null, null)).Should().Equal(new Triple(subject, StandardsGraph.Replaces, unicode));
        (await store.MatchAsync(null, null, unicode)).Should().ContainSingle();
    }

    [Fact]
    public async Task blank_nodes_keep_their_identity_across_calls()
    {
        await using var store = await StoreWithAsync(StandardsGraph.Triples);
        var adoption = (await store.MatchAsync(StandardsGraph.Gbt22080_2016, StandardsGraph.Adoption, null)).Single().Obj;
        adoption.Should().BeOfType<BlankNode>();
        (await store.MatchAsync(adoption, null, null)).Select(t => t.Predicate)
            .Should().BeEquivalentTo([StandardsGraph.Degree, StandardsGraph.AdoptedDocument]);
        await store.AddAsync(StandardsGraph.Triples);
        (await store.CountAsync()).Should().Be(StandardsGraph.Triples.Count, "reloading the same blank nodes does not duplicate them");
    }

    [Fact]
    public async Task neighbours_follow_either_direction_with_predicate_filters()
    {
        await using var store = await StoreWithAsync(StandardsGraph.Triples);
        var nodes = new Term[] { StandardsGraph.Gbt22080_2016, StandardsGraph.Iso27001_2013, StandardsGraph.Isolated, Literal.String("GB/T 22080-2016") };

        var outgoing = await store.NeighboursAsync(nodes, [StandardsGraph.Replaces, StandardsGraph.Cites], Direction.Outgoing);
        outgoing.Keys.Should().BeEquivalentTo(nodes, "every requested node is a key");
        outgoing[StandardsGraph.Gbt22080_2016].Should().BeEquivalentTo(new (Iri, Term)[]
        {
            (StandardsGraph.Replaces, StandardsGraph.Gbt22080_2008), (StandardsGraph.Cites, StandardsGraph.Iso27000),
        }, "adopts and the other predicates are filtered out");
        outgoing[StandardsGraph.Iso27001_2013].Should().BeEquivalentTo(new (Iri, Term)[]
        {
            (StandardsGraph.Replaces, StandardsGraph.Iso27001_2005), (StandardsGraph.Cites, StandardsGraph.Iso27000),
        });
        outgoing[StandardsGraph.Isolated].Should().BeEmpty();
        outgoing[Literal.String("GB/T 22080-2016")].Should().BeEmpty("a literal has no outgoing edges");

        var incoming = await store.NeighboursAsync([StandardsGraph.Iso27000, Literal.String("GB/T 22080-2016")], null, Direction.Incoming);
        incoming[StandardsGraph.Iso27000].Should().BeEquivalentTo(new (Iri, Term)[]
        {
            (StandardsGraph.Cites, StandardsGraph.Iso27001_2013), (StandardsGraph.Cites, StandardsGraph.Gbt22080_2016),
        });
        incoming[Literal.String("GB/T 22080-2016")].Should().BeEquivalentTo([(StandardsGraph.Code, (Term)StandardsGraph.Gbt22080_2016)]);

        var all = await store.NeighboursAsync([StandardsGraph.Gbt22080_2016], null, Direction.Outgoing);
        all[StandardsGraph.Gbt22080_2016].Should().HaveCount(StandardsGraph.Triples.Count(t => t.Subject == StandardsGraph.Gbt22080_2016));
    }

    [Fact]
    public async Task neighbours_of_many_nodes_are_answered_in_batches()
    {
        var hub = new Iri("https://stdgraph.org/id/hub");
        var leaves = Enumerable.Range(0, 1_200).Select(i => new Iri($"https://stdgraph.org/id/leaf-{i}")).ToList();
        await using var store = await StoreWithAsync(leaves.Select(l => new Triple(l, StandardsGraph.Cites, hub)));
        var result = await store.NeighboursAsync(leaves, [StandardsGraph.Cites], Direction.Outgoing);
        result.Should().HaveCount(leaves.Count);
        result.Values.Should().OnlyContain(edges => edges.Count == 1 && edges[0].Node == hub);
    }

    [Fact]
    public async Task traversal_closure_walks_the_replacement_chain_to_its_end()
    {
        await using var store = await StoreWithAsync(StandardsGraph.Triples);
        var traversal = new GraphTraversal(store);
        var closure = await traversal.ClosureAsync(StandardsGraph.Gbt22080_2016, [StandardsGraph.Replaces], Direction.Outgoing, maxDepth: 10);
        closure.Nodes.Select(n => (n.Node, n.Depth)).Should().BeEquivalentTo(new (Term, int)[] { (StandardsGraph.Gbt22080_2008, 1), (StandardsGraph.Gbt22080_2003, 2) });
        closure.Truncated.Should().BeFalse();

        var cut = await traversal.ClosureAsync(StandardsGraph.Gbt22080_2016, [StandardsGraph.Replaces], Direction.Outgoing, maxDepth: 1);
        cut.Nodes.Should().ContainSingle().Which.Node.Should().Be(StandardsGraph.Gbt22080_2008);
        cut.Truncated.Should().BeTrue();

        var back = await traversal.ClosureAsync(StandardsGraph.Gbt22080_2003, [StandardsGraph.Replaces], Direction.Incoming, maxDepth: 10);
        back.Nodes.Select(n => n.Node).Should().Equal(StandardsGraph.Gbt22080_2008, StandardsGraph.Gbt22080_2016);
    }

    [Fact]
    public async Task shortest_path_crosses_adoption_and_citation_edges()
    {
        await using var store = await StoreWithAsync(StandardsGraph.Triples);
        var traversal = new GraphTraversal(store);
        var path = await traversal.ShortestPathAsync(StandardsGraph.Gbt22080_2008, StandardsGraph.Iso27000,
            [StandardsGraph.Replaces, StandardsGraph.Adopts, StandardsGraph.Cites], maxHops: 5, bothDirections: true);
        path.Should().NotBeNull();
        path!.Should().HaveCount(2);
        path[0].Should().Be(new PathStep(StandardsGraph.Gbt22080_2008, StandardsGraph.Replaces, StandardsGraph.Gbt22080_2016, Direction.Incoming));
        path[1].Should().Be(new PathStep(StandardsGraph.Gbt22080_2016, StandardsGraph.Cites, StandardsGraph.Iso27000, Direction.Outgoing));
        (await traversal.ShortestPathAsync(StandardsGraph.Gbt22080_2008, StandardsGraph.Isolated,
                [StandardsGraph.Replaces, StandardsGraph.Adopts, StandardsGraph.Cites], maxHops: 6, bothDirections: true))
            .Should().BeNull();
    }
}
