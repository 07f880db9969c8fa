using System.Text;
using System.Xml.Linq;
using StdGraph.Rdf;
using StdGraph.Sparql.Query;
using StdGraph.Sparql.Results;
using StdGraph.Sparql.Tests.Contract;

namespace StdGraph.Sparql.Tests.Engine;

public sealed class SparqlQueryEngineTests
{
    private const string Prologue = "PREFIX s: <https://stdgraph.org/ns#> PREFIX id: <https://stdgraph.org/id/> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n";

    private static SparqlQueryEngine Engine(SparqlQueryEngineOptions? options = null)
    {
        var store = new MemoryGraphStore();
        store.Add(StandardsGraph.Triples);
        return new SparqlQueryEngine(store, options);
    }

    [Fact]
    public async Task select_with_optional_filter_order_and_limit_answers_like_the_spec()
    {
        var result = await Engine().ExecuteAsync(Prologue + """
            SELECT ?std ?code WHERE {
              ?std a s:Standard .
              OPTIONAL { ?std s:code ?code }
              FILTER (!bound(?code) || strstarts(?code, "GB/T"))
            } ORDER BY DESC(?code) ?std LIMIT 3 OFFSET 1
            """);
        result.Kind.Should().Be(SparqlResultKind.Bindings);
        result.Variables.Should().Equal("std", "code");
        result.Rows.Select(r => r["std"]).Should().Equal(StandardsGraph.Gbt22080_2008, StandardsGraph.Isolated, StandardsGraph.Gbt22080_2003);
        result.Rows[0]["code"].Should().Be(Literal.String("GB/T 22080-2008"));
        result.Rows[1].Should().NotContainKey("code", "an unmatched OPTIONAL leaves the variable unbound");
    }

    [Fact]
    public async Task union_distinct_and_language_filters_work_together()
    {
        var result = await Engine().ExecuteAsync(Prologue + """
            SELECT DISTINCT ?title WHERE {
              { id:GB_T_22080-2016 s:title ?title } UNION { id:GB_T_22080-2016 s:title ?title }
              FILTER (langMatches(lang(?title), "zh") && regex(str(?title), "^信息技术"))
            }
            """);
        result.Rows.Should().ContainSingle().Which["title"].Should().Be(Literal.LangString("信息技术 安全技术 信息安全管理体系 要求", "zh"));
    }

    [Fact]
    public async Task a_filter_on_a_hostile_literal_matches_exactly_that_literal()
    {
        var result = await Engine().ExecuteAsync(Prologue + """
            SELECT ?s WHERE { ?s s:title ?t FILTER (?t = "Title with \"quotes\", } braces, > and # and\na line break") }
            """);
        result.Rows.Should().ContainSingle().Which["s"].Should().Be(StandardsGraph.Iso27000);
    }

    [Fact]
    public async Task ask_answers_true_and_false()
    {
        (await Engine().ExecuteAsync(Prologue + "ASK { id:GB_T_22080-2016 s:replaces id:GB_T_22080-2008 }")).Boolean.Should().BeTrue();
        (await Engine().ExecuteAsync(Prologue + "ASK { id:GB_T_22080-2008 s:replaces id:GB_T_22080-2016 }")).Boolean.Should().BeFalse();
    }

    [Fact]
    public async Task construct_builds_a_graph_that_round_trips_through_turtle()
    {
        var result = await Engine().ExecuteAsync(Prologue + "CONSTRUCT { ?new s:isReplacementOf ?old . ?old s:note [ s:text \"superseded\" ] } WHERE { ?new s:replaces ?old }");
        result.Kind.Should().Be(SparqlResultKind.Graph);
        result.Triples.Should().HaveCount(9, "three replacements, each with three template triples");
        var turtle = WriteToString(result, SparqlResult.TurtleMediaType);
        GraphIsomorphism.AreIsomorphic(TurtleReader.Parse(turtle).ToList(), result.Triples.ToList()).Should().BeTrue();
        var nTriples = WriteToString(result, SparqlResult.NTriplesMediaType);
        NTriplesReader.Parse(nTriples).Should().HaveCount(9);
    }

    [Fact]
    public async Task describe_returns_the_concise_bounded_description_including_blank_nodes()
    {
        var result = await Engine().ExecuteAsync(Prologue + "DESCRIBE id:GB_T_22080-2016");
        var expected = StandardsGraph.Triples.Where(t => t.Subject == StandardsGraph.Gbt22080_2016 || t.Subject is BlankNode).ToList();
        result.Triples.Should().BeEquivalentTo(expected);
    }

