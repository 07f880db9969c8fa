using System.Collections.Concurrent;
using StdGraph.Server.Resolving;

namespace StdGraph.Server.Tests;

/// <summary>Counts the calls that reach the relation source, and the keys each asked for.</summary>
internal sealed class CountingRelationSource(IRelationSource inner) : IRelationSource
{
    public ConcurrentQueue<(Relation Relation, int Keys)> Calls { get; } = new();

    public Task<IReadOnlyDictionary<string, IReadOnlyList<StandardLink>>> LinksAsync(Relation relation, IReadOnlyCollection<string> canonicalCodes, CancellationToken ct)
    {
        Calls.Enqueue((relation, canonicalCodes.Count));
        return inner.LinksAsync(relation, canonicalCodes, ct);
    }
}
