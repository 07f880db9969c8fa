using StdGraph.Rdf;
using StdGraph.Sparql.Query;
using StdGraph.Sparql.Syntax;
using StdGraph.Sparql.Tests.Contract;

namespace StdGraph.Sparql.Tests.Syntax;

public sealed class SparqlTermFormatterTests
{
    public static TheoryData<string, Literal> Literals => GraphStoreContract.RoundTripLiterals;

    [Theory]
    [MemberData(nameof(Literals))]
    public void a_formatted_literal_parses_back_to_the_same_term_and_stays_inside_its_pattern(string what, Literal literal)
    {
        var query = SparqlParser.Parse($"CONSTRUCT {{ <urn:s> <urn:p> {SparqlTermFormatter.Format(literal)} }} WHERE {{ }}");
        query.Template.Should().ContainSingle(what).Which.Obj.Should().Be(new TermNode(literal), what);
    }

    [Fact]
    public void random_strings_survive_formatting_and_parsing()
    {
        var random = new Random(20261125);
        const string alphabet = "\"'\\{}<>#\n\r\t .;,?$@^_:-标准ＧＢ🚀\u0000\u0001\u007f\u200b";
        for (var i = 0; i < 2_000; i++)
        {
            var chars = new char[random.Next(0, 24)];
            for (var j = 0; j < chars.Length; j++) chars[j] = alphabet[random.Next(alphabet.Length)];
            var value = new string(chars).Replace("\ud83d", "").Replace("\ude80", "");
            var literal = Literal.String(value);
            var query = SparqlParser.Parse($"ASK {{ <urn:s> <urn:p> {SparqlTermFormatter.Format(literal)} }}");
            var bgp = (BgpPattern)query.Where;
            bgp.Triples.Should().ContainSingle().Which.Obj.Should().Be(new TermNode(literal), "value {0}", value);
        }
    }

    [Fact]
    public void blank_nodes_are_never_sent_unskolemized()
    {
        var act = () => SparqlTermFormatter.Format(new BlankNode("b"));
        act.Should().Throw<ArgumentException>();
    }
}
