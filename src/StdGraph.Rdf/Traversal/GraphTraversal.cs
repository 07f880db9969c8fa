namespace StdGraph.Rdf;

/// <summary>A node reached by a traversal, how far from the start, and the edge it was first reached by.</summary>
public sealed record TraversalNode(Term Node, int Depth, Term Parent, Iri Predicate);

/// <summary>The nodes of a bounded closure; <see cref="Truncated"/> says a limit cut it short.</summary>
public sealed record ClosureResult(IReadOnlyList<TraversalNode> Nodes, bool Truncated);

/// <summary>One edge of a path. For <see cref="Direction.Incoming"/> the stored triple is (To, Predicate, From).</summary>
public sealed record PathStep(Term From, Iri Predicate, Term To, Direction Direction);

/// <summary>
/// Walks any <see cref="IGraphStore"/> breadth first, one batched <see cref="IGraphStore.NeighboursAsync"/> call per
/// level, so a remote store costs one round trip per depth rather than one per node. Every walk is bounded.
/// </summary>
public sealed class GraphTraversal
{
    private readonly IGraphStore _store;

    public GraphTraversal(IGraphStore store) => _store = store;

    public async ValueTask<IReadOnlyList<(Iri Predicate, Term Node)>> NeighboursAsync(
        Term node, IReadOnlyCollection<Iri>? predicates, Direction direction, CancellationToken ct = default)
    {
        var result = await _store.NeighboursAsync([node], predicates, direction, ct).ConfigureAwait(false);
        return result.TryGetValue(node, out var list) ? list : [];
    }

    public ValueTask<ClosureResult> ClosureAsync(
        Term start, IReadOnlyCollection<Iri>? predicates, Direction direction, int maxDepth, int maxResults = int.MaxValue, CancellationToken ct = default) =>
        ClosureAsync([start], predicates, direction, maxDepth, maxResults, ct);

    /// <summary>
    /// Every node reachable from <paramref name="starts"/> within <paramref name="maxDepth"/> edges, each once at its
    /// smallest depth (start nodes are not included). Cycles terminate because a node is expanded at most once.
    /// </summary>
    public async ValueTask<ClosureResult> ClosureAsync(
        IReadOnlyCollection<Term> starts, IReadOnlyCollection<Iri>? predicates, Direction direction, int maxDepth,
        int maxResults = int.MaxValue, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDepth);
        ArgumentOutOfRangeException.ThrowIfNegative(maxResults);
        var seen = new HashSet<Term>(starts);
        var result = new List<TraversalNode>();
        var frontier = starts.Distinct().ToList();
        for (var depth = 1; depth <= maxDepth && frontier.Count > 0; depth++)
        {
            var neighbours = await _store.NeighboursAsync(frontier, predicates, direction, ct).ConfigureAwait(false);
            var next = new List<Term>();
            foreach (var parent in frontier)
            {
                if (!neighbours.TryGetValue(parent, out var edges)) continue;
                foreach (var (predicate, node) in edges)
                {
                    if (!seen.Add(node)) continue;
                    if (result.Count == maxResults) return new ClosureResult(result, Truncated: true);
                    result.Add(new TraversalNode(node, depth, parent, predicate));
                    if (node is not Literal) next.Add(node);
                }
            }
            frontier = next;
        }
        var cutByDepth = frontier.Count > 0 && await HasUnseenNeighbourAsync(frontier, predicates, direction, seen, ct).ConfigureAwait(false);
        return new ClosureResult(result, cutByDepth);
    }

    private async ValueTask<bool> HasUnseenNeighbourAsync(
        List<Term> frontier, IReadOnlyCollection<Iri>? predicates, Direction direction, HashSet<Term> seen, CancellationToken ct)
    {
        var neighbours = await _store.NeighboursAsync(frontier, predicates, direction, ct).ConfigureAwait(false);
        return neighbours.Values.Any(edges => edges.Any(e => !seen.Contains(e.Node)));
    }

    /// <summary>
    /// A shortest path from <paramref name="from"/> to <paramref name="to"/> over <paramref name="predicates"/> (all when
    /// null), following edges forwards, and backwards too when <paramref name="bothDirections"/>; null when there is
    /// none within <paramref name="maxHops"/> or within <paramref name="maxVisited"/> explored nodes.
    /// </summary>
    public async ValueTask<IReadOnlyList<PathStep>?> ShortestPathAsync(
        Term from, Term to, IReadOnlyCollection<Iri>? predicates, int maxHops, bool bothDirections = false,
        int maxVisited = 1_000_000, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxHops);
        if (from == to) return [];
        var reachedBy = new Dictionary<Term, PathStep?> { [from] = null };
        var frontier = new List<Term> { from };
        for (var hop = 1; hop <= maxHops && frontier.Count > 0; hop++)
        {
            var next = new List<Term>();
            foreach (var direction in bothDirections ? new[] { Direction.Outgoing, Direction.Incoming } : [Direction.Outgoing])
            {
                var neighbours = await _store.NeighboursAsync(frontier, predicates, direction, ct).ConfigureAwait(false);
                foreach (var node in frontier)
                {
                    if (!neighbours.TryGetValue(node, out var edges)) continue;
                    foreach (var (predicate, neighbour) in edges)
                    {
                        if (reachedBy.ContainsKey(neighbour)) continue;
                        reachedBy[neighbour] = new PathStep(node, predicate, neighbour, direction);
                        if (neighbour == to) return Unwind(reachedBy, to);
                        if (reachedBy.Count >= maxVisited) return null;
                        if (neighbour is not Literal) next.Add(neighbour);
                    }
                }
            }
            frontier = next;
        }
        return null;
    }

    private static List<PathStep> Unwind(Dictionary<Term, PathStep?> reachedBy, Term to)
    {
        var path = new List<PathStep>();
        for (var step = reachedBy[to]; step is not null; step = reachedBy[step.From]) path.Add(step);
        path.Reverse();
        return path;
    }
}
