using StdGraph.Rdf;

namespace StdGraph.Engine;

/// <summary>Opens the configured graph backend: the embedded snapshot or a SPARQL 1.1 server.</summary>
internal static class GraphBackends
{
    public static Task BulkLoadAsync(EngineOptions options, MemoryGraphStore graph, IProgress<BuildProgress>? progress, CancellationToken ct)
    {
        _ = graph;
        _ = progress;
        _ = ct;
        throw new NotSupportedException($"graph backend '{options.Backend}' is not available in this build");
    }

    public static IGraphStore Open(EngineOptions options, string generation)
    {
        if (options.Backend != GraphBackend.Embedded)
            throw new NotSupportedException($"graph backend '{options.Backend}' is not available in this build");
        return MemoryGraphStore.LoadSnapshot(Path.Combine(generation, DataDirectory.GraphFile));
    }
}