    [Theory]
    [InlineData("SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s", "expressions in the SELECT clause")]
    [InlineData("SELECT ?s WHERE { ?s ?p ?o } GROUP BY ?s", "GROUP BY")]
    [InlineData("SELECT ?s WHERE { ?s s:replaces+ ?o }", "property paths")]
    [InlineData("SELECT ?s WHERE { ?s s:replaces/s:replaces ?o }", "property paths")]
    [InlineData("SELECT ?s WHERE { ?s ^s:replaces ?o }", "property paths")]
    [InlineData("SELECT ?s WHERE { ?s ?p ?o BIND (1 AS ?x) }", "BIND")]
    [InlineData("SELECT ?s WHERE { VALUES ?s { id:x } ?s ?p ?o }", "VALUES")]
    [InlineData("SELECT ?s WHERE { ?s ?p ?o MINUS { ?s a s:Standard } }", "MINUS")]
    [InlineData("SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?o } } }", "subqueries")]
    [InlineData("SELECT ?s FROM <urn:g> WHERE { ?s ?p ?o }", "FROM")]
    [InlineData("SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } }", "GRAPH")]
    [InlineData("SELECT ?s WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }", "SERVICE")]
    [InlineData("SELECT ?s WHERE { ?s ?p ?o FILTER (CONCAT(?o, \"x\") = \"y\") }", "CONCAT")]
    [InlineData("SELECT ?s WHERE { ?s ?p ?o FILTER NOT EXISTS { ?s a s:Standard } }", "NOT")]
    [InlineData("SELECT ?s WHERE { ?s ?p ?o FILTER (?o IN (1, 2)) }", "IN")]
    public async Task unsupported_features_are_named_in_the_error(string query, string feature)
    {
        var act = () => Engine().ExecuteAsync(Prologue + query);
        (await act.Should().ThrowAsync<SparqlNotSupportedException>()).Which.Message.Should().Contain(feature);
    }

