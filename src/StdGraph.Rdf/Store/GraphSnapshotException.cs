namespace StdGraph.Rdf;

/// <summary>A snapshot file that cannot be used: not a snapshot, an unsupported version, truncated or corrupt.</summary>
public sealed class GraphSnapshotException : IOException
{
    public GraphSnapshotException(string path, string reason, Exception? inner = null)
        : base($"Graph snapshot '{path}' cannot be loaded: {reason}", inner)
    {
        FilePath = path;
        Reason = reason;
    }

    public string FilePath { get; }
    public string Reason { get; }
}
