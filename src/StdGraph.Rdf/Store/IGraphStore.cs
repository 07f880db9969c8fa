namespace StdGraph.Rdf;

public enum Direction { Outgoing, Incoming }

/// <summary>
/// A set of triples. Async because one implementation is a remote SPARQL server; the embedded store completes
/// synchronously.
/// </summary>
public interface IGraphStore : IAsyncDisposable
{
    /// <summary>Triples matching the pattern; a null position matches anything.</summary>
    ValueTask<IReadOnlyList<Triple>> MatchAsync(Term? subject, Iri? predicate, Term? obj, int limit = int.MaxValue, CancellationToken ct = default);

    /// <summary>
    /// For each node, its (predicate, neighbour) pairs in the given direction, restricted to <paramref name="predicates"/>
    /// when given. Every requested node is a key of the result, with an empty list when it has no neighbours.
    /// </summary>
    ValueTask<IReadOnlyDictionary<Term, IReadOnlyList<(Iri Predicate, Term Node)>>> NeighboursAsync(
        IReadOnlyCollection<Term> nodes, IReadOnlyCollection<Iri>? predicates, Direction direction, CancellationToken ct = default);

    ValueTask<long> CountAsync(CancellationToken ct = default);

    ValueTask AddAsync(IEnumerable<Triple> triples, CancellationToken ct = default);

    ValueTask RemoveAsync(IEnumerable<Triple> triples, CancellationToken ct = default);

    ValueTask ClearAsync(CancellationToken ct = default);
}
