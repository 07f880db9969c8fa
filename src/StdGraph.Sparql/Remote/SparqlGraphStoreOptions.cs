namespace StdGraph.Sparql.Remote;

/// <summary>
/// Where and how to reach a SPARQL 1.1 server. Queries go to <see cref="Endpoint"/>; updates to
/// <see cref="UpdateEndpoint"/> (default: the query endpoint); bulk uploads to <see cref="GraphStoreEndpoint"/> when set,
/// otherwise as <c>INSERT DATA</c> updates. For Virtuoso: <c>/sparql</c>, <c>/sparql-auth</c>, <c>/sparql-graph-crud-auth</c>
/// with a DBA login (digest authentication).
/// </summary>
public sealed record SparqlGraphStoreOptions
{
    public const string DefaultGraphIri = "https://stdgraph.org/graph";

    public required Uri Endpoint { get; init; }
    public Uri? UpdateEndpoint { get; init; }
    public Uri? GraphStoreEndpoint { get; init; }
    public string GraphIri { get; init; } = DefaultGraphIri;
    public string? User { get; init; }
    public string? Password { get; init; }

    /// <summary>Timeout of one HTTP attempt; retries each get their own.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after the first attempt on transient failures (connection refused, 5xx, 408, 429, timeouts).</summary>
    public int MaxRetries { get; init; } = 3;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Triples per upload in bulk loads and <c>AddAsync</c> (Graph Store POST of N-Triples).</summary>
    public int UploadBatchSize { get; init; } = 20_000;

    /// <summary>Upload batches in flight at once during a bulk load.</summary>
    public int UploadParallelism { get; init; } = 2;

    /// <summary>Triples per <c>INSERT DATA</c> / <c>DELETE DATA</c> request; Virtuoso compiles these into SQL, so keep them modest.</summary>
    public int UpdateBatchSize { get; init; } = 1_000;

    /// <summary>Nodes per <c>VALUES</c> block in neighbour queries.</summary>
    public int ValuesBatchSize { get; init; } = 500;

    /// <summary>Rows per page for large matches; servers cap result sets (Virtuoso's ResultSetMaxRows, 10 000 by default).</summary>
    public int PageSize { get; init; } = 10_000;
}
