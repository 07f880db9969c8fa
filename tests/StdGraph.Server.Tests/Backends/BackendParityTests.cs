using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace StdGraph.Server.Tests.Backends;

/// <summary>
/// <c>serve --graph sparql</c> answers like the embedded backend: every graph-reading query below gives byte-identical
/// <c>data</c> on both. Each case also names a code the answer must hold, so two equally empty answers cannot pass.
/// </summary>
[Collection(BackendPairCollection.Name)]
public sealed class BackendParityTests(BackendPairFixture backends, ITestOutputHelper output)
{
    /// <summary>The two queries of the GraphQL issue, verbatim.</summary>
    private const string IssueStandardQuery =
        "{ standard(code:\"GB/T 22080-2016\") { code adopts { degree standard { code replacedBy { code } } } } }";

    private const string IssueSearchQuery =
        "{ search(text:\"云计算\", filter:{status:VALID}, first:5) { totalCount edges { node { code title(lang:ZH) adopts { standard { code } } } } facets { name values { value count } } } }";

    public static TheoryData<string, string, string> GraphQueries => new()
    {
        { "issue: standard with adoptions", IssueStandardQuery, "ISO/IEC 27001:2022" },
        { "issue: search 云计算 with adoptions and facets", IssueSearchQuery, "云计算" },
        {
            "national edition: every relation, history, fields, committee and ICS",
            """
            { standard(code:"GB/T 22080-2016") { code canonical iri workKey inCatalogue status issued committee ics ccs
                replaces { code status } replacedBy { code status } history { code issued status }
                adopts { degree degreeLabel(lang:ZH) standard { code status inCatalogue } } adoptedBy { standard { code } }
                cites { code } citedBy { code } amendments { code } amends { code } updates { code } updatedBy { code }
                fields { field { id labelEn } rule reason } } }
            """,
            "GB/T 28450-2020"
        },
        {
            "international edition: adopted by, corrigenda, replaced by, history",
            """
            { standard(code:"ISO/IEC 27001:2013") { code adoptedBy { degree standard { code } }
                amendments { code amends { code } } replaces { code } replacedBy { code } history { code status } citedBy { code } } }
            """,
            "GB/T 22080-2016"
        },
        {
            "current edition: amendments and what it replaces",
            """
            { standard(code:"ISO/IEC 27001:2022") { code amendments { code status } replaces { code } adoptedBy { degree standard { code } }
                history { code } } }
            """,
            "ISO/IEC 27001:2022/Amd 1:2024"
        },
        {
            "an amendment points at its base edition",
            "{ standard(code:\"ISO/IEC 27001:2013/Cor 1:2014\") { code amends { code amendments { code } } replacedBy { code } } }",
            "ISO/IEC 27001:2013/Cor 2:2015"
        },
        {
            "a withdrawn vocabulary: adopted nationally, replaced by two editions",
            "{ standard(code:\"ISO/IEC 17788:2014\") { code status adoptedBy { degree standard { code title(lang:ZH) } } replacedBy { code replaces { code } } history { code } } }",
            "GB/T 32400-2015"
        },
        {
            "an RFC: obsoletes, updates, cites and is cited",
            "{ standard(code:\"RFC 6960\") { code replaces { code } replacedBy { code } updates { code updatedBy { code } } updatedBy { code } cites(first:100) { code inCatalogue } citedBy(first:100) { code } } }",
            "RFC 5912"
        },
        {
            "undated citations point at works",
            "{ standard(code:\"GB/T 39725-2020\") { code cites { code inCatalogue workKey } } }",
            "GB/T 31168"
        },
        {
            "a cited work's editions are cited by the undated citation",
            "{ standard(code:\"GB/T 31168-2023\") { code citedBy { code } replaces { code } history { code } } }",
            "GB/T 39725-2020"
        },
        {
            "work: all editions with their successors, and the current one",
            "{ work(key:\"ISO/IEC 27001\") { key editions { code status replacedBy { code } amendments { code } } current { code adoptedBy { degree standard { code } } } } }",
            "ISO/IEC 27001:2022"
        },
        {
            "standards by codes, in the order asked, null where unknown",
            """
            { standards(codes:["GB/T 22080-2025", "ISO/IEC 27002:2022", "GB/T 99999-2099", "gbt22081-2016"]) {
                code adopts { degree standard { code adoptedBy { standard { code } } } } replaces { code } replacedBy { code } } }
            """,
            "GB/T 22081-2024"
        },
        {
            "path from a national edition to an older international one",
            "{ path(from:\"GB/T 22080-2025\", to:\"ISO/IEC 27001:2013\", maxHops:4) { length steps { from { code } relation degree to { code } } } }",
            "ISO/IEC 27001:2013"
        },
        {
            "path over chosen relations",
            "{ path(from:\"GB/T 32400-2015\", to:\"ISO/IEC 22123-1:2023\", via:[ADOPTS, REPLACED_BY]) { length steps { relation degree to { code } } } }",
            "ISO/IEC 22123-1:2023"
        },
        {
            "no path within the hops is null on both",
            "{ path(from:\"GB/T 22080-2016\", to:\"RFC 6960\", maxHops:3) { length } }",
            "\"path\":null"
        },
        {
            "related: adoptions and replacements three steps out",
            "{ standard(code:\"GB/T 22080-2016\") { related(relations:[ADOPTS, REPLACED_BY, REPLACES, AMENDMENTS], depth:3) { distance relation degree via { code } standard { code } } } }",
            "ISO/IEC 27001:2013/Cor 1:2014"
        },
        {
            "related: every relation two steps out",
            "{ standard(code:\"ISO/IEC 27002:2013\") { related(relations:[REPLACES, REPLACED_BY, ADOPTS, ADOPTED_BY, CITES, CITED_BY, AMENDS, AMENDMENTS, UPDATES, UPDATED_BY], depth:2, first:100) { distance relation degree via { code } standard { code } } } }",
            "GB/T 22081-2016"
        },
        {
            "search, one hop from every hit",
            "{ search(text:\"信息安全管理体系\", first:10) { totalCount edges { cursor score highlights node { code adopts { degree standard { code } } replacedBy { code } citedBy { code } } } } }",
            "GB/T 22080-2016"
        },
        {
            "search, two hops from every hit",
            """
            { search(text:"cloud computing", first:20) { totalCount pageInfo { hasNextPage endCursor }
                edges { node { code replaces { code replacedBy { code } } adoptedBy { degree standard { code adopts { standard { code } } } }
                  amendments { code amends { code } } } } } }
            """,
            "ISO/IEC 22123-1:2023"
        },
        {
            "search nodes with their histories",
            "{ search(text:\"27002\", first:10) { nodes { code history { code status } adoptedBy { standard { code history { code } } } } } }",
            "GB/T 22081-2008"
        },
        {
            "stats count the same triples",
            "{ stats { editions committees icsClasses triples } }",
            "triples"
        },
    };

