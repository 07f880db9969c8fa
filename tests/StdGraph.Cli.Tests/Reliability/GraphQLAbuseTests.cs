using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace StdGraph.Cli.Tests.Reliability;

/// <summary>
/// Hostile GraphQL requests sent in parallel to the real <c>stdgraph serve</c> over the whole snapshot (a child
/// process on a loopback socket, as in production) while a well-behaved client keeps querying: each hostile request
/// gets a clean answer naming what was wrong, and the well-behaved client never notices.
/// </summary>
[Collection(SnapshotDataCollection.Name)]
public sealed partial class GraphQLAbuseTests(SnapshotDataFixture snapshot, ITestOutputHelper output)
{
    private const int AbusiveClients = 4;
    private const int WellBehavedClients = 2;

    /// <summary>Every hostile request is sent at least this many times…</summary>
    private const int Rounds = 3;

    /// <summary>…and the abuse goes on until each well-behaved client has been through the whole mix twice during it.</summary>
    private static readonly int WellBehavedRequestsDuringAbuse = 2 * WellBehavedClients * QueryMix.All.Count;

    /// <summary>The abuse stops after this even if the well-behaved clients are stuck (the count assertion then fails).</summary>
    private static readonly TimeSpan AbuseDeadline = TimeSpan.FromMinutes(5);

    /// <summary>The product's serving-memory target, as in <see cref="SustainedLoadTests"/>.</summary>
    private const long PeakLimitBytes = 1536L * 1024 * 1024;

    private static readonly TimeSpan StartDeadline = TimeSpan.FromMinutes(5);

