using StdGraph.Core.Catalogue;

namespace StdGraph.Server.Resolving;

/// <summary>
/// Relations read from the catalogue records, with inverses indexed once: a <c>replaces</c> on one record is
/// also the <c>replacedBy</c> of its target, an <c>adopts</c> is the target's <c>adoptedBy</c>, and so on.
/// </summary>
internal sealed class CatalogueRelationSource : IRelationSource
{
    private readonly Dictionary<Relation, Dictionary<string, List<StandardLink>>> _edges = new();
    private readonly HashSet<(Relation, string, string, AdoptionDegree?)> _seen = new();

    public CatalogueRelationSource(StandardDirectory directory)
    {
        foreach (var relation in Enum.GetValues<Relation>()) _edges[relation] = new(StringComparer.Ordinal);
        foreach (var e in directory.Catalogue.Editions.Values)
        {
            var self = directory.Node(e);
            foreach (var r in e.Relations)
            {
                var target = directory.Node(r.ParsedTarget);
                var (forward, inverse) = r.Type switch
                {
                    RelationType.Replaces => (Relation.Replaces, Relation.ReplacedBy),
                    RelationType.ReplacedBy => (Relation.ReplacedBy, Relation.Replaces),
                    RelationType.Adopts => (Relation.Adopts, Relation.AdoptedBy),
                    RelationType.Cites => (Relation.Cites, Relation.CitedBy),
                    RelationType.Amends => (Relation.Amends, Relation.Amendments),
                    RelationType.Updates => (Relation.Updates, Relation.UpdatedBy),
                    _ => throw new InvalidOperationException($"unmapped relation type {r.Type}"),
                };
                Add(forward, self.Canonical, new StandardLink(target, r.Degree));
                Add(inverse, target.Canonical, new StandardLink(self, r.Degree));
            }
        }

        _seen.Clear();
        _seen.TrimExcess();
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<StandardLink>>> LinksAsync(
        Relation relation, IReadOnlyCollection<string> canonicalCodes, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var edges = _edges[relation];
        var result = new Dictionary<string, IReadOnlyList<StandardLink>>(canonicalCodes.Count, StringComparer.Ordinal);
        foreach (var code in canonicalCodes)
            result[code] = edges.TryGetValue(code, out var links) ? links : [];
        return Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<StandardLink>>>(result);
    }

    private void Add(Relation relation, string from, StandardLink link)
    {
        var map = _edges[relation];
        if (!map.TryGetValue(from, out var list)) map[from] = list = [];
        if (_seen.Add((relation, from, link.Target.Canonical, link.Degree))) list.Add(link);
    }
}
