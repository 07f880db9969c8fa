namespace StdGraph.Rdf.Tests.Model;

public sealed class TermTests
{
    [Fact]
    public void language_tags_are_compared_case_insensitively()
    {
        Literal.LangString("chat", "FR").Should().Be(Literal.LangString("chat", "fr"));
        new Literal("chat", Vocab.XsdString, "Fr-CA").Should().Be(Literal.LangString("chat", "fr-ca"));
    }

    [Fact]
    public void language_tag_forces_lang_string_and_default_is_xsd_string()
    {
        new Literal("chat", Vocab.XsdString, "en").Datatype.Should().Be(Vocab.RdfLangString);
        Literal.String("chat").Datatype.Should().Be(Vocab.XsdString);
    }

    [Fact]
    public void terms_of_different_kinds_with_the_same_text_differ()
    {
        ((Term)new Iri("x")).Should().NotBe(new BlankNode("x"));
        Literal.String("1").Should().NotBe(Literal.Integer(1));
        Literal.Typed("x", Vocab.XsdString).Should().Be(Literal.String("x"));
    }

    [Fact]
    public void helpers_produce_canonical_lexical_forms()
    {
        Literal.Integer(-5).Should().Be(new Literal("-5", Vocab.XsdInteger));
        Literal.Date(new DateOnly(2016, 10, 13)).Should().Be(Literal.Date("2016-10-13"));
        Literal.Boolean(true).Lexical.Should().Be("true");
    }
}
