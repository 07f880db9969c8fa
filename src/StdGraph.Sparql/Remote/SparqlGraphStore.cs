using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using StdGraph.Rdf;
using StdGraph.Sparql.Query;
using StdGraph.Sparql.Results;
using StdGraph.Sparql.Syntax;

namespace StdGraph.Sparql.Remote;

/// <summary>
/// An <see cref="IGraphStore"/> kept in one named graph of a SPARQL 1.1 server (Virtuoso, Fuseki, GraphDB, …). Reads are
/// SPARQL SELECT over the Protocol, writes are SPARQL Update, bulk loads are Graph Store HTTP Protocol POSTs of
/// N-Triples. Blank nodes are stored as well-known genid IRIs so they keep their identity across requests.
/// </summary>
public sealed class SparqlGraphStore : IGraphStore
{
    private const string ResultsJson = "application/sparql-results+json";
    private const string ProgressNs = "https://stdgraph.org/ns/load#";

    private readonly SparqlGraphStoreOptions _options;
    private readonly SparqlHttpTransport _transport;
    private readonly string _graph;
    private readonly string _progressGraph;

    public SparqlGraphStore(SparqlGraphStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _transport = new SparqlHttpTransport(options);
        _graph = SparqlTermFormatter.Format(new Iri(options.GraphIri));
        _progressGraph = SparqlTermFormatter.Format(new Iri(options.GraphIri + "/load-progress"));
    }

    public SparqlGraphStoreOptions Options => _options;

    private Uri UpdateEndpoint => _options.UpdateEndpoint ?? _options.Endpoint;

    // ---------------------------------------------------------------- reads

    public async ValueTask<IReadOnlyList<Triple>> MatchAsync(Term? subject, Iri? predicate, Term? obj, int limit = int.MaxValue, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (limit == 0 || subject is Literal) return [];
        var s = subject is null ? "?s" : SparqlTermFormatter.Format(Skolemizer.Skolemize(subject));
        var p = predicate is null ? "?p" : SparqlTermFormatter.Format(predicate);
        var o = obj is null ? "?o" : SparqlTermFormatter.Format(Skolemizer.Skolemize(obj));
        var variables = new[] { subject is null ? "?s" : null, predicate is null ? "?p" : null, obj is null ? "?o" : null }.OfType<string>().ToList();

        Triple ToTriple(IReadOnlyDictionary<string, Term> row) => new(
            subject ?? FromServer(row["s"]),
            predicate ?? (Iri)row["p"],
            obj ?? FromServer(row["o"]));

        if (variables.Count == 0)
        {
            var exists = await AskAsync($"ASK {{ GRAPH {_graph} {{ {s} {p} {o} }} }}", ct).ConfigureAwait(false);
            return exists ? [new Triple(subject!, predicate!, obj!)] : [];
        }

        var select = string.Join(' ', variables);
        var where = $"WHERE {{ GRAPH {_graph} {{ {s} {p} {o} }} }}";
        var firstPage = Math.Min(limit, _options.PageSize);
        var rows = await SelectAsync($"SELECT {select} {where} LIMIT {firstPage}", ct).ConfigureAwait(false);
        if (rows.Count < _options.PageSize || limit <= _options.PageSize)
            return rows.Select(ToTriple).ToList();

        // More than a server page: page in a stable order so no row is skipped or repeated between pages.
        var result = new List<Triple>();
        for (long offset = 0; result.Count < limit; offset += _options.PageSize)
        {
            var take = Math.Min(_options.PageSize, limit - result.Count);
            var page = await SelectAsync($"SELECT {select} {where} ORDER BY {select} LIMIT {take} OFFSET {offset}", ct).ConfigureAwait(false);
            result.AddRange(page.Select(ToTriple));
            if (page.Count < take) break;
        }
        return result;
    }

