namespace StdGraph.Server.Resolving;

/// <summary>
/// Where relation edges come from. One call answers one relation for many editions at once: the data loader
/// gathers the keys of a whole selection level and asks once, so a page of 50 hits costs one call, not 50.
/// </summary>
public interface IRelationSource
{
    Task<IReadOnlyDictionary<string, IReadOnlyList<StandardLink>>> LinksAsync(
        Relation relation, IReadOnlyCollection<string> canonicalCodes, CancellationToken ct);
}
