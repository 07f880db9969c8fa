using System.Net;
using System.Text;

namespace StdGraph.Server.Tests;

/// <summary>The liaison-officer and chat fields and routes: equivalents, suggestions, gaps, ask (GraphQL and SSE), SPARQL.</summary>
[Collection(SnapshotCollection.Name)]
public sealed class EquivalentsAndAnswersTests(SnapshotFixture snapshot) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await snapshot.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task equivalents_of_a_national_standard_name_the_adopted_edition_with_degree_and_successor()
    {
        var answer = await _app.PostAsync("""{ equivalents(code: "gbt22080-2016") { found adopts { degree international { code status } successor { code } newerNationalAdoption } } }""");
        answer.HasErrors.Should().BeFalse(answer.ToString());
        var link = answer.Data.GetProperty("equivalents").GetProperty("adopts")[0];
        link.GetProperty("degree").GetString().Should().Be("IDT");
        link.GetProperty("international").GetProperty("code").GetString().Should().Be("ISO/IEC 27001:2013");
        link.GetProperty("successor").GetProperty("code").GetString().Should().Be("ISO/IEC 27001:2022");
        link.GetProperty("newerNationalAdoption").GetString().Should().Be("GB/T 22080-2025");
    }

    [Fact]
    public async Task suggest_equivalents_ranks_the_adopted_edition_first_for_its_english_title()
    {
        var answer = await _app.PostAsync("""
            { suggestEquivalents(input: { titleEn: "Information technology — Security techniques — Information security management systems — Requirements", issued: "2016-08-29" }, first: 5)
              { mode candidates { code confidence reasons } } }
            """);
        answer.HasErrors.Should().BeFalse(answer.ToString());
        var candidates = answer.Data.GetProperty("suggestEquivalents").GetProperty("candidates");
        candidates[0].GetProperty("code").GetString().Should().Be("ISO/IEC 27001:2013");
        candidates[0].GetProperty("confidence").GetDouble().Should().BeInRange(0, 1);
        candidates[0].GetProperty("reasons").GetArrayLength().Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task suggest_equivalents_without_anything_to_go_on_is_a_clear_error()
    {
        var answer = await _app.PostAsync("{ suggestEquivalents(input: {}) { mode } }");
        answer.ErrorCodes.Should().Contain("BAD_USER_INPUT");
    }

    [Fact]
    public async Task adoption_gaps_page_through_with_a_cursor_and_include_gb_t_32400()
    {
        var first = await _app.PostAsync("{ adoptionGaps(first: 100) { totalCount hasNextPage endCursor nodes { national adopts successor gapClosed } } }");
        first.HasErrors.Should().BeFalse(first.ToString());
        var gaps = first.Data.GetProperty("adoptionGaps");
        var total = gaps.GetProperty("totalCount").GetInt32();
        total.Should().BeGreaterThan(0);
        var all = gaps.GetProperty("nodes").EnumerateArray().ToList();
        var cursor = gaps.GetProperty("endCursor").GetString();
        while (all.Count < total)
        {
            var next = await _app.PostAsync("query($a: String) { adoptionGaps(first: 100, after: $a) { endCursor nodes { national adopts successor gapClosed } } }", new { a = cursor });
            var page = next.Data.GetProperty("adoptionGaps");
            var nodes = page.GetProperty("nodes").EnumerateArray().ToList();
            nodes.Should().NotBeEmpty();
            all.AddRange(nodes);
            cursor = page.GetProperty("endCursor").GetString();
        }

        all.Should().Contain(g => g.GetProperty("national").GetString() == "GB/T 32400-2015"
                                  && g.GetProperty("successor").GetString() == "ISO/IEC 22123-1:2023"
                                  && !g.GetProperty("gapClosed").GetBoolean());
    }

    [Fact]
    public async Task ask_answers_in_the_question_language_citing_retrieved_codes()
    {
        var answer = await _app.PostAsync("""{ ask(question: "GB/T 22080-2016 和 ISO/IEC 27001 是什么关系？") { answer language usedLlm citations { code } retrieved { code } } }""");
        answer.HasErrors.Should().BeFalse(answer.ToString());
        var ask = answer.Data.GetProperty("ask");
        ask.GetProperty("language").GetString().Should().Be("zh");
        ask.GetProperty("usedLlm").GetBoolean().Should().BeFalse();
        ask.GetProperty("answer").GetString().Should().Contain("ISO/IEC 27001:2013").And.Contain("GB/T 22080-2025");
        var cited = ask.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToList();
        var retrieved = ask.GetProperty("retrieved").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToHashSet();
        cited.Should().Contain("ISO/IEC 27001:2013").And.OnlyContain(c => retrieved.Contains(c));
    }

    [Fact]
    public async Task post_ask_streams_server_sent_events_ending_with_the_cited_answer()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/ask")
        {
            Content = new StringContent("""{"question":"Which Chinese national standards adopt ISO/IEC 17788?"}""", Encoding.UTF8, "application/json"),
        };
        using var response = await _app.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        var body = await response.Content.ReadAsStringAsync();
        body.Should().Contain("event: chunk").And.Contain("event: final");
        var final = body[body.IndexOf("event: final", StringComparison.Ordinal)..];
        final.Should().Contain("GB/T 32400-2015").And.Contain("\"language\":\"en\"");
    }

    [Fact]
    public async Task post_ask_with_broken_json_or_no_question_is_a_400_not_a_500()
    {
        var broken = await _app.Client.PostAsync("/ask", new StringContent("{\"question\": ", Encoding.UTF8, "application/json"));
        broken.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var empty = await _app.Client.PostAsync("/ask", new StringContent("{}", Encoding.UTF8, "application/json"));
        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await empty.Content.ReadAsStringAsync()).Should().Contain("question");
    }

    [Fact]
    public async Task sparql_select_with_filter_answers_in_sparql_json()
    {
        const string query = """
            PREFIX sg: <https://stdgraph.org/ontology#>
            SELECT ?code WHERE { ?s sg:code ?code . FILTER(STRSTARTS(?code, "GB/T 22080")) } ORDER BY ?code LIMIT 10
            """;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sparql?query=" + Uri.EscapeDataString(query));
        request.Headers.Accept.ParseAdd("application/sparql-results+json");
        using var response = await _app.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        text.Should().Contain("GB/T 22080-2016").And.Contain("\"bindings\"");
    }

    [Fact]
    public async Task sparql_updates_are_refused_with_403_and_unsupported_features_are_named()
    {
        var update = await _app.Client.PostAsync("/sparql", new StringContent("INSERT DATA { <urn:a> <urn:b> <urn:c> }", Encoding.UTF8, "application/sparql-update"));
        update.StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var form = await _app.Client.PostAsync("/sparql", new FormUrlEncodedContent([new("update", "CLEAR ALL")]));
        form.StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var syntax = await _app.Client.GetAsync("/sparql?query=" + Uri.EscapeDataString("SELECT ?x WHERE { ?x"));
        syntax.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await syntax.Content.ReadAsStringAsync()).Should().Contain("line");
    }
}
