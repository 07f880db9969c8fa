namespace StdGraph.Rdf.Tests.Store;

/// <summary>MemoryGraphStore.Match agrees with a naive filter over a list, on random graphs and random edits.</summary>
public sealed class MatchPropertyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(42)]
    [InlineData(2024)]
    public void match_agrees_with_a_naive_filter_through_random_adds_and_removes(int seed)
    {
        var random = new Random(seed);
        var nodes = Enumerable.Range(0, 12).Select(i => i % 4 == 0 ? (Term)new BlankNode("b" + i) : new Iri("urn:n" + i)).ToArray();
        var predicates = Enumerable.Range(0, 4).Select(i => new Iri("urn:p" + i)).ToArray();
        var objects = nodes.Concat([Literal.String("x"), Literal.LangString("x", "en"), Literal.Integer(1), Literal.Typed("1", Vocab.XsdDecimal)]).ToArray();
        Triple RandomTriple() => new(nodes[random.Next(nodes.Length)], predicates[random.Next(predicates.Length)], objects[random.Next(objects.Length)]);

        var store = new MemoryGraphStore();
        var reference = new HashSet<Triple>();
        for (var round = 0; round < 40; round++)
        {
            var batch = Enumerable.Range(0, random.Next(1, 30)).Select(_ => RandomTriple()).ToList();
            if (random.Next(3) == 0)
            {
                store.Remove(batch);
                reference.ExceptWith(batch);
            }
            else
            {
                store.Add(batch);
                reference.UnionWith(batch);
            }
            store.Count.Should().Be(reference.Count);

            for (var probe = 0; probe < 20; probe++)
            {
                var s = random.Next(3) == 0 ? null : nodes[random.Next(nodes.Length)];
                var p = random.Next(3) == 0 ? null : predicates[random.Next(predicates.Length)];
                var o = random.Next(3) == 0 ? null : objects[random.Next(objects.Length)];
                var expected = reference.Where(t => (s is null || t.Subject == s) && (p is null || t.Predicate == p) && (o is null || t.Obj == o));
                store.Match(s, p, o).ShouldBeSameTriples(expected, $"seed {seed}, round {round}, pattern ({s}, {p}, {o})");
            }
        }
    }
}
