namespace StdGraph.Rdf.Tests.Conformance;

/// <summary>Every entry of the W3C RDF 1.1 N-Triples manifest, one test case each.</summary>
public sealed class NTriplesConformanceTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, ManifestEntry>> Manifest =
        new(() => W3cManifest.Load("rdf-n-triples", "http://www.w3.org/2013/N-TriplesTests/"));

    public static TheoryData<string> Entries() => new(Manifest.Value.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void manifest_lists_positive_and_negative_tests()
    {
        Manifest.Value.Count.Should().BeGreaterThan(60);
        Manifest.Value.Values.Select(e => e.Type).Distinct().Should().Contain(["TestNTriplesPositiveSyntax", "TestNTriplesNegativeSyntax"]);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void ntriples_manifest_entry_behaves_as_specified(string name)
    {
        var entry = Manifest.Value[name];
        var parse = () =>
        {
            using var reader = new StreamReader(entry.ActionPath);
            return new NTriplesReader(reader).Read().ToList();
        };
        switch (entry.Type)
        {
            case "TestNTriplesPositiveSyntax":
                var triples = parse.Should().NotThrow().Subject;
                // N-Triples is a subset of Turtle, so the Turtle reader must read the same graph.
                using (var reader = new StreamReader(entry.ActionPath))
                    GraphIsomorphism.AreIsomorphic(triples, new TurtleReader(reader, entry.ActionBaseIri).Read().ToList()).Should().BeTrue();
                break;
            case "TestNTriplesNegativeSyntax":
                parse.Should().Throw<RdfSyntaxException>();
                break;
            default:
                throw new InvalidOperationException("unknown test type " + entry.Type);
        }
    }
}
