using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace StdGraph.Server.Tests.Backends;

/// <summary>
/// The sparql backend when its server goes away while StdGraph serves (Virtuoso killed without a checkpoint, then
/// started again on the same database): search and catalogue fields keep answering, graph fields answer a clear
/// <c>GRAPH_UNAVAILABLE</c> error (never a 5xx), <c>/healthz</c> says the graph is down, and once the server is back the
/// same queries give the same answers as before.
/// </summary>
public sealed class GraphOutageTests(GraphOutageFixture outage, ITestOutputHelper output) : IClassFixture<GraphOutageFixture>
{
    private const string GraphUnavailable = "GRAPH_UNAVAILABLE";

    /// <summary>Queries whose fields come from the catalogue and the search index only.</summary>
    private static readonly string[] LocalQueries =
    [
        "{ search(text:\"云计算\", filter:{status:VALID}, first:5) { totalCount edges { score node { code title(lang:ZH) status } } facets { name values { value count } } } }",
        "{ standard(code:\"GB/T 22080-2016\") { code title(lang:ZH) status issued committee ics ccs fields { field { id } rule reason } } }",
        "{ work(key:\"ISO/IEC 27001\") { key editions { code status } current { code } } }",
        "{ equivalents(code:\"GB/T 22080-2016\") { adopts { degree international { code } successor { code } } } }",
        "{ ask(question:\"GB/T 22080-2016 和 ISO/IEC 27001 是什么关系？\") { answer citations { code } usedLlm } }",
    ];

    /// <summary>Queries with at least one field read from the graph.</summary>
    private static readonly string[] GraphQueries =
    [
        "{ standard(code:\"GB/T 22080-2016\") { code adopts { degree standard { code replacedBy { code } } } } }",
        "{ search(text:\"云计算\", filter:{status:VALID}, first:5) { totalCount edges { node { code title(lang:ZH) adopts { standard { code } } } } } }",
        "{ standard(code:\"ISO/IEC 27001:2013\") { history { code } amendments { code } adoptedBy { degree standard { code } } } }",
        "{ path(from:\"GB/T 22080-2025\", to:\"ISO/IEC 27001:2013\", maxHops:4) { length steps { relation to { code } } } }",
        "{ stats { editions triples } }",
    ];

    [Fact]
    public async Task graph_fields_answer_a_clear_error_while_the_sparql_server_is_down()
    {
        await outage.WhileDownAsync(async () =>
        {
            foreach (var query in GraphQueries)
            {
                var answer = await outage.App.PostAsync(query);

                answer.Status.Should().Be(200, $"the query ran; its graph fields failed: {answer}");
                answer.ErrorCodes.Should().NotBeEmpty(answer.ToString()).And.OnlyContain(c => c == GraphUnavailable, answer.ToString());
                answer.FirstErrorMessage.Should().Contain("graph").And.Contain("unavailable");
                answer.Text.Should().NotContain("   at ", "no stack trace").And.NotContain("Exception");
            }
        });
    }

    [Fact]
    public async Task search_and_catalogue_fields_answer_as_before_while_the_sparql_server_is_down()
    {
        var before = await AnswersAsync(LocalQueries);

        await outage.WhileDownAsync(async () =>
        {
            foreach (var query in LocalQueries)
            {
                var answer = await outage.App.PostAsync(query);

                answer.Status.Should().Be(200, answer.ToString());
                answer.HasErrors.Should().BeFalse(answer.ToString());
                answer.Text.Should().Be(before[query]);
            }
        });
    }

    [Fact]
    public async Task a_search_that_also_asks_for_graph_fields_keeps_its_hits_while_the_sparql_server_is_down()
    {
        const string query = "{ search(text:\"云计算\", filter:{status:VALID}, first:5) { totalCount edges { node { code adopts { standard { code } } } } } }";
        var before = await outage.App.PostAsync(query);
        var codes = before.Data.GetProperty("search").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("code").GetString()).ToList();
        codes.Should().NotBeEmpty();

