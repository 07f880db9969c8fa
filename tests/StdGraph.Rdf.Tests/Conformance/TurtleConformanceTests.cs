namespace StdGraph.Rdf.Tests.Conformance;

/// <summary>Every entry of the W3C RDF 1.1 Turtle manifest, one test case each.</summary>
public sealed class TurtleConformanceTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, ManifestEntry>> Manifest =
        new(() => W3cManifest.Load("rdf-turtle", "http://www.w3.org/2013/TurtleTests/"));

    public static TheoryData<string> Entries() => new(Manifest.Value.Keys.Order(StringComparer.Ordinal));

    public static TheoryData<string> EvalEntries() =>
        new(Manifest.Value.Values.Where(e => e.Type == "TestTurtleEval").Select(e => e.Name).Order(StringComparer.Ordinal));

    [Fact]
    public void manifest_lists_every_test_kind()
    {
        Manifest.Value.Count.Should().BeGreaterThan(300);
        Manifest.Value.Values.Select(e => e.Type).Distinct().Should().Contain(["TestTurtleEval", "TestTurtlePositiveSyntax", "TestTurtleNegativeSyntax"]);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void turtle_manifest_entry_behaves_as_specified(string name)
    {
        var entry = Manifest.Value[name];
        switch (entry.Type)
        {
            case "TestTurtlePositiveSyntax":
                var act = () => Parse(entry);
                act.Should().NotThrow();
                break;
            case "TestTurtleNegativeSyntax":
            case "TestTurtleNegativeEval":
                var bad = () => Parse(entry);
                bad.Should().Throw<RdfSyntaxException>();
                break;
            case "TestTurtleEval":
                var actual = Parse(entry);
                var expected = ReadNTriples(entry.ResultPath!);
                GraphIsomorphism.AreIsomorphic(actual, expected).Should().BeTrue(
                    "expected\n{0}\nbut read\n{1}", NTriplesWriter.ToString(expected), NTriplesWriter.ToString(actual));
                break;
            default:
                throw new InvalidOperationException("unknown test type " + entry.Type);
        }
    }

    [Theory]
    [MemberData(nameof(EvalEntries))]
    public void eval_graph_round_trips_through_both_writers(string name)
    {
        var graph = Parse(Manifest.Value[name]);
        var prefixes = new Dictionary<string, string>(Vocab.CommonPrefixes) { [""] = "http://www.w3.org/2013/TurtleTests/", ["t"] = Manifest.Value[name].ActionBaseIri };

        var turtle = TurtleWriter.ToString(graph, prefixes);
        var fromTurtle = TurtleReader.Parse(turtle);
        GraphIsomorphism.AreIsomorphic(graph, fromTurtle).Should().BeTrue("Turtle written was\n{0}", turtle);

        var ntriples = NTriplesWriter.ToString(graph);
        var fromNTriples = NTriplesReader.Parse(ntriples);
        GraphIsomorphism.AreIsomorphic(graph, fromNTriples).Should().BeTrue("N-Triples written was\n{0}", ntriples);
    }

    private static List<Triple> Parse(ManifestEntry entry)
    {
        using var reader = new StreamReader(entry.ActionPath);
        return new TurtleReader(reader, entry.ActionBaseIri).Read().ToList();
    }

    private static List<Triple> ReadNTriples(string path)
    {
        using var reader = new StreamReader(path);
        return new NTriplesReader(reader).Read().ToList();
    }
}
