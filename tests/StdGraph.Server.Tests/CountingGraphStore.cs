using System.Collections.Concurrent;
using StdGraph.Rdf;

namespace StdGraph.Server.Tests;

/// <summary>Counts the calls that reach the graph store, with how many nodes each asked about.</summary>
internal sealed class CountingGraphStore(IGraphStore inner) : IGraphStore
{
    public ConcurrentQueue<(string Method, int Nodes)> Calls { get; } = new();

    public ValueTask<IReadOnlyList<Triple>> MatchAsync(Term? subject, Iri? predicate, Term? obj, int limit = int.MaxValue, CancellationToken ct = default)
    {
        Calls.Enqueue((nameof(MatchAsync), 1));
        return inner.MatchAsync(subject, predicate, obj, limit, ct);
    }

    public ValueTask<IReadOnlyDictionary<Term, IReadOnlyList<(Iri Predicate, Term Node)>>> NeighboursAsync(
        IReadOnlyCollection<Term> nodes, IReadOnlyCollection<Iri>? predicates, Direction direction, CancellationToken ct = default)
    {
        Calls.Enqueue((nameof(NeighboursAsync), nodes.Count));
        return inner.NeighboursAsync(nodes, predicates, direction, ct);
    }

    public ValueTask<long> CountAsync(CancellationToken ct = default) => inner.CountAsync(ct);

    public ValueTask AddAsync(IEnumerable<Triple> triples, CancellationToken ct = default) => throw new NotSupportedException("read-only in tests");

    public ValueTask RemoveAsync(IEnumerable<Triple> triples, CancellationToken ct = default) => throw new NotSupportedException("read-only in tests");

    public ValueTask ClearAsync(CancellationToken ct = default) => throw new NotSupportedException("read-only in tests");

    // The engine owns the inner store.
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