    public async ValueTask<IReadOnlyDictionary<Term, IReadOnlyList<(Iri Predicate, Term Node)>>> NeighboursAsync(
        IReadOnlyCollection<Term> nodes, IReadOnlyCollection<Iri>? predicates, Direction direction, CancellationToken ct = default)
    {
        var result = new Dictionary<Term, List<(Iri, Term)>>();
        foreach (var node in nodes) result.TryAdd(node, []);
        var candidates = result.Keys.Where(n => direction == Direction.Incoming || n is not Literal).ToList();
        if (predicates is { Count: 0 } || candidates.Count == 0) return Freeze(result);

        var byServerSpelling = new Dictionary<string, Term>();
        foreach (var node in candidates) byServerSpelling[SparqlTermFormatter.Format(Skolemizer.Skolemize(node))] = node;
        var predicateValues = predicates is null ? "" : "VALUES ?p { " + string.Join(' ', predicates.Distinct().Select(SparqlTermFormatter.Format)) + " } ";
        var pattern = direction == Direction.Outgoing ? "?n ?p ?x" : "?x ?p ?n";

        foreach (var chunk in byServerSpelling.Keys.Chunk(_options.ValuesBatchSize))
        {
            var query = $"SELECT ?n ?p ?x WHERE {{ GRAPH {_graph} {{ VALUES ?n {{ {string.Join(' ', chunk)} }} {predicateValues}{pattern} }} }}";
            foreach (var row in await SelectAsync(query, ct).ConfigureAwait(false))
            {
                // Find the requested node by its server spelling. A server may canonicalise a literal node (Virtuoso turns
                // "01"^^xsd:integer into "1"); such a row cannot be told apart from another node's, so it is dropped.
                if (row["n"] is BlankNode || !byServerSpelling.TryGetValue(SparqlTermFormatter.Format(row["n"]), out var node)) continue;
                result[node].Add(((Iri)row["p"], FromServer(row["x"])));
            }
        }
        return Freeze(result);
    }

    public async ValueTask<long> CountAsync(CancellationToken ct = default)
    {
        var rows = await SelectAsync($"SELECT (COUNT(*) AS ?c) WHERE {{ GRAPH {_graph} {{ ?s ?p ?o }} }}", ct).ConfigureAwait(false);
        return rows.Count == 0 ? 0 : long.Parse(((Literal)rows[0]["c"]).Lexical, CultureInfo.InvariantCulture);
    }

    /// <summary>True when the query endpoint answers a trivial query; never throws for an unreachable server.</summary>
    public async ValueTask<bool> IsAvailableAsync(CancellationToken ct = default)
    {
        try
        {
            await AskAsync("ASK {}", ct).ConfigureAwait(false);
            return true;
        }
        catch (GraphBackendUnavailableException)
        {
            return false;
        }
    }

