using System.Net;
using System.Net.Sockets;
using StdGraph.Rdf;
using StdGraph.Sparql.Query;
using StdGraph.Sparql.Remote;
using StdGraph.Sparql.Tests.Contract;
using StdGraph.Sparql.Tests.Virtuoso;
using StdGraph.Testing;
using Xunit.Abstractions;

namespace StdGraph.Sparql.Tests.Remote;

/// <summary>What only the SPARQL backend has: bulk loads, protocol errors, escaping at the wire, pass-through queries.</summary>
[Collection("Virtuoso")]
public sealed class SparqlGraphStoreTests(VirtuosoFixture virtuoso, ITestOutputHelper output)
{
    private static readonly Iri Cites = new("https://stdgraph.org/ns#cites");
    private static readonly Iri Title = new("https://stdgraph.org/ns#title");

    private static IEnumerable<Triple> Generated(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var s = new Iri($"https://stdgraph.org/id/GB_T_{i}-2020");
            yield return (i % 3) switch
            {
                0 => new Triple(s, Cites, new Iri($"https://stdgraph.org/id/ISO_{i % 997}")),
                1 => new Triple(s, Title, Literal.LangString($"标准 {i} \"quoted\" }} #", "zh")),
                _ => new Triple(s, Title, Literal.String($"Standard {i}\nsecond line")),
            };
        }
    }

    [Fact]
    public async Task bulk_load_resumes_after_an_interruption_and_never_duplicates()
    {
        await using var store = virtuoso.NewStore(o => o with { UploadBatchSize = 1_000 });
        var triples = Generated(10_000).ToList();
        using var interrupt = new CancellationTokenSource();
        var progress = new SynchronousProgress(sent => { if (sent >= 4_000) interrupt.Cancel(); });

        var interrupted = () => store.BulkLoadAsync(triples, "snapshot-1", progress, interrupt.Token);
        await interrupted.Should().ThrowAsync<OperationCanceledException>();
        var partial = await store.CountAsync();
        partial.Should().BeInRange(4_000, 6_000);

        var resumed = await store.BulkLoadAsync(triples, "snapshot-1");
        resumed.Resumed.Should().Be(4_000, "the batches recorded as committed are not sent again");
        resumed.SentNow.Should().Be(6_000);
        (await store.CountAsync()).Should().Be(10_000);

        var again = await store.BulkLoadAsync(triples, "snapshot-1");
        again.AlreadyComplete.Should().BeTrue();
        var otherId = await store.BulkLoadAsync(triples, "snapshot-1-reloaded");
        otherId.SentNow.Should().Be(10_000);
        (await store.CountAsync()).Should().Be(10_000, "a graph is a set: loading twice adds nothing");

        await store.ClearAsync();
        (await store.BulkLoadAsync(triples.Take(10), "snapshot-1")).SentNow.Should().Be(10, "clearing forgets load progress too");
    }

    [Fact]
    public async Task bulk_load_without_a_graph_store_endpoint_uses_insert_data()
    {
        await using var store = virtuoso.NewStore(o => o with { GraphStoreEndpoint = null, UpdateBatchSize = 500 });
        var result = await store.BulkLoadAsync(Generated(2_000), "via-update");
        result.SentNow.Should().Be(2_000);
        (await store.CountAsync()).Should().Be(2_000);
        (await store.MatchAsync(new Iri("https://stdgraph.org/id/GB_T_1-2020"), null, null)).Single().Obj
            .Should().Be(Literal.LangString("标准 1 \"quoted\" } #", "zh"));
    }

    [Fact]
    public async Task bulk_load_time_of_a_test_graph_is_reported()
    {
        await using var store = virtuoso.NewStore();
        const int count = 50_000;
        var result = await store.BulkLoadAsync(Generated(count), "timing");
        (await store.CountAsync()).Should().Be(count);
        output.WriteLine($"bulk load: {count:N0} triples in {result.Elapsed.TotalSeconds:0.0} s ({count / result.Elapsed.TotalSeconds:N0} triples/s)");
    }

    [Fact]
    public async Task a_match_larger_than_a_server_page_is_paged_without_loss()
    {
        await using var store = virtuoso.NewStore(o => o with { PageSize = 700 });
        var triples = Generated(3_000).ToList();
        await store.AddAsync(triples);
        (await store.MatchAsync(null, null, null)).ShouldBeSameTriples(triples);
        (await store.MatchAsync(null, Title, null, limit: 1_500)).Should().HaveCount(1_500).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task hostile_literals_cannot_escape_into_the_update()
    {
        await using var store = virtuoso.NewStore();
        await using var bystander = virtuoso.NewStore();
        await bystander.AddAsync([new Triple(new Iri("https://stdgraph.org/id/bystander"), Title, Literal.String("safe"))]);
        var subject = new Iri("https://stdgraph.org/id/victim");
        var hostile = new[]
        {
            "\" } } ; CLEAR ALL ; INSERT DATA { GRAPH <x:y> { <a:b> <c:d> \"e",
            "''' } } ; DROP ALL #",
            "\\\" } ; CLEAR ALL #",
            "> } ; CLEAR ALL ; #",
            "\u0000\u0001\u001f\u007f control",
        };
        await store.AddAsync(hostile.Select(h => new Triple(subject, Title, Literal.String(h))));
        await store.RemoveAsync(hostile.Select(h => new Triple(subject, Title, Literal.String(h))).Take(2));
        (await store.MatchAsync(subject, Title, null)).Select(t => ((Literal)t.Obj).Lexical).Should().BeEquivalentTo(hostile.Skip(2));
        (await bystander.CountAsync()).Should().Be(1, "no statement outside the store's graph ran");
    }

    [Theory]
    [InlineData("https://stdgraph.org/id/x> } ; CLEAR ALL ; #")]
    [InlineData("https://stdgraph.org/id/with space")]
    [InlineData("https://stdgraph.org/id/new\nline")]
    [InlineData("https://stdgraph.org/id/{brace}")]
    public async Task an_iri_no_syntax_can_carry_is_refused_before_anything_is_sent(string iri)
    {
        await using var store = virtuoso.NewStore();
        var add = async () => await store.AddAsync([new Triple(new Iri(iri), Title, Literal.String("x"))]);
        await add.Should().ThrowAsync<ArgumentException>().WithMessage("*percent-encode*");
        var match = async () => await store.MatchAsync(new Iri(iri), null, null);
        await match.Should().ThrowAsync<ArgumentException>();
        (await store.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task a_language_tag_that_is_not_a_tag_is_refused()
    {
        await using var store = virtuoso.NewStore();
        var add = async () => await store.AddAsync([new Triple(new Iri("https://stdgraph.org/id/x"), Title, new Literal("x", Vocab.RdfLangString, "en } ; CLEAR ALL"))]);
        await add.Should().ThrowAsync<ArgumentException>().WithMessage("*not a language tag*");
    }

    [Fact]
    public async Task an_unreachable_server_gives_an_error_naming_the_endpoint_after_retrying()
    {
        // A real socket that takes each connection and drops it at once: every attempt fails, and the count of
        // connections shows how many attempts were made.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var attempts = 0;
        using var stop = new CancellationTokenSource();
        var dropping = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    using var socket = await listener.AcceptSocketAsync(stop.Token);
                    Interlocked.Increment(ref attempts);
                }
            }
            catch (OperationCanceledException) { }
        });
        var endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/sparql");
        await using var store = new SparqlGraphStore(new SparqlGraphStoreOptions
        {
            Endpoint = endpoint, MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(50), Timeout = TimeSpan.FromSeconds(2),
        });

        var count = async () => await store.CountAsync();
        var error = (await count.Should().ThrowAsync<GraphBackendUnavailableException>()).Which;
        error.Message.Should().Contain(endpoint.Authority + "/sparql");
        error.Endpoint.Should().Be(endpoint);
        Volatile.Read(ref attempts).Should().Be(3, "the first attempt and two retries");
        (await store.IsAvailableAsync()).Should().BeFalse();

        stop.Cancel();
        await dropping;
    }

    [Fact]
    public async Task a_server_that_accepts_but_never_answers_is_unavailable_once_the_time_limit_passes()
    {
        // A real socket that takes connections and then says nothing, as a hung server does.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = new List<Socket>();
        using var stop = new CancellationTokenSource();
        var accepting = Task.Run(async () =>
        {
            try { while (true) accepted.Add(await listener.AcceptSocketAsync(stop.Token)); }
            catch (OperationCanceledException) { }
        });
        var endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/sparql");
        await using var store = new SparqlGraphStore(new SparqlGraphStoreOptions
        {
            Endpoint = endpoint, MaxRetries = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(50), Timeout = TimeSpan.FromSeconds(1),
        });

        var count = async () => await store.CountAsync();
        var error = (await count.Should().ThrowAsync<GraphBackendUnavailableException>()).Which;
        error.Message.Should().Contain("no answer within 1 s");
        error.Endpoint.Should().Be(endpoint);

        stop.Cancel();
        await accepting;
        foreach (var socket in accepted) socket.Dispose();
    }

    [Fact]
    public async Task a_query_the_server_rejects_is_a_client_error_not_unavailability()
    {
        await using var store = virtuoso.NewStore();
        var raw = async () =>
        {
            await using var response = await store.QueryRawAsync("SELECT * WHERE { ?s ?p }", "application/sparql-results+json");
            response.StatusCode.Should().Be(200);
        };
        await raw.Should().ThrowAsync<SparqlEndpointException>().Where(e => e.StatusCode >= 400 && e.StatusCode < 500);
    }

    [Fact]
    public async Task raw_queries_pass_through_with_the_store_graph_as_default_and_updates_are_refused()
    {
        await using var store = virtuoso.NewStore();
        await store.AddAsync(StandardsGraph.Triples);
        await using (var response = await store.QueryRawAsync("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "application/sparql-results+json"))
        {
            response.ContentType.Should().StartWith("application/sparql-results+json");
            using var reader = new StreamReader(await response.OpenBodyAsync());
            (await reader.ReadToEndAsync()).Should().Contain($"\"{StandardsGraph.Triples.Count}\"");
        }
        await using (var xml = await store.QueryRawAsync("ASK { ?s ?p ?o }", "application/sparql-results+xml"))
            xml.ContentType.Should().StartWith("application/sparql-results+xml");
        foreach (var update in new[] { "CLEAR ALL", "PREFIX x: <urn:x> INSERT DATA { x:a x:b x:c }", "  delete where { ?s ?p ?o }", "DROP GRAPH <urn:x>" })
        {
            var act = async () => await store.QueryRawAsync(update, null);
            await act.Should().ThrowAsync<SparqlReadOnlyException>(update);
        }
        (await store.CountAsync()).Should().Be(StandardsGraph.Triples.Count);
    }

    [Fact]
    public async Task service_resumes_after_the_server_is_killed_and_restarted()
    {
        await using var server = await VirtuosoServer.StartAsync();
        await using var store = new SparqlGraphStore(server.Options("https://stdgraph.org/graph") with
        {
            MaxRetries = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(50), Timeout = TimeSpan.FromSeconds(5),
        });
        await store.AddAsync(StandardsGraph.Triples);
        // Virtuoso keeps committed updates in its transaction log; a kill without checkpoint must lose nothing.
        server.Kill();
        var down = async () => await store.MatchAsync(StandardsGraph.Gbt22080_2016, null, null);
        (await down.Should().ThrowAsync<GraphBackendUnavailableException>()).Which.Message.Should().Contain(server.QueryEndpoint.Authority);
        (await store.IsAvailableAsync()).Should().BeFalse();

        await server.RestartAsync();
        (await store.IsAvailableAsync()).Should().BeTrue();
        (await store.CountAsync()).Should().Be(StandardsGraph.Triples.Count, "the same store object works again once the server is back");
    }

    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