        await outage.WhileDownAsync(async () =>
        {
            var answer = await outage.App.PostAsync(query);

            answer.ErrorCodes.Should().NotBeEmpty().And.OnlyContain(c => c == GraphUnavailable, answer.ToString());
            var edges = answer.Data.GetProperty("search").GetProperty("edges").EnumerateArray().ToList();
            edges.Select(e => e.GetProperty("node").GetProperty("code").GetString()).Should().Equal(codes, "the hits come from the search index");
            edges.Should().OnlyContain(e => e.GetProperty("node").GetProperty("adopts").ValueKind == System.Text.Json.JsonValueKind.Null);
        });
    }

    [Fact]
    public async Task healthz_says_the_graph_is_unavailable_while_the_sparql_server_is_down_and_ok_once_it_returns()
    {
        var up = await HealthAsync();
        up.Status.Should().Be(200);
        up.Json.GetProperty("status").GetString().Should().Be("ok");
        up.Json.GetProperty("graph").GetString().Should().Be("ok");

        await outage.WhileDownAsync(async () =>
        {
            var down = await HealthAsync();
            down.Status.Should().Be(200, "the server still serves search and the catalogue");
            down.Json.GetProperty("status").GetString().Should().Be("degraded");
            down.Json.GetProperty("graph").GetString().Should().Be("unavailable");
        });

        var clock = Stopwatch.StartNew();
        var again = await HealthAsync();
        while (again.Json.GetProperty("graph").GetString() != "ok" && clock.Elapsed < GraphOutageFixture.RecoveryBound)
        {
            await Task.Delay(200);
            again = await HealthAsync();
        }

        again.Json.GetProperty("status").GetString().Should().Be("ok");
        again.Json.GetProperty("graph").GetString().Should().Be("ok");
    }

    [Fact]
    public async Task graph_queries_answer_as_before_once_the_killed_sparql_server_is_back()
    {
        var before = await AnswersAsync(GraphQueries);

        await outage.WhileDownAsync(async () =>
            (await outage.App.PostAsync(GraphQueries[0])).ErrorCodes.Should().Equal(GraphUnavailable));

        foreach (var query in GraphQueries)
        {
            var after = await outage.AnswerOnceRecoveredAsync(query);
            after.HasErrors.Should().BeFalse($"service resumes once the server is back: {after}");
            after.Text.Should().Be(before[query], "no data is lost by a kill without checkpoint");
        }
    }

    [Fact]
    public async Task a_client_running_mixed_queries_through_a_kill_and_restart_sees_no_5xx_and_only_graph_unavailable_errors_on_graph_fields()
    {
        var before = await AnswersAsync([.. LocalQueries, .. GraphQueries]);
        var mixed = LocalQueries.Select(q => (Query: q, ReadsGraph: false)).Concat(GraphQueries.Select(q => (Query: q, ReadsGraph: true))).ToList();
        var seen = new ConcurrentQueue<Observation>();
        var phase = Phase.Up;
        using var stop = new CancellationTokenSource();

        async Task ClientAsync(int offset)
        {
            for (var i = offset; !stop.IsCancellationRequested; i++)
            {
                var (query, readsGraph) = mixed[i % mixed.Count];
                var at = phase;
                try
                {
                    var answer = await outage.App.PostAsync(query);
                    seen.Enqueue(new Observation(at, phase, query, readsGraph, answer, null));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    seen.Enqueue(new Observation(at, phase, query, readsGraph, null, e.GetType().Name + ": " + e.Message));
                }
            }
        }

        var clients = new[] { Task.Run(() => ClientAsync(0)), Task.Run(() => ClientAsync(mixed.Count / 2)) };
        try
        {
            await WaitUntilAsync("every query answered before the kill", () => mixed.All(m => seen.Any(o => o.Phase == Phase.Up && o.Query == m.Query)));
            outage.Virtuoso.Kill();
            phase = Phase.Down;
            try
            {
                await WaitUntilAsync("the client saw the outage on a graph query and search answering through it", () =>
                    seen.Any(o => o.Phase == Phase.Down && o.ReadsGraph && o.Answer?.ErrorCodes.Contains(GraphUnavailable) == true)
                    && seen.Any(o => o.Phase == Phase.Down && !o.ReadsGraph && o.Answer is { Status: 200, HasErrors: false }));
            }
            finally
            {
                phase = Phase.Restarting;
                await outage.Virtuoso.RestartAsync();
            }

            phase = Phase.Back;
            await WaitUntilAsync("every graph query answered without errors after the restart", () =>
                GraphQueries.All(q => seen.Any(o => o.Phase == Phase.Back && o.Query == q && o.Answer is { Status: 200, HasErrors: false })));
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(clients);
        }

        var all = seen.ToList();
        foreach (var group in all.GroupBy(o => (o.Phase, o.ReadsGraph)))
            output.WriteLine($"{group.Key.Phase,-10} {(group.Key.ReadsGraph ? "graph" : "local"),-5}: {group.Count(),4} answers, {group.Count(o => o.Answer?.HasErrors == true),4} with {GraphUnavailable}");
        all.Where(o => o.Transport is not null).Should().BeEmpty("the server never drops a connection");
        all.Where(o => o.Answer!.Status >= 500).Select(o => o.Answer!.ToString()).Should().BeEmpty("an unavailable graph is never a 5xx");
        all.Where(o => !o.ReadsGraph).Should().OnlyContain(o => o.Answer!.Status == 200 && !o.Answer.HasErrors && o.Answer.Text == before[o.Query],
            "search and catalogue fields answer the same throughout");
        all.Where(o => o.ReadsGraph && o.Answer!.HasErrors).SelectMany(o => o.Answer!.ErrorCodes).Should().OnlyContain(c => c == GraphUnavailable);
        all.Where(o => o.ReadsGraph && !o.Answer!.HasErrors).Should().OnlyContain(o => o.Answer!.Text == before[o.Query],
            "a graph answer is either the clear error or the full answer, and the data survives the kill");
        all.Where(o => o.Finished == Phase.Up).Should().OnlyContain(o => !o.Answer!.HasErrors, "no errors before the kill");
    }

    private enum Phase
    {
        Up,
        Down,
        Restarting,
        Back,
    }

    /// <summary>One answer the client got; <paramref name="Phase"/> when it asked, <paramref name="Finished"/> when the answer came.</summary>
    private sealed record Observation(Phase Phase, Phase Finished, string Query, bool ReadsGraph, GraphQLAnswer? Answer, string? Transport);

    private async Task<Dictionary<string, string>> AnswersAsync(IEnumerable<string> queries)
    {
        var answers = new Dictionary<string, string>();
        foreach (var query in queries)
        {
            var answer = await outage.App.PostAsync(query);
            answer.Status.Should().Be(200, answer.ToString());
            answer.HasErrors.Should().BeFalse(answer.ToString());
            answers[query] = answer.Text;
        }

        return answers;
    }

    private async Task<(int Status, JsonElement Json)> HealthAsync()
    {
        using var response = await outage.App.Client.GetAsync("/healthz");
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails naming <paramref name="what"/> if it does not within the recovery bound.</summary>
    private static async Task WaitUntilAsync(string what, Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > GraphOutageFixture.RecoveryBound) throw new TimeoutException($"gave up waiting: {what}");
            await Task.Delay(100);
        }
    }
}