    /// <summary>An abusive request unanswered after this is a hang; no speed is asserted below it.</summary>
    private static readonly TimeSpan RequestDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task abusive_requests_get_clean_errors_while_a_concurrent_client_sees_no_failures()
    {
        snapshot.Index.ExitCode.Should().Be(0, snapshot.Index.Stderr);
        await using var server = await ServeProcess.StartAsync(snapshot.DataDirectory, StartDeadline);
        using var abusiveClient = server.CreateClient(AbusiveClients, RequestDeadline);
        using var wellBehavedClient = server.CreateClient(WellBehavedClients, RequestDeadline);

        var problems = new ConcurrentQueue<string>();
        var answers = new ConcurrentDictionary<string, string>();
        var sent = 0;
        var answered = 0;
        using var abuseOver = new CancellationTokenSource();
        var concurrent = ClientLoop.Start(wellBehavedClient, QueryMix.All, WellBehavedClients, abuseOver.Token);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, AbusiveClients).Select(_ => Task.Run(async () =>
        {
            // The clients share one sequence: request n is Abuses[n % count], in rounds.
            for (var n = Interlocked.Increment(ref sent) - 1;
                 (n < Rounds * Abuses.Length || concurrent.Requests < WellBehavedRequestsDuringAbuse) && clock.Elapsed < AbuseDeadline;
                 n = Interlocked.Increment(ref sent) - 1)
            {
                var abuse = Abuses[n % Abuses.Length];
                var (problem, summary) = await SendAsync(abusiveClient, abuse);
                Interlocked.Increment(ref answered);
                if (problem is not null) problems.Enqueue($"{abuse.Name}: {problem}");
                answers[abuse.Name] = summary;
            }
        })));
        var wellBehavedDuringAbuse = concurrent.Requests;
        await abuseOver.CancelAsync();
        await concurrent.Completion;

        foreach (var abuse in Abuses) output.WriteLine($"{abuse.Name}: {answers.GetValueOrDefault(abuse.Name, "no answer")} (last of its answers)");
        var memory = server.ReadMemory();
        output.WriteLine($"abuse: {answered:N0} hostile requests from {AbusiveClients} clients in {clock.Elapsed.TotalSeconds:N1} s; " +
                         $"well-behaved: {wellBehavedDuringAbuse:N0} requests meanwhile from {WellBehavedClients} clients, {concurrent.Failed} failed; server {memory}");

        problems.Should().BeEmpty("every abusive request gets a clean 4xx (or 200) with a coded GraphQL error and no internals");
        concurrent.Failures.Should().BeEmpty("the server keeps serving other clients while it is abused");
        wellBehavedDuringAbuse.Should().BeGreaterThanOrEqualTo(WellBehavedRequestsDuringAbuse, "the well-behaved clients were answered while the abuse went on");
        server.HasExited.Should().BeFalse("no request takes the server down");
        using (var health = await wellBehavedClient.GetAsync("/healthz"))
            ((int)health.StatusCode).Should().Be(200, server.Output.Length > 4000 ? server.Output[^4000..] : server.Output);
        memory.PeakResidentBytes.Should().BeLessThanOrEqualTo(PeakLimitBytes, "no request buys more memory than the serving target");
    }

    /// <summary>One hostile request, the status it must get and the error codes its answer may carry.</summary>
    private sealed record Abuse(string Name, Func<HttpRequestMessage> Request, int Status, params string[] Codes);

    private static readonly Abuse[] Abuses =
    [
        new("fields nested 50 deep", () => Post(Query(Nested(50))), 400, "COMPLEXITY", "MAX_DEPTH_EXCEEDED"),
        new("fields nested 10,000 deep", () => Post(Query(Nested(10_000))), 400, "MAX_DEPTH_EXCEEDED"),
        new("1,000 aliases", () => Post(Query("{ " + string.Concat(Enumerable.Range(0, 1000).Select(i => $"a{i}: standard(code: \"GB/T 22080-2016\") {{ code }} ")) + "}")), 400, "TOO_MANY_FIELDS"),
        new("first: 1000000000", () => Post(Query("{ search(text: \"security\", first: 1000000000) { totalCount } }")), 200, "PAGE_SIZE_EXCEEDED"),
        new("first: 1000000000 over a list of nodes", () => Post(Query("{ search(text: \"security\", first: 1000000000) { edges { node { code cites(first: 1000000000) { code } } } } }")), 400, "COMPLEXITY"),
        new("cyclic fragments", () => Post(Query("{ standard(code: \"GB/T 22080-2016\") { ...A } } fragment A on Standard { code replacedBy { ...B } } fragment B on Standard { replaces { ...A } }")), 400, "NO_FRAGMENT_CYCLES"),
        new("fragments doubling 30 levels deep", () => Post(Query("{ ...F0 } " + string.Concat(Enumerable.Range(0, 30).Select(i => $"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }} ")) + "fragment F30 on Query { stats { editions } }")), 400, "MAX_DEPTH_EXCEEDED"),
        new("a chain of 5,000 fragments", () => Post(Query("{ ...F0 } " + string.Concat(Enumerable.Range(0, 5000).Select(i => $"fragment F{i} on Query {{ ...F{i + 1} }} ")) + "fragment F5000 on Query { __typename }")), 400, "MAX_DEPTH_EXCEEDED"),
        new("one field 998 times with different arguments", () => Post(Query("{ standard(code: \"GB/T 22080-2016\") { " + string.Concat(Enumerable.Range(0, 998).Select(i => i % 2 == 0 ? "title(lang: ZH) " : "title(lang: EN) ")) + "} }")), 400, "TOO_MANY_FIELDS"),
        new("10,000 directives", () => Post(Query("{ __typename " + string.Concat(Enumerable.Repeat("@include(if: true) ", 10_000)) + "}")), 400, "TOO_MANY_DIRECTIVES"),
        new("10,000 unused variables", () => Post(Query("query Q(" + string.Join(" ", Enumerable.Range(0, 10_000).Select(i => $"$v{i}: Int")) + ") { __typename }")), 400, "TOO_MANY_INPUT_VALUES"),
        new("999 unknown fields", () => Post(Query("{ " + string.Join(" ", Enumerable.Range(0, 999).Select(i => $"a{i}: colour")) + " }")), 400, "FIELDS_ON_CORRECT_TYPE", "TOO_MANY_ERRORS"),
        new("a list argument nested 5,000 deep", () => Post(Query("{ standards(codes: " + new string('[', 5000) + "\"GB/T 22080-2016\"" + new string(']', 5000) + ") { code } }")), 400, "MAX_DEPTH_EXCEEDED"),
        new("a 1 MB string argument", () => Post(Query("{ search(text: \"" + new string('信', 350_000) + "\") { totalCount } }")), 413, "REQUEST_TOO_LARGE"),
        new("a 1 MB string variable", () => Post(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { query = "query($t: String!) { search(text: $t) { totalCount } }", variables = new { t = new string('x', 1024 * 1024) } }))), 413, "REQUEST_TOO_LARGE"),
        new("invalid UTF-8 (C3 28) in a string", () => Post(Bytes("{\"query\": \"{ search(text: \\\"", [0xC3, 0x28], "\\\") { totalCount } }\"}")), 400, "INVALID_JSON"),
        new("invalid UTF-8 (FF) in a string", () => Post(Bytes("{\"query\": \"{ search(text: \\\"", [0xFF], "\\\") { totalCount } }\"}")), 400, "INVALID_JSON"),
        new("invalid UTF-8 (FF) before the JSON", () => Post(Bytes("", [0xFF], "{\"query\": \"{ stats { editions } }\"}")), 400, "INVALID_JSON"),
        new("invalid UTF-8 in the query string", () => new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B%20search(text%3A%20%22%C3%28%22)%20%7B%20totalCount%20%7D%20%7D"), 400, "BAD_REQUEST"),
        new("malformed JSON", () => Post(Encoding.UTF8.GetBytes("{\"query\": \"{ stats { editions } }\"")), 400, "INVALID_JSON"),
        new("not JSON at all", () => Post(Encoding.UTF8.GetBytes("query { stats { editions } }")), 400, "INVALID_JSON"),
        new("JSON nested 10,000 deep", () => Post(Encoding.UTF8.GetBytes("{\"query\": \"{ stats { editions } }\", \"variables\": " + new string('[', 10_000) + new string(']', 10_000) + "}")), 400, "INVALID_JSON"),
        new("JSON objects nested 10,000 deep", () => Post(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000))), 400, "INVALID_JSON"),
    ];

    private static async Task<(string? Problem, string Summary)> SendAsync(HttpClient client, Abuse abuse)
    {
        var clock = Stopwatch.StartNew();
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(abuse.Request());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return ($"no answer: {e.GetType().Name}: {e.Message}", "no answer");
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            var summary = $"{status} in {clock.ElapsedMilliseconds:N0} ms, {text.Length:N0} chars";
            if (status >= 500) return ($"{status}: {Head(text)}", summary);
            if (Internals().Match(text) is { Success: true } leak) return ($"the answer shows internals ('{leak.Value}'): {Head(text)}", summary);
            if (status != abuse.Status) return ($"{status} instead of {abuse.Status}: {Head(text)}", summary);

            IReadOnlyList<string> codes;
            try
            {
                using var json = JsonDocument.Parse(text);
                codes = json.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
                    ? errors.EnumerateArray().Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString() ?? "" : "").ToList()
                    : [];
            }
            catch (JsonException)
            {
                return ($"the answer is not JSON: {Head(text)}", summary);
            }

            summary += $", codes {string.Join(",", codes.Distinct())}";
            if (codes.Count == 0) return ($"no GraphQL error in the answer: {Head(text)}", summary);
            if (codes.FirstOrDefault(c => !abuse.Codes.Contains(c)) is { } unexpected)
                return ($"error code '{unexpected}', expected one of {string.Join(", ", abuse.Codes)}: {Head(text)}", summary);
            return (null, summary);
        }
    }

    private static string Nested(int depth) =>
        "{ standard(code: \"GB/T 22080-2016\") { " + string.Concat(Enumerable.Repeat("replacedBy { ", depth)) + "code" + string.Concat(Enumerable.Repeat(" }", depth)) + " } }";

    private static byte[] Query(string query) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { query }));

    private static byte[] Bytes(string before, byte[] raw, string after) => [.. Encoding.UTF8.GetBytes(before), .. raw, .. Encoding.UTF8.GetBytes(after)];

    private static HttpRequestMessage Post(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
    }

    private static string Head(string text) => text.Length > 300 ? text[..300] + "…" : text;

    /// <summary>What a leaked stack trace or exception looks like: frames, exception type names, framework namespaces.</summary>
    [GeneratedRegex(@"   at |\w+Exception\b|\bSystem\.[A-Z]\w*\.|\bStdGraph\.[A-Z]\w*\.|\bGraphQL(Parser)?\.[A-Z]\w*\.")]
    private static partial Regex Internals();
}