    /// <summary>
    /// Sends a read-only query to the server as is and hands back its answer undecoded, for the <c>/sparql</c> route on
    /// the sparql backend. The store's graph is the default graph. Updates are refused with <see cref="SparqlReadOnlyException"/>.
    /// </summary>
    public async Task<SparqlRawResponse> QueryRawAsync(string queryText, string? accept, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(queryText);
        if (SparqlOperationKind.IsUpdate(queryText)) throw new SparqlReadOnlyException();
        var response = await _transport.SendAsync(_options.Endpoint, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, _options.Endpoint)
            {
                Content = new FormUrlEncodedContent([new("query", queryText), new("default-graph-uri", _options.GraphIri)]),
            };
            if (!string.IsNullOrWhiteSpace(accept) && MediaTypeWithQualityHeaderValue.TryParse(accept, out _))
                request.Headers.Accept.ParseAdd(accept);
            else request.Headers.Accept.ParseAdd(ResultsJson);
            return request;
        }, ct).ConfigureAwait(false);
        return new SparqlRawResponse(response);
    }

    // ---------------------------------------------------------------- writes

    public async ValueTask AddAsync(IEnumerable<Triple> triples, CancellationToken ct = default)
    {
        foreach (var batch in triples.Chunk(_options.GraphStoreEndpoint is null ? _options.UpdateBatchSize : _options.UploadBatchSize))
            await UploadAsync(batch, ct).ConfigureAwait(false);
    }

    public async ValueTask RemoveAsync(IEnumerable<Triple> triples, CancellationToken ct = default)
    {
        foreach (var batch in triples.Chunk(_options.UpdateBatchSize))
            await UpdateAsync(DataBlock("DELETE DATA", batch), ct).ConfigureAwait(false);
    }

    public async ValueTask ClearAsync(CancellationToken ct = default) =>
        await UpdateAsync($"CLEAR SILENT GRAPH {_graph} ; CLEAR SILENT GRAPH {_progressGraph}", ct).ConfigureAwait(false);

    /// <summary>
    /// Loads a large sequence of triples in batches. Idempotent: the server's graph is a set, so loading twice adds
    /// nothing. Resumable: after each batch the number of triples committed under <paramref name="loadId"/> is recorded on
    /// the server, and a later call with the same id skips that many triples; the sequence must therefore enumerate in
    /// the same order each time (a file read front to back does). A finished load is not repeated.
    /// </summary>
    public async Task<BulkLoadResult> BulkLoadAsync(
        IEnumerable<Triple> triples, string loadId, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(loadId);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var marker = SparqlTermFormatter.Format(new Iri("urn:stdgraph:load:" + Uri.EscapeDataString(loadId)));
        var (committed, complete) = await ReadProgressAsync(marker, ct).ConfigureAwait(false);
        if (complete) return new BulkLoadResult(committed, 0, committed, AlreadyComplete: true, started.Elapsed);

        var batchSize = _options.GraphStoreEndpoint is null ? _options.UpdateBatchSize : _options.UploadBatchSize;
        long sent = 0;
        var window = new List<Triple[]>(_options.UploadParallelism);
        async Task FlushWindowAsync()
        {
            // Batches of one window upload concurrently; the marker only moves once all of them are in, so it always
            // names a prefix of the sequence that the server holds completely.
            await Task.WhenAll(window.Select(b => UploadAsync(b, ct))).ConfigureAwait(false);
            sent += window.Sum(b => (long)b.Length);
            window.Clear();
            await WriteProgressAsync(marker, committed + sent, complete: false, ct).ConfigureAwait(false);
            progress?.Report(committed + sent);
        }
        foreach (var batch in Skip(triples, committed).Chunk(batchSize))
        {
            window.Add(batch);
            if (window.Count >= Math.Max(1, _options.UploadParallelism)) await FlushWindowAsync().ConfigureAwait(false);
        }
        if (window.Count > 0) await FlushWindowAsync().ConfigureAwait(false);
        await WriteProgressAsync(marker, committed + sent, complete: true, ct).ConfigureAwait(false);
        return new BulkLoadResult(committed + sent, sent, committed, AlreadyComplete: false, started.Elapsed);
    }

    private static IEnumerable<Triple> Skip(IEnumerable<Triple> triples, long count)
    {
        long seen = 0;
        foreach (var t in triples)
            if (seen++ >= count) yield return t;
    }

    private async Task<(long Committed, bool Complete)> ReadProgressAsync(string marker, CancellationToken ct)
    {
        var rows = await SelectAsync(
            $"SELECT ?n ?done WHERE {{ GRAPH {_progressGraph} {{ {marker} <{ProgressNs}committed> ?n . OPTIONAL {{ {marker} <{ProgressNs}complete> ?done }} }} }}",
            ct).ConfigureAwait(false);
        if (rows.Count == 0) return (0, false);
        var committed = rows.Max(r => long.Parse(((Literal)r["n"]).Lexical, CultureInfo.InvariantCulture));
        return (committed, rows.Any(r => r.ContainsKey("done")));
    }

    private Task WriteProgressAsync(string marker, long committed, bool complete, CancellationToken ct)
    {
        var completeTriple = complete ? $" {marker} <{ProgressNs}complete> true ." : "";
        return UpdateAsync(
            $"DELETE WHERE {{ GRAPH {_progressGraph} {{ {marker} <{ProgressNs}committed> ?n }} }} ;\n" +
            $"INSERT DATA {{ GRAPH {_progressGraph} {{ {marker} <{ProgressNs}committed> {committed} .{completeTriple} }} }}", ct);
    }

    private async Task UploadAsync(IReadOnlyCollection<Triple> batch, CancellationToken ct)
    {
        if (batch.Count == 0) return;
        if (_options.GraphStoreEndpoint is null)
        {
            foreach (var chunk in batch.Chunk(_options.UpdateBatchSize))
                await UpdateAsync(DataBlock("INSERT DATA", chunk), ct).ConfigureAwait(false);
            return;
        }
        var body = new StringBuilder(batch.Count * 120);
        foreach (var t in batch) AppendStatement(body, Skolemizer.Skolemize(t)).Append('\n');
        var payload = Encoding.UTF8.GetBytes(body.ToString());
        var target = new Uri(_options.GraphStoreEndpoint + (_options.GraphStoreEndpoint.Query.Length > 0 ? "&" : "?") + "graph=" + Uri.EscapeDataString(_options.GraphIri));
        using var response = await _transport.SendAsync(_options.GraphStoreEndpoint, () => new HttpRequestMessage(HttpMethod.Post, target)
        {
            Content = new ByteArrayContent(payload) { Headers = { ContentType = new MediaTypeHeaderValue("application/n-triples") { CharSet = "utf-8" } } },
        }, ct).ConfigureAwait(false);
    }

    private string DataBlock(string operation, IEnumerable<Triple> triples)
    {
        var sb = new StringBuilder(operation).Append(" { GRAPH ").Append(_graph).Append(" {\n");
        foreach (var t in triples) AppendStatement(sb, Skolemizer.Skolemize(t)).Append('\n');
        return sb.Append("} }").ToString();
    }

    private static StringBuilder AppendStatement(StringBuilder sb, Triple t)
    {
        SparqlTermFormatter.Append(sb, t.Subject);
        sb.Append(' ');
        SparqlTermFormatter.Append(sb, t.Predicate);
        sb.Append(' ');
        SparqlTermFormatter.Append(sb, t.Obj);
        return sb.Append(" .");
    }

    // ---------------------------------------------------------------- protocol

    private async Task<IReadOnlyList<IReadOnlyDictionary<string, Term>>> SelectAsync(string query, CancellationToken ct) =>
        (await QueryAsync(query, ct).ConfigureAwait(false)).Rows;

    private async Task<bool> AskAsync(string query, CancellationToken ct) =>
        (await QueryAsync(query, ct).ConfigureAwait(false)).Boolean ?? false;

    private async Task<ParsedResults> QueryAsync(string query, CancellationToken ct)
    {
        using var response = await _transport.SendAsync(_options.Endpoint, () => new HttpRequestMessage(HttpMethod.Post, _options.Endpoint)
        {
            Content = new FormUrlEncodedContent([new("query", query)]),
            Headers = { Accept = { new MediaTypeWithQualityHeaderValue(ResultsJson) } },
        }, ct).ConfigureAwait(false);
        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        try
        {
            return await SparqlJsonResultsReader.ReadAsync(stream, ct).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new SparqlEndpointException(_options.Endpoint, (int)response.StatusCode, "the answer is not SPARQL JSON results: " + e.Message);
        }
    }

    private async Task UpdateAsync(string update, CancellationToken ct)
    {
        using var response = await _transport.SendAsync(UpdateEndpoint, () => new HttpRequestMessage(HttpMethod.Post, UpdateEndpoint)
        {
            Content = new FormUrlEncodedContent([new("update", update)]),
            Headers = { Accept = { new MediaTypeWithQualityHeaderValue(ResultsJson) } },
        }, ct).ConfigureAwait(false);
    }

    private static Term FromServer(Term term) => Skolemizer.Unskolemize(term);

    private static IReadOnlyDictionary<Term, IReadOnlyList<(Iri Predicate, Term Node)>> Freeze(Dictionary<Term, List<(Iri, Term)>> result) =>
        result.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<(Iri Predicate, Term Node)>)kv.Value);

    public ValueTask DisposeAsync()
    {
        _transport.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>What a bulk load did: triples now recorded as committed, sent by this call, and skipped because an earlier run had sent them.</summary>
public sealed record BulkLoadResult(long Committed, long SentNow, long Resumed, bool AlreadyComplete, TimeSpan Elapsed);

/// <summary>A server's undecoded answer to a pass-through query; dispose it after copying <see cref="Body"/>.</summary>
public sealed class SparqlRawResponse : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;

    internal SparqlRawResponse(HttpResponseMessage response) => _response = response;

    public int StatusCode => (int)_response.StatusCode;

    public string? ContentType => _response.Content.Headers.ContentType?.ToString();

    public Task<Stream> OpenBodyAsync(CancellationToken ct = default) => _response.Content.ReadAsStreamAsync(ct);

    public ValueTask DisposeAsync()
    {
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