    [Theory]
    [MemberData(nameof(GraphQueries))]
    public async Task graph_queries_answer_the_same_data_on_the_sparql_backend_as_on_the_embedded_one(string name, string query, string mustContain)
    {
        var embedded = await backends.Embedded.PostAsync(query);
        var sparql = await backends.Sparql.PostAsync(query);

        embedded.Status.Should().Be(200, $"{name}: {embedded}");
        embedded.HasErrors.Should().BeFalse($"{name}: {embedded}");
        embedded.Data.GetRawText().Should().Contain(mustContain, "the case must ask about data the subset holds");
        sparql.Status.Should().Be(200, $"{name}: {sparql}");
        sparql.HasErrors.Should().BeFalse($"{name}: {sparql}");
        sparql.Data.GetRawText().Should().Be(embedded.Data.GetRawText(), name);
    }

    [Fact]
    public async Task every_edition_of_the_subset_has_the_same_relations_on_both_backends()
    {
        const string relations = """
            code replaces { code } replacedBy { code } amendments { code } amends { code } cites(first:100) { code }
            citedBy(first:100) { code } updates { code } updatedBy { code } adopts { degree standard { code } }
            adoptedBy { degree standard { code } } history { code }
            """;
        backends.Editions.Should().HaveCountGreaterThan(200);
        var linked = 0;
        foreach (var chunk in backends.Editions.Chunk(10))
        {
            var query = $"query($codes: [String!]!) {{ standards(codes: $codes) {{ {relations} }} }}";
            var embedded = await backends.Embedded.PostAsync(query, new { codes = chunk });
            var sparql = await backends.Sparql.PostAsync(query, new { codes = chunk });

            embedded.HasErrors.Should().BeFalse(embedded.ToString());
            sparql.HasErrors.Should().BeFalse(sparql.ToString());
            sparql.Data.GetRawText().Should().Be(embedded.Data.GetRawText(), string.Join(", ", chunk));
            linked += embedded.Data.GetProperty("standards").EnumerateArray().Count(s => s.GetProperty("history").GetArrayLength() > 1 || s.GetProperty("adopts").GetArrayLength() > 0);
        }

        linked.Should().BeGreaterThan(50, "most editions of the subset are linked to others");
    }

