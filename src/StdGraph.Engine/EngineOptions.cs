namespace StdGraph.Engine;

public enum GraphBackend
{
    Embedded,
    Sparql,
}

/// <summary>Where the engine reads its corpus and keeps its data, and which graph backend it uses.</summary>
public sealed record EngineOptions
{
    /// <summary>Corpus files or folders. Empty means the defaults: <c>corpus/</c>, then <c>../shared/corpus</c>, the first that holds catalogue files.</summary>
    public IReadOnlyList<string> CorpusPaths { get; init; } = [];

    public string DataDirectory { get; init; } = "data";

    public GraphBackend Backend { get; init; } = GraphBackend.Embedded;

    public SparqlOptions Sparql { get; init; } = new();

    /// <summary>Folder of the ontology Turtle files; null means the copy shipped beside the program.</summary>
    public string? OntologyDirectory { get; init; }

    /// <summary>The corpus paths to read: the configured ones, or the first default that holds catalogue files.</summary>
    public IReadOnlyList<string> ResolveCorpusPaths()
    {
        if (CorpusPaths.Count > 0) return CorpusPaths;
        foreach (var candidate in new[] { "corpus", Path.Combine("..", "shared", "corpus") })
        {
            if (Directory.Exists(candidate) && Corpus.CorpusFile.Discover([candidate]).Any(f => f.Kind == Corpus.CorpusFileKind.Standard))
                return [candidate];
        }

        throw new Corpus.CorpusException("no corpus found: neither corpus/ nor ../shared/corpus holds catalogue files; pass --corpus PATH");
    }
}

/// <summary>Connection to a SPARQL 1.1 server (Virtuoso, Fuseki, GraphDB…).</summary>
public sealed record SparqlOptions
{
    public string Endpoint { get; init; } = "http://127.0.0.1:8890/sparql";
    public string? UpdateEndpoint { get; init; }
    public string? GraphStoreEndpoint { get; init; }
    public string GraphIri { get; init; } = "https://stdgraph.org/graph";
    public string? User { get; init; }
    public string? Password { get; init; }
    /// <summary>Time limit of one request while loading (bulk uploads, updates).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Time limit of one lookup while serving; with one retry it stays inside the GraphQL execution limit (10 s), so a
    /// server that hangs rather than refuses still answers the clear "graph unavailable" error, not a timeout.
    /// </summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Retries of a failed lookup while serving.</summary>
    public int ReadRetries { get; init; } = 1;
}
