namespace StdGraph.Rdf.Tests.Syntax;

public sealed class WriterTests
{
    private static readonly Iri S = new("https://stdgraph.org/id/GB_T_22080-2016");
    private static readonly Iri Title = new("http://purl.org/dc/terms/title");

    [Fact]
    public void turtle_writer_groups_by_subject_with_semicolons_and_commas()
    {
        var triples = new List<Triple>
        {
            new(S, Title, Literal.LangString("信息安全管理体系 要求", "zh")),
            new(S, Title, Literal.LangString("ISMS requirements", "en")),
            new(S, Vocab.RdfType, new Iri("https://stdgraph.org/ontology#Edition")),
            new(S, new Iri("https://stdgraph.org/ontology#pages"), Literal.Integer(32)),
        };
        var prefixes = new Dictionary<string, string>(Vocab.CommonPrefixes) { ["sg"] = "https://stdgraph.org/id/", ["sgo"] = "https://stdgraph.org/ontology#" };
        var text = TurtleWriter.ToString(triples, prefixes);

        text.Should().Contain("@prefix sg: <https://stdgraph.org/id/> .");
        text.Should().Contain("sg:GB_T_22080-2016 a sgo:Edition ;\n    dcterms:title \"信息安全管理体系 要求\"@zh, \"ISMS requirements\"@en ;\n    sgo:pages 32 .");
        GraphIsomorphism.AreIsomorphic(TurtleReader.Parse(text), triples).Should().BeTrue();
    }

    [Fact]
    public void local_names_needing_escapes_are_escaped_or_written_in_full()
    {
        var prefixes = new Dictionary<string, string> { ["sg"] = "https://stdgraph.org/id/" };
        var triples = new List<Triple>
        {
            new(new Iri("https://stdgraph.org/id/GB[T]1"), Title, Literal.String("brackets cannot be in a local name")),
            new(new Iri("https://stdgraph.org/id/GB/T1"), Title, Literal.String("a slash is escaped")),
            new(new Iri("https://stdgraph.org/id/a(b)"), Title, Literal.String("parentheses are escaped")),
            new(new Iri("https://stdgraph.org/id/ends."), Title, Literal.String("a trailing dot")),
        };
        var text = TurtleWriter.ToString(triples, prefixes);
        text.Should().Contain("<https://stdgraph.org/id/GB[T]1>").And.Contain("sg:GB\\/T1").And.Contain("sg:a\\(b\\)").And.NotContain("sg:ends.");
        GraphIsomorphism.AreIsomorphic(TurtleReader.Parse(text), triples).Should().BeTrue();
    }

    [Fact]
    public void an_iri_with_a_space_is_refused_rather_than_written_unreadably()
    {
        var act = () => NTriplesWriter.ToString([new Triple(new Iri("https://stdgraph.org/id/GB T 1"), Title, Literal.String("x"))]);
        act.Should().Throw<ArgumentException>().WithMessage("*GB T 1*U+0020*");
    }

    [Fact]
    public void strings_with_quotes_newlines_and_control_characters_round_trip_in_both_syntaxes()
    {
        var nasty = Literal.String("a \"quoted\" \\ back\nslash\r\t\u0001 😀 end");
        var triples = new List<Triple> { new(S, Title, nasty), new(new BlankNode("label with spaces"), Title, Literal.Typed("x", new Iri("urn:dt"))) };
        NTriplesReader.Parse(NTriplesWriter.ToString(triples)).Should().HaveCount(2).And.Contain(t => t.Obj == nasty);
        TurtleReader.Parse(TurtleWriter.ToString(triples)).Should().Contain(t => t.Obj == nasty);
        GraphIsomorphism.AreIsomorphic(NTriplesReader.Parse(NTriplesWriter.ToString(triples)), triples).Should().BeTrue();
    }

    [Fact]
    public void ntriples_writer_writes_one_canonical_line_per_triple()
    {
        NTriplesWriter.ToString([new Triple(S, Title, Literal.LangString("x", "EN"))])
            .Should().Be("<https://stdgraph.org/id/GB_T_22080-2016> <http://purl.org/dc/terms/title> \"x\"@en .\n");
    }
}