    [Fact]
    public async Task the_issue_standard_query_finds_the_identical_adoption_and_its_successor_on_the_sparql_backend()
    {
        var answer = await backends.Sparql.PostAsync(IssueStandardQuery);

        answer.HasErrors.Should().BeFalse(answer.ToString());
        var adoption = answer.Data.GetProperty("standard").GetProperty("adopts").EnumerateArray().Single();
        adoption.GetProperty("degree").GetString().Should().Be("IDT");
        adoption.GetProperty("standard").GetProperty("code").GetString().Should().Be("ISO/IEC 27001:2013");
        adoption.GetProperty("standard").GetProperty("replacedBy").EnumerateArray().Select(s => s.GetProperty("code").GetString())
            .Should().Equal("ISO/IEC 27001:2022");
    }

    [Fact]
    public async Task the_sparql_graph_holds_every_triple_of_the_embedded_one()
    {
        output.WriteLine($"subset: {backends.SubsetRecords} records, {backends.EmbeddedTriples:N0} triples; Virtuoso load {backends.SparqlLoadSeconds:0.##} s");
        var answer = await backends.Sparql.PostAsync("{ stats { triples } }");

        answer.HasErrors.Should().BeFalse(answer.ToString());
        answer.Data.GetProperty("stats").GetProperty("triples").GetInt64().Should().Be(backends.EmbeddedTriples);
    }

    [Fact]
    public async Task sparql_select_answers_the_same_bindings_on_both_backends()
    {
        const string query = """
            PREFIX sg: <https://stdgraph.org/ontology#>
            SELECT ?newer ?code WHERE { ?newer sg:replaces <https://stdgraph.org/id/GB_T_22080-2016> . ?newer sg:code ?code }
            """;

        var embedded = await SelectAsync(backends.Embedded, query);
        var sparql = await SelectAsync(backends.Sparql, query);

        embedded.Should().Contain("newer=https://stdgraph.org/id/GB_T_22080-2025 code=GB/T 22080-2025");
        sparql.Should().BeEquivalentTo(embedded);
    }

    /// <summary>The rows of a SELECT through <c>/sparql</c>, each as "var=value …" (row order is not part of SPARQL's answer).</summary>
    private static async Task<List<string>> SelectAsync(TestApp app, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sparql") { Content = new StringContent(query, Encoding.UTF8, "application/sparql-query") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/sparql-results+json"));
        using var response = await app.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(200, text);
        using var json = JsonDocument.Parse(text);
        var vars = json.RootElement.GetProperty("head").GetProperty("vars").EnumerateArray().Select(v => v.GetString()!).ToList();
        return json.RootElement.GetProperty("results").GetProperty("bindings").EnumerateArray()
            .Select(row => string.Join(' ', vars.Select(v => $"{v}={(row.TryGetProperty(v, out var b) ? b.GetProperty("value").GetString() : "")}")))
            .ToList();
    }
}
