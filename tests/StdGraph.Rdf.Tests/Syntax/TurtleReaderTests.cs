namespace StdGraph.Rdf.Tests.Syntax;

public sealed class TurtleReaderTests
{
    [Fact]
    public void syntax_error_names_line_and_column()
    {
        const string text = "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b \"unterminated .\n";
        var act = () => TurtleReader.Parse(text);
        var error = act.Should().Throw<RdfSyntaxException>().Which;
        error.Line.Should().Be(3);
        error.Message.Should().Contain("line 3");
    }

    [Fact]
    public void undefined_prefix_is_reported_where_it_is_used()
    {
        var act = () => TurtleReader.Parse("<http://a/s> <http://a/p> nope:o .");
        var error = act.Should().Throw<RdfSyntaxException>().Which;
        error.Reason.Should().Contain("undefined prefix 'nope:'");
        (error.Line, error.Column).Should().Be((1, 27));
    }

    [Fact]
    public void relative_iri_without_base_is_an_error_and_with_base_resolves()
    {
        var act = () => TurtleReader.Parse("<s> <p> <o> .");
        act.Should().Throw<RdfSyntaxException>().Which.Reason.Should().Contain("no base IRI");
        TurtleReader.Parse("<s> <p> <../o> .", "http://example.org/a/b/doc.ttl")
            .Should().ContainSingle().Which.Obj.Should().Be(new Iri("http://example.org/a/o"));
    }

    [Fact]
    public void triples_are_streamed_statement_by_statement()
    {
        // The second statement is broken; the first must already have been produced.
        var reader = new TurtleReader(new StringReader("<http://a/s> <http://a/p> 1 .\n<http://a/s> <http://a/p> ."));
        using var e = reader.Read().GetEnumerator();
        e.MoveNext().Should().BeTrue();
        e.Current.Obj.Should().Be(Literal.Integer(1));
        var next = () => e.MoveNext();
        next.Should().Throw<RdfSyntaxException>().Which.Line.Should().Be(2);
    }

    [Fact]
    public void prefixes_and_base_are_exposed_after_reading()
    {
        var reader = new TurtleReader(new StringReader("@base <http://example.org/> .\nPREFIX ex: <ns#>\nex:a ex:b ex:c ."));
        reader.Read().ToList();
        reader.Prefixes.Should().ContainKey("ex").WhoseValue.Should().Be("http://example.org/ns#");
        reader.BaseIri.Should().Be("http://example.org/");
    }

    [Fact]
    public void chinese_text_and_language_tags_read_as_expected()
    {
        var triples = TurtleReader.Parse("""
            @prefix sg: <https://stdgraph.org/id/> .
            sg:GB_T_22239-2019 <http://www.w3.org/2000/01/rdf-schema#label> "网络安全等级保护基本要求"@zh-CN , 'Baseline'@EN .
            """);
        triples.Select(t => t.Obj).Should().Equal(Literal.LangString("网络安全等级保护基本要求", "zh-cn"), Literal.LangString("Baseline", "en"));
        triples[0].Subject.Should().Be(new Iri("https://stdgraph.org/id/GB_T_22239-2019"));
    }

    [Fact]
    public void collections_and_property_lists_produce_blank_nodes()
    {
        var triples = TurtleReader.Parse("<http://a/s> <http://a/p> ( 1 [ <http://a/q> true ] ) .");
        triples.Should().HaveCount(6);
        triples.Count(t => t.Predicate == Vocab.RdfFirst).Should().Be(2);
        triples.Should().Contain(t => t.Obj == Literal.Boolean(true));
    }

    [Fact]
    public void generated_blank_nodes_never_collide_with_document_labels()
    {
        var triples = TurtleReader.Parse("[] <http://a/p> _:b1 . _:b1 <http://a/p> [] .");
        var nodes = triples.SelectMany(t => new[] { t.Subject, t.Obj }).Distinct().ToList();
        nodes.Should().HaveCount(3);
    }
}