    [Theory]
    [InlineData("INSERT DATA { <urn:a> <urn:b> <urn:c> }")]
    [InlineData("PREFIX x: <urn:x:> DELETE WHERE { ?s ?p ?o }")]
    [InlineData("LOAD <http://example.org/data.ttl>")]
    [InlineData("clear all")]
    [InlineData("DROP GRAPH <urn:g>")]
    [InlineData("SELECT * WHERE { ?s ?p ?o } ; INSERT DATA { <urn:a> <urn:b> <urn:c> }")]
    public async Task updates_are_refused_as_read_only(string update)
    {
        var act = () => Engine().ExecuteAsync(update);
        (await act.Should().ThrowAsync<SparqlReadOnlyException>()).Which.Message.Should().Contain("read-only");
        SparqlOperationKind.IsUpdate(update.Split(';')[0]).Should().Be(!update.StartsWith("SELECT", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("SELECT ?s WHERE { ?s ?p }", 1)]
    [InlineData("SELECT ?s WHERE {\n  ?s ?p ?o .\n  FILTER (?o = ) }", 3)]
    [InlineData("SELECT ?s WHERE { ?s undeclared:p ?o }", 1)]
    [InlineData("SELECT ?s WHERE { ?s ?p \"unterminated }", 1)]
    public async Task syntax_errors_point_at_the_line(string query, int line)
    {
        var act = () => Engine().ExecuteAsync(query);
        (await act.Should().ThrowAsync<SparqlSyntaxException>()).Which.Line.Should().Be(line);
    }

    [Fact]
    public async Task more_results_than_the_cap_is_an_error_that_suggests_a_limit()
    {
        var engine = Engine(new SparqlQueryEngineOptions { MaxResults = 5 });
        var act = () => engine.ExecuteAsync("SELECT * WHERE { ?s ?p ?o }");
        (await act.Should().ThrowAsync<SparqlQueryLimitException>()).Which.Message.Should().Contain("LIMIT 5");
        (await engine.ExecuteAsync("SELECT * WHERE { ?s ?p ?o } LIMIT 5")).Rows.Should().HaveCount(5);
    }

    [Fact]
    public async Task a_cross_product_hits_the_intermediate_cap_or_the_timeout_not_the_memory()
    {
        var store = new MemoryGraphStore();
        store.Add(Enumerable.Range(0, 400).Select(i => new Triple(new Iri($"urn:s{i}"), new Iri("urn:p"), Literal.Integer(i))));
        const string crossProduct = "SELECT * WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z } LIMIT 1";

        var capped = new SparqlQueryEngine(store, new SparqlQueryEngineOptions { MaxIntermediateSolutions = 100_000, Timeout = TimeSpan.FromMinutes(1) });
        var act = () => capped.ExecuteAsync(crossProduct);
        (await act.Should().ThrowAsync<SparqlQueryLimitException>()).Which.Message.Should().Contain("intermediate");

        var timed = new SparqlQueryEngine(store, new SparqlQueryEngineOptions { MaxIntermediateSolutions = long.MaxValue, Timeout = TimeSpan.FromMilliseconds(200) });
        var slow = () => timed.ExecuteAsync(crossProduct);
        (await slow.Should().ThrowAsync<SparqlQueryLimitException>()).Which.Message.Should().Contain("longer than 0.2 s");
    }

    [Fact]
    public async Task json_results_carry_hostile_strings_languages_and_datatypes_intact()
    {
        var store = new MemoryGraphStore();
        var values = new Term[]
        {
            Literal.String("\"}\\ \n\t # < > & ' 🚀 \u0001"), Literal.LangString("标准", "zh-Hans"), Literal.Date("2016-08-29"),
            new Iri("https://stdgraph.org/id/标准?a=1&b=2"), new BlankNode("b1"),
        };
        store.Add(values.Select((v, i) => new Triple(new Iri($"urn:s{i}"), new Iri("urn:p"), v)));
        var result = await new SparqlQueryEngine(store).ExecuteAsync("SELECT ?s ?o WHERE { ?s <urn:p> ?o } ORDER BY ?s");

        using var json = new MemoryStream();
        result.Write(json, SparqlResult.JsonMediaType);
        json.Position = 0;
        var parsed = await SparqlJsonResultsReader.ReadAsync(json, CancellationToken.None);
        parsed.Variables.Should().Equal("s", "o");
        parsed.Rows.Select(r => r["o"]).Should().Equal(values);
    }

    [Fact]
    public async Task xml_results_are_well_formed_and_carry_the_same_values()
    {
        var store = new MemoryGraphStore();
        store.Add([
            new Triple(new Iri("urn:s"), new Iri("urn:p"), Literal.String("<tag> & \"quote\" ]]> 标准")),
            new Triple(new Iri("urn:s"), new Iri("urn:p"), Literal.LangString("en text", "en")),
            new Triple(new Iri("urn:s"), new Iri("urn:p"), Literal.Integer(7)),
        ]);
        var result = await new SparqlQueryEngine(store).ExecuteAsync("SELECT * WHERE { ?s ?p ?o }");
        var doc = XDocument.Parse(WriteToString(result, SparqlResult.XmlMediaType));
        XNamespace ns = "http://www.w3.org/2005/sparql-results#";
        var literals = doc.Descendants(ns + "literal").ToList();
        literals.Select(l => l.Value).Should().BeEquivalentTo("<tag> & \"quote\" ]]> 标准", "en text", "7");
        literals.Single(l => l.Value == "en text").Attribute(XNamespace.Xml + "lang")!.Value.Should().Be("en");
        literals.Single(l => l.Value == "7").Attribute("datatype")!.Value.Should().Be(Vocab.XsdInteger.Value);

        var ask = await new SparqlQueryEngine(store).ExecuteAsync("ASK { ?s ?p 7 }");
        XDocument.Parse(WriteToString(ask, SparqlResult.XmlMediaType)).Descendants(ns + "boolean").Single().Value.Should().Be("true");
        WriteToString(ask, SparqlResult.JsonMediaType).Should().Be("{\"head\":{},\"boolean\":true}");
    }

    [Theory]
    [InlineData(null, SparqlResult.JsonMediaType)]
    [InlineData("*/*", SparqlResult.JsonMediaType)]
    [InlineData("application/sparql-results+xml", SparqlResult.XmlMediaType)]
    [InlineData("text/html;q=0.9, application/sparql-results+xml;q=0.8, application/json;q=0.95", SparqlResult.JsonMediaType)]
    [InlineData("text/turtle", null)]
    public async Task content_negotiation_picks_a_format_the_client_accepts(string? accept, string? expected)
    {
        var result = await Engine().ExecuteAsync("SELECT * WHERE { ?s ?p ?o } LIMIT 1");
        result.Negotiate(accept).Should().Be(expected);
    }

    [Fact]
    public async Task graph_results_negotiate_to_turtle_or_n_triples()
    {
        var result = await Engine().ExecuteAsync(Prologue + "CONSTRUCT WHERE { ?s s:replaces ?o }");
        result.Negotiate(null).Should().Be(SparqlResult.TurtleMediaType);
        result.Negotiate("application/n-triples").Should().Be(SparqlResult.NTriplesMediaType);
        result.Negotiate("application/sparql-results+json").Should().BeNull();
        result.Triples.Should().HaveCount(3);
    }

    [Fact]
    public async Task the_engine_answers_the_same_over_the_sparql_backend_shape_of_store()
    {
        // The engine only needs IGraphStore; run a join through the async interface a remote store would use.
        var result = await Engine().ExecuteAsync(Prologue + """
            SELECT ?national ?code WHERE { ?national s:adopts ?intl . ?intl s:code ?code }
            """);
        result.Rows.Should().ContainSingle().Which["code"].Should().Be(Literal.String("ISO/IEC 27001:2013"));
    }

    private static string WriteToString(SparqlResult result, string mediaType)
    {
        using var stream = new MemoryStream();
        result.Write(stream, mediaType);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
