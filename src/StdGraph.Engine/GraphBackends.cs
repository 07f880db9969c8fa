using System.Security.Cryptography;
using System.Text;
using StdGraph.Rdf;
using StdGraph.Sparql.Remote;

namespace StdGraph.Engine;

/// <summary>Opens the configured graph backend: the embedded snapshot or a SPARQL 1.1 server.</summary>
public static class GraphBackends
{
    public static SparqlGraphStoreOptions SparqlStoreOptions(SparqlOptions o) => new()
    {
        Endpoint = new Uri(o.Endpoint),
        UpdateEndpoint = o.UpdateEndpoint is null ? null : new Uri(o.UpdateEndpoint),
        GraphStoreEndpoint = o.GraphStoreEndpoint is null ? null : new Uri(o.GraphStoreEndpoint),
        GraphIri = o.GraphIri,
        User = o.User,
        Password = o.Password,
        Timeout = o.Timeout,
    };

    /// <summary>
    /// Loads the built graph into the SPARQL server, batched. The load id is derived from the graph's content, so a run
    /// interrupted midway resumes where it stopped, and loading the same graph twice adds nothing.
    /// </summary>
    internal static async Task BulkLoadAsync(EngineOptions options, MemoryGraphStore graph, IProgress<BuildProgress>? progress, CancellationToken ct)
    {
        await using var store = new SparqlGraphStore(SparqlStoreOptions(options.Sparql));
        if (!await store.IsAvailableAsync(ct).ConfigureAwait(false))
            throw new GraphBackendUnavailableException(new Uri(options.Sparql.Endpoint), "it does not answer", null);
        var total = graph.Count;
        var loadId = "graph-" + total + "-" + ContentDigest(graph);
        await store.BulkLoadAsync(
            graph.Match(null, null, null),
            loadId,
            new Progress<long>(n => progress?.Report(new BuildProgress("graph", $"{n:N0} of {total:N0} triples loaded", (double)n / total))),
            ct).ConfigureAwait(false);
    }

    public static IGraphStore Open(EngineOptions options, string generation) => options.Backend switch
    {
        GraphBackend.Sparql => new SparqlGraphStore(SparqlStoreOptions(options.Sparql) with
        {
            Timeout = options.Sparql.ReadTimeout,
            MaxRetries = options.Sparql.ReadRetries,
        }),
        _ => MemoryGraphStore.LoadSnapshot(Path.Combine(generation, DataDirectory.GraphFile)),
    };

    private static string ContentDigest(MemoryGraphStore graph)
    {
        // Every triple counts: two graphs that differ anywhere must not share a load id.
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var t in graph.Match(null, null, null))
            sha.AppendData(Encoding.UTF8.GetBytes(t.ToString()));

        return Convert.ToHexString(sha.GetHashAndReset())[..16].ToLowerInvariant();
    }
}
