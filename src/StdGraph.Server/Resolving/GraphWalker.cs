using StdGraph.Core.Catalogue;

namespace StdGraph.Server.Resolving;

/// <summary>An edition reached by a walk, with the step that reached it.</summary>
public sealed record RelatedStandard(StandardNode Standard, Relation Relation, int Distance, StandardNode Via, AdoptionDegree? Degree);

/// <summary>A chain of steps from one edition to another; no steps when both ends are the same edition.</summary>
public sealed record StandardPath(IReadOnlyList<StandardPath.Step> Steps)
{
    public sealed record Step(StandardNode From, Relation Relation, StandardNode To, AdoptionDegree? Degree);
}

/// <summary>
/// Breadth-first walks over relations. Each level of a walk is one batched call per relation for the whole
/// frontier, so the cost grows with depth, not with the number of editions on a level.
/// </summary>
internal sealed class GraphWalker(IRelationSource source)
{
    public async Task<IReadOnlyList<RelatedStandard>> RelatedAsync(
        StandardNode start, IReadOnlyCollection<Relation> relations, int depth, int first, CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start.Canonical };
        var found = new List<RelatedStandard>();
        var frontier = new Dictionary<string, StandardNode>(StringComparer.Ordinal) { [start.Canonical] = start };
        for (var distance = 1; distance <= depth && frontier.Count > 0 && found.Count < first; distance++)
        {
            var next = new Dictionary<string, StandardNode>(StringComparer.Ordinal);
            foreach (var relation in relations.Distinct())
            {
                var links = await source.LinksAsync(relation, frontier.Keys, ct).ConfigureAwait(false);
                foreach (var (from, list) in links)
                {
                    foreach (var link in list)
                    {
                        if (!seen.Add(link.Target.Canonical)) continue;
                        found.Add(new RelatedStandard(link.Target, relation, distance, frontier[from], link.Degree));
                        next[link.Target.Canonical] = link.Target;
                    }
                }
            }

            frontier = next;
        }

        return found.Take(first).ToList();
    }

    /// <summary>A shortest path from one edition to another over the given relations, or null within <paramref name="maxHops"/>.</summary>
    public async Task<StandardPath?> PathAsync(
        StandardNode from, StandardNode to, IReadOnlyCollection<Relation> via, int maxHops, CancellationToken ct)
    {
        if (from.Canonical == to.Canonical) return new StandardPath([]);
        var parent = new Dictionary<string, StandardPath.Step>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal) { from.Canonical };
        var frontier = new Dictionary<string, StandardNode>(StringComparer.Ordinal) { [from.Canonical] = from };
        for (var hop = 1; hop <= maxHops && frontier.Count > 0; hop++)
        {
            var next = new Dictionary<string, StandardNode>(StringComparer.Ordinal);
            foreach (var relation in via.Distinct())
            {
                var links = await source.LinksAsync(relation, frontier.Keys, ct).ConfigureAwait(false);
                foreach (var (code, list) in links)
                {
                    foreach (var link in list)
                    {
                        if (!seen.Add(link.Target.Canonical)) continue;
                        parent[link.Target.Canonical] = new StandardPath.Step(frontier[code], relation, link.Target, link.Degree);
                        next[link.Target.Canonical] = link.Target;
                    }
                }
            }

            if (parent.ContainsKey(to.Canonical))
            {
                var steps = new List<StandardPath.Step>();
                for (var at = to.Canonical; at != from.Canonical; at = parent[at].From.Canonical) steps.Add(parent[at]);
                steps.Reverse();
                return new StandardPath(steps);
            }

            frontier = next;
        }

        return null;
    }

    /// <summary>The replacement chains of many editions at once, each oldest first.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<StandardNode>>> HistoriesAsync(
        IReadOnlyList<string> codes, Func<string, StandardNode> node, CancellationToken ct)
    {
        // Chains are walked together, level by level: one call per direction per level for every chain.
        var chains = codes.ToDictionary(c => c, c => new Dictionary<string, StandardNode>(StringComparer.Ordinal) { [c] = node(c) }, StringComparer.Ordinal);
        var frontiers = codes.ToDictionary(c => c, c => new List<string> { c }, StringComparer.Ordinal);
        for (var level = 0; level < 200 && frontiers.Values.Any(f => f.Count > 0); level++)
        {
            var all = frontiers.Values.SelectMany(f => f).Distinct(StringComparer.Ordinal).ToList();
            var older = await source.LinksAsync(Relation.Replaces, all, ct).ConfigureAwait(false);
            var newer = await source.LinksAsync(Relation.ReplacedBy, all, ct).ConfigureAwait(false);
            foreach (var code in codes)
            {
                var next = new List<string>();
                foreach (var at in frontiers[code])
                {
                    foreach (var link in older[at].Concat(newer[at]))
                    {
                        if (chains[code].TryAdd(link.Target.Canonical, link.Target)) next.Add(link.Target.Canonical);
                    }
                }

                frontiers[code] = next;
            }
        }

        return chains.ToDictionary(
            c => c.Key,
            c => (IReadOnlyList<StandardNode>)c.Value.Values
                .OrderBy(n => n.Edition?.Issued?.Earliest ?? (n.Code.Year is { } y ? new DateOnly(y, 1, 1) : DateOnly.MaxValue))
                .ThenBy(n => n.Canonical, StringComparer.Ordinal)
                .ToList(),
            StringComparer.Ordinal);
    }
}
