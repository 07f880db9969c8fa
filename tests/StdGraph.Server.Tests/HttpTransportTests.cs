using System.Net;
using System.Text;

namespace StdGraph.Server.Tests;

/// <summary>GraphQL over HTTP: methods, media types, status codes and malformed requests.</summary>
[Collection(SnapshotCollection.Name)]
public sealed class HttpTransportTests(SnapshotFixture snapshot) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await snapshot.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task post_answers_data_as_graphql_response_json()
    {
        var answer = await _app.PostAsync("{ standard(code: \"GB/T 22080-2016\") { code } }");
        answer.Status.Should().Be(200, answer.ToString());
        answer.MediaType.Should().Be(TestApp.GraphQLResponseJson);
        answer.Data.GetProperty("standard").GetProperty("code").GetString().Should().Be("GB/T 22080-2016");
    }

    [Fact]
    public async Task legacy_application_json_accept_gets_application_json()
    {
        var answer = await _app.PostAsync("{ stats { editions } }", accept: "application/json");
        answer.Status.Should().Be(200);
        answer.MediaType.Should().Be("application/json");
    }

    [Fact]
    public async Task get_runs_a_query_from_the_url()
    {
        var answer = await _app.SendAsync(new HttpRequestMessage(HttpMethod.Get,
            "/graphql?query=" + Uri.EscapeDataString("query Q($c: String!) { standard(code: $c) { code } }") + "&variables=" + Uri.EscapeDataString("{\"c\":\"gbt22080-2016\"}")));
        answer.Status.Should().Be(200, answer.ToString());
        answer.Data.GetProperty("standard").GetProperty("code").GetString().Should().Be("GB/T 22080-2016");
    }

    [Fact]
    public async Task get_refuses_a_mutation_with_405()
    {
        var answer = await _app.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { x }")));
        answer.Status.Should().Be(405, answer.ToString());
        answer.Allow.Should().Be("POST");
        answer.ErrorCodes.Should().Equal("METHOD_NOT_ALLOWED");
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task other_methods_are_405_with_allow(string method)
    {
        var answer = await _app.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/graphql") { Content = new StringContent("{}", Encoding.UTF8, "application/json") });
        answer.Status.Should().Be(405);
        answer.Allow.Should().Be("GET, POST");
        answer.ErrorCodes.Should().Equal("METHOD_NOT_ALLOWED");
    }

    [Theory]
    [InlineData("{\"query\": \"{ stats { editions } }\"")]
    [InlineData("not json at all")]
    [InlineData("{\"query\": 42}")]
    [InlineData("{\"query\": \"{ stats { editions } }\", \"variables\": \"oops\"}")]
    public async Task malformed_json_is_400(string body)
    {
        var answer = await Raw(body);
        answer.Status.Should().Be(400, answer.ToString());
        answer.ErrorCodes.Should().Equal("INVALID_JSON");
        answer.Text.Should().NotContain("   at ", "no stack trace");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"query\": \"\"}")]
    [InlineData("{\"variables\": {}}")]
    public async Task a_body_without_query_is_400(string body)
    {
        var answer = await Raw(body);
        answer.Status.Should().Be(400, answer.ToString());
        answer.ErrorCodes.Should().Equal("QUERY_MISSING");
    }

    [Theory]
    [InlineData("[{\"query\": \"{ stats { editions } }\"}]")]
    [InlineData("\"{ stats { editions } }\"")]
    public async Task a_body_that_is_not_one_object_is_400(string body)
    {
        var answer = await Raw(body);
        answer.Status.Should().Be(400, answer.ToString());
        answer.ErrorCodes.Should().Equal("BAD_REQUEST");
    }

    [Theory]
    [InlineData("C3 28")] // a lead byte followed by ASCII
    [InlineData("FF")] // never valid in UTF-8
    [InlineData("ED A0 80")] // an encoded surrogate
    public async Task a_body_with_invalid_utf8_is_400_instead_of_read_with_replacement_characters(string hex)
    {
        // Was: 200, the search run for U+FFFD — an answer to a question nobody asked.
        var bytes = Encoding.UTF8.GetBytes("{\"query\": \"{ search(text: \\\"").Concat(Convert.FromHexString(hex.Replace(" ", ""))).Concat(Encoding.UTF8.GetBytes("\\\") { totalCount } }\"}")).ToArray();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var answer = await _app.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content });
        answer.Status.Should().Be(400, answer.ToString());
        answer.ErrorCodes.Should().Equal("INVALID_JSON");
        answer.FirstErrorMessage.Should().Contain("UTF-8");
    }

    [Fact]
    public async Task a_query_string_with_invalid_utf8_is_400()
    {
        var answer = await _app.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B%20search(text%3A%20%22%C3%28%22)%20%7B%20totalCount%20%7D%20%7D"));
        answer.Status.Should().Be(400, answer.ToString());
        answer.ErrorCodes.Should().Equal("BAD_REQUEST");

        var chinese = await _app.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ search(text: \"云计算\") { totalCount } }")));
        chinese.Status.Should().Be(200, chinese.ToString());
    }

    [Fact]
    public async Task a_body_that_is_not_json_media_is_415()
    {
        var answer = await _app.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{ stats { editions } }", Encoding.UTF8, "text/plain") });
        answer.Status.Should().Be(415, answer.ToString());
        answer.ErrorCodes.Should().Equal("UNSUPPORTED_MEDIA_TYPE");
    }

    [Fact]
    public async Task an_accept_header_we_cannot_satisfy_is_406()
    {
        var answer = await _app.PostAsync("{ stats { editions } }", accept: "application/xml");
        answer.Status.Should().Be(406, answer.ToString());
    }

    [Fact]
    public async Task a_syntax_error_is_400_with_graphql_response_json()
    {
        var answer = await _app.PostAsync("{ standard(code: ");
        answer.Status.Should().Be(400, answer.ToString());
        answer.Json.TryGetProperty("data", out _).Should().BeFalse("a request error has no data entry");
        answer.ErrorCodes.Should().Equal("SYNTAX_ERROR");
    }

    [Fact]
    public async Task a_validation_error_is_200_with_legacy_application_json()
    {
        var answer = await _app.PostAsync("{ noSuchField }", accept: "application/json");
        answer.Status.Should().Be(200, answer.ToString());
        answer.HasErrors.Should().BeTrue();
    }

    [Fact]
    public async Task an_unknown_field_is_400_naming_the_field()
    {
        var answer = await _app.PostAsync("{ standard(code: \"GB/T 22080-2016\") { code colour } }");
        answer.Status.Should().Be(400, answer.ToString());
        answer.FirstErrorMessage.Should().Contain("colour");
        answer.ErrorCodes.Should().Equal("FIELDS_ON_CORRECT_TYPE");
    }

    [Fact]
    public async Task a_variable_of_the_wrong_type_is_400()
    {
        var answer = await _app.PostAsync("query Q($n: Int) { search(text: \"cloud\", first: $n) { totalCount } }", new { n = "many" });
        answer.Status.Should().Be(400, answer.ToString());
        answer.ErrorCodes.Should().Equal("INVALID_VALUE");
    }

    [Fact]
    public async Task a_one_megabyte_query_is_413()
    {
        var query = "{ stats { editions } }" + new string(' ', 1024 * 1024);
        var answer = await _app.PostAsync(query);
        answer.Status.Should().Be(413, answer.ToString().Length.ToString());
        answer.ErrorCodes.Should().Equal("REQUEST_TOO_LARGE");
    }

    [Fact]
    public async Task a_one_megabyte_query_string_is_413()
    {
        var answer = await _app.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + new string('a', 1024 * 1024)));
        answer.Status.Should().Be(413);
    }

    [Fact]
    public async Task an_invalid_code_is_a_clean_field_error_and_the_rest_still_resolves()
    {
        var answer = await _app.PostAsync("{ bad: standard(code: \"not a code\") { code } good: standard(code: \"ISO/IEC 27001:2022\") { code } }");
        answer.Status.Should().Be(200, answer.ToString());
        answer.ErrorCodes.Should().Equal("INVALID_CODE");
        answer.Data.GetProperty("bad").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        answer.Data.GetProperty("good").GetProperty("code").GetString().Should().Be("ISO/IEC 27001:2022");
    }

    [Fact]
    public async Task chinese_text_is_not_escaped()
    {
        var answer = await _app.PostAsync("{ standard(code: \"GB/T 22080-2016\") { title(lang: ZH) } }");
        answer.Text.Should().Contain("信息技术 安全技术 信息安全管理体系 要求");
        answer.Text.Should().NotContain("\\u");
    }

    [Fact]
    public async Task a_browser_gets_graphiql_served_from_the_app()
    {
        var page = await _app.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql"), accept: "text/html");
        page.Status.Should().Be(200);
        page.MediaType.Should().Be("text/html");
        page.Text.Should().Contain("GraphiQL.createFetcher");
        page.Text.Should().NotContainAny("https://", "http://unpkg", "cdn");
        foreach (var asset in new[] { "graphiql.min.js", "graphiql.min.css", "react.production.min.js", "react-dom.production.min.js", "THIRD-PARTY-NOTICES.txt" })
        {
            using var response = await _app.Client.GetAsync("/graphiql/" + asset);
            response.StatusCode.Should().Be(HttpStatusCode.OK, asset);
            (await response.Content.ReadAsByteArrayAsync()).Length.Should().BeGreaterThan(1000, asset);
        }

        using var missing = await _app.Client.GetAsync("/graphiql/nothing.js");
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task healthz_reports_the_generation_in_service()
    {
        using var response = await _app.Client.GetAsync("/healthz");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        text.Should().Contain("\"status\":\"ok\"").And.Contain("gen-");
    }

    [Fact]
    public async Task metrics_count_requests_and_bucket_their_latency()
    {
        await _app.PostAsync("{ stats { editions } }");
        await _app.PostAsync("{ nope }");
        using var response = await _app.Client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        text.Should().Contain("stdgraph_http_requests_total{endpoint=\"/graphql\",method=\"POST\",status=\"200\"} ");
        text.Should().Contain("stdgraph_http_requests_total{endpoint=\"/graphql\",method=\"POST\",status=\"400\"} 1");
        text.Should().Contain("stdgraph_http_request_duration_seconds_bucket{endpoint=\"/graphql\",le=\"+Inf\"} 2");
        text.Should().Contain("stdgraph_http_request_duration_seconds_count{endpoint=\"/graphql\"} 2");
    }

    private Task<GraphQLAnswer> Raw(string body) =>
        _app.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") });
}
