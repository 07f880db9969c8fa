using StdGraph.Rdf;

namespace StdGraph.Server.Resolving;

/// <summary>The engine's graph store lent to the app: every call passes through, disposing does nothing (the engine owns it).</summary>
internal sealed class BorrowedGraphStore(IGraphStore inner) : IGraphStore
{
    public ValueTask<IReadOnlyList<Triple>> MatchAsync(Term? subject, Iri? predicate, Term? obj, int limit = int.MaxValue, CancellationToken ct = default) =>
        inner.MatchAsync(subject, predicate, obj, limit, ct);

    public ValueTask<IReadOnlyDictionary<Term, IReadOnlyList<(Iri Predicate, Term Node)>>> NeighboursAsync(
        IReadOnlyCollection<Term> nodes, IReadOnlyCollection<Iri>? predicates, Direction direction, CancellationToken ct = default) =>
        inner.NeighboursAsync(nodes, predicates, direction, ct);

    public ValueTask<long> CountAsync(CancellationToken ct = default) => inner.CountAsync(ct);

    public ValueTask AddAsync(IEnumerable<Triple> triples, CancellationToken ct = default) => inner.AddAsync(triples, ct);

    public ValueTask RemoveAsync(IEnumerable<Triple> triples, CancellationToken ct = default) => inner.RemoveAsync(triples, ct);

    public ValueTask ClearAsync(CancellationToken ct = default) => inner.ClearAsync(ct);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
