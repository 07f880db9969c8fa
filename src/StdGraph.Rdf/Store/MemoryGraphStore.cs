using System.Collections.Concurrent;
using StdGraph.Rdf.Store;

namespace StdGraph.Rdf;

/// <summary>
/// The embedded triple store. Terms are dictionary-encoded to ints; triples live in three sorted arrays of id
/// triples (SPO, POS, OSP), so every pattern is a binary-searched range. Readers never lock: they work on an
/// immutable state object, and a write builds the next state by merging and swaps it in. Writes are therefore
/// O(n) per call: batch them (one <see cref="Add"/> with many triples) rather than adding triples one by one.
/// </summary>
public sealed class MemoryGraphStore : IGraphStore
{
    private readonly object _writeLock = new();
    private volatile State _state = State.Empty();

    public MemoryGraphStore() { }

    private MemoryGraphStore(State state) => _state = state;

    /// <summary>The number of triples.</summary>
    public long Count => _state.Spo.Length;

    /// <summary>Triples matching the pattern (null matches anything), read from a consistent snapshot of the store.</summary>
    public IEnumerable<Triple> Match(Term? subject, Iri? predicate, Term? obj)
    {
        var state = _state;
        int s = -1, p = -1, o = -1;
        if ((subject is not null && !state.TryGetId(subject, out s))
            || (predicate is not null && !state.TryGetId(predicate, out p))
            || (obj is not null && !state.TryGetId(obj, out o)))
            return [];
        return Enumerate(state, subject is not null, predicate is not null, obj is not null, s, p, o);
    }

    private static IEnumerable<Triple> Enumerate(State state, bool hasS, bool hasP, bool hasO, int s, int p, int o)
    {
        // Pick the index whose sort order puts the bound positions first.
        IdTriple[] index;
        int prefix;
        Func<IdTriple, IdTriple> toSpo;
        (int a, int b, int c) key;
        switch (hasS, hasP, hasO)
        {
            case (true, true, true): index = state.Spo; prefix = 3; key = (s, p, o); toSpo = Identity; break;
            case (true, true, false): index = state.Spo; prefix = 2; key = (s, p, 0); toSpo = Identity; break;
            case (true, false, false): index = state.Spo; prefix = 1; key = (s, 0, 0); toSpo = Identity; break;
            case (false, true, true): index = state.Pos; prefix = 2; key = (p, o, 0); toSpo = FromPos; break;
            case (false, true, false): index = state.Pos; prefix = 1; key = (p, 0, 0); toSpo = FromPos; break;
            case (false, false, true): index = state.Osp; prefix = 1; key = (o, 0, 0); toSpo = FromOsp; break;
            case (true, false, true): index = state.Osp; prefix = 2; key = (o, s, 0); toSpo = FromOsp; break;
            default: index = state.Spo; prefix = 0; key = (0, 0, 0); toSpo = Identity; break;
        }
        var (start, end) = SortedIndex.Range(index, prefix, key.a, key.b, key.c);
        for (var i = start; i < end; i++)
            yield return state.Decode(toSpo(index[i]));
    }

    private static readonly Func<IdTriple, IdTriple> Identity = t => t;
    private static readonly Func<IdTriple, IdTriple> FromPos = t => t.PosToSpo();
    private static readonly Func<IdTriple, IdTriple> FromOsp = t => t.OspToSpo();

    public bool Contains(Triple triple) => Match(triple.Subject, triple.Predicate, triple.Obj).Any();

    /// <summary>(predicate, neighbour) pairs of one node.</summary>
    public IReadOnlyList<(Iri Predicate, Term Node)> Neighbours(Term node, IReadOnlyCollection<Iri>? predicates, Direction direction) =>
        Neighbours(_state, node, predicates, direction);

    private static List<(Iri, Term)> Neighbours(State state, Term node, IReadOnlyCollection<Iri>? predicates, Direction direction)
    {
        var result = new List<(Iri, Term)>();
        if (!state.TryGetId(node, out var n)) return result;
        var index = direction == Direction.Outgoing ? state.Spo : state.Osp;
        if (predicates is null)
        {
            var (start, end) = SortedIndex.Range(index, 1, n, 0, 0);
            for (var i = start; i < end; i++)
            {
                var t = index[i];
                // SPO gives (p, o); OSP gives (s, p).
                result.Add(direction == Direction.Outgoing
                    ? ((Iri)state.Terms[t.B], state.Terms[t.C])
                    : ((Iri)state.Terms[t.C], state.Terms[t.B]));
            }
            return result;
        }
        foreach (var predicate in predicates)
        {
            if (!state.TryGetId(predicate, out var p)) continue;
            if (direction == Direction.Outgoing)
            {
                var (start, end) = SortedIndex.Range(state.Spo, 2, n, p, 0);
                for (var i = start; i < end; i++) result.Add((predicate, state.Terms[state.Spo[i].C]));
            }
            else
            {
                var (start, end) = SortedIndex.Range(state.Pos, 2, p, n, 0);
                for (var i = start; i < end; i++) result.Add((predicate, state.Terms[state.Pos[i].C]));
            }
        }
        return result;
    }

    /// <summary>Adds triples (duplicates are ignored). Same as <see cref="Add"/>; named for the initial load of a large graph.</summary>
    public void BulkLoad(IEnumerable<Triple> triples) => Add(triples);

    public void Add(IEnumerable<Triple> triples)
    {
        lock (_writeLock)
        {
            var state = _state;
            var encoder = new Encoder(state);
            var added = new List<IdTriple>();
            try
            {
                // Parsed files list a subject's triples together and reuse few predicates, so remembering the
                // previous subject and predicate skips most dictionary lookups for them.
                Term? lastSubject = null, lastPredicate = null;
                int subjectId = -1, predicateId = -1;
                foreach (var t in triples)
                {
                    if (!ReferenceEquals(t.Subject, lastSubject) && !t.Subject.Equals(lastSubject)) { subjectId = encoder.GetOrAdd(t.Subject); lastSubject = t.Subject; }
                    if (!ReferenceEquals(t.Predicate, lastPredicate) && !t.Predicate.Equals(lastPredicate)) { predicateId = encoder.GetOrAdd(t.Predicate); lastPredicate = t.Predicate; }
                    added.Add(new IdTriple(subjectId, predicateId, encoder.GetOrAdd(t.Obj)));
                }
            }
            catch
            {
                // The source failed part-way (e.g. a syntax error in a streamed file): nothing is added, and the
                // ids handed out so far are withdrawn so they cannot alias terms added later.
                encoder.Rollback();
                throw;
            }
            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(added);
            span = span[..SortedIndex.SortDistinct(span)];
            var spo = SortedIndex.Union(state.Spo, span);
            if (spo.Length == state.Spo.Length && encoder.TermCount == state.TermCount) return;

            // Only the triples that were really new need to go into the other two indexes.
            var fresh = new List<IdTriple>(spo.Length - state.Spo.Length);
            foreach (var t in span)
            {
                var (start, end) = SortedIndex.Range(state.Spo, 3, t.A, t.B, t.C);
                if (start == end) fresh.Add(t);
            }
            var freshSpan = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(fresh);
            var pos = SortedIndex.Union(state.Pos, SortedIndex.Permute(freshSpan, static t => t.SpoToPos()));
            var osp = SortedIndex.Union(state.Osp, SortedIndex.Permute(freshSpan, static t => t.SpoToOsp()));
            _state = new State(state.Ids, encoder.Terms, encoder.TermCount, spo, pos, osp);
        }
    }

    public void Remove(IEnumerable<Triple> triples)
    {
        lock (_writeLock)
        {
            var state = _state;
            var removed = new List<IdTriple>();
            foreach (var t in triples)
            {
                if (state.TryGetId(t.Subject, out var s) && state.TryGetId(t.Predicate, out var p) && state.TryGetId(t.Obj, out var o))
                    removed.Add(new IdTriple(s, p, o));
            }
            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(removed);
            span = span[..SortedIndex.SortDistinct(span)];
            var spo = SortedIndex.Except(state.Spo, span);
            if (spo.Length == state.Spo.Length) return;
            var pos = SortedIndex.Except(state.Pos, SortedIndex.Permute(span, static t => t.SpoToPos()));
            var osp = SortedIndex.Except(state.Osp, SortedIndex.Permute(span, static t => t.SpoToOsp()));
            _state = new State(state.Ids, state.Terms, state.TermCount, spo, pos, osp);
        }
    }

    public void Clear()
    {
        lock (_writeLock) _state = State.Empty();
    }

    /// <summary>Writes the store to <paramref name="path"/> atomically: a temp file beside it, fsync, then rename over it.</summary>
    public void SaveSnapshot(string path) => SaveSnapshot(path, static s => s);

    internal void SaveSnapshot(string path, Func<Stream, Stream> wrapFile) => GraphSnapshotFile.Save(_state, path, wrapFile);

    /// <summary>Reads a snapshot written by <see cref="SaveSnapshot(string)"/>; a damaged file raises <see cref="GraphSnapshotException"/>.</summary>
    public static MemoryGraphStore LoadSnapshot(string path) => new(GraphSnapshotFile.Load(path));

    ValueTask<IReadOnlyList<Triple>> IGraphStore.MatchAsync(Term? subject, Iri? predicate, Term? obj, int limit, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        IReadOnlyList<Triple> result = limit == int.MaxValue ? Match(subject, predicate, obj).ToList() : Match(subject, predicate, obj).Take(limit).ToList();
        return ValueTask.FromResult(result);
    }

    public ValueTask<IReadOnlyList<Triple>> MatchAsync(Term? subject, Iri? predicate, Term? obj, int limit = int.MaxValue, CancellationToken ct = default) =>
        ((IGraphStore)this).MatchAsync(subject, predicate, obj, limit, ct);

    public ValueTask<IReadOnlyDictionary<Term, IReadOnlyList<(Iri Predicate, Term Node)>>> NeighboursAsync(
        IReadOnlyCollection<Term> nodes, IReadOnlyCollection<Iri>? predicates, Direction direction, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var state = _state;
        var result = new Dictionary<Term, IReadOnlyList<(Iri Predicate, Term Node)>>(nodes.Count);
        foreach (var node in nodes)
            result.TryAdd(node, Neighbours(state, node, predicates, direction));
        return ValueTask.FromResult<IReadOnlyDictionary<Term, IReadOnlyList<(Iri Predicate, Term Node)>>>(result);
    }

    public ValueTask<long> CountAsync(CancellationToken ct = default) => ValueTask.FromResult(Count);

    public ValueTask AddAsync(IEnumerable<Triple> triples, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        Add(triples);
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(IEnumerable<Triple> triples, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        Remove(triples);
        return ValueTask.CompletedTask;
    }

    public ValueTask ClearAsync(CancellationToken ct = default)
    {
        Clear();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// One immutable version of the store. The term array and id dictionary are append-only and shared with later
    /// versions; a version only ever reads ids below its own <see cref="TermCount"/>.
    /// </summary>
    internal sealed class State(ConcurrentDictionary<Term, int> ids, Term[] terms, int termCount, IdTriple[] spo, IdTriple[] pos, IdTriple[] osp)
    {
        public ConcurrentDictionary<Term, int> Ids { get; } = ids;
        public Term[] Terms { get; } = terms;
        public int TermCount { get; } = termCount;
        public IdTriple[] Spo { get; } = spo;
        public IdTriple[] Pos { get; } = pos;
        public IdTriple[] Osp { get; } = osp;

        public static State Empty() => new(new ConcurrentDictionary<Term, int>(), new Term[16], 0, [], [], []);

        public bool TryGetId(Term term, out int id) => Ids.TryGetValue(term, out id) && id < TermCount;

        public Triple Decode(IdTriple spo) => new(Terms[spo.A], (Iri)Terms[spo.B], Terms[spo.C]);
    }

    /// <summary>Assigns ids to new terms while a write holds the lock.</summary>
    private sealed class Encoder(State state)
    {
        public Term[] Terms { get; private set; } = state.Terms;
        public int TermCount { get; private set; } = state.TermCount;

        public int GetOrAdd(Term term)
        {
            if (state.Ids.TryGetValue(term, out var id) && id < TermCount) return id;
            if (TermCount == Terms.Length)
            {
                var grown = new Term[Terms.Length * 2];
                Array.Copy(Terms, grown, TermCount);
                Terms = grown;
            }
            id = TermCount++;
            Terms[id] = term;
            state.Ids[term] = id;
            return id;
        }

        public void Rollback()
        {
            for (var i = state.TermCount; i < TermCount; i++) state.Ids.TryRemove(Terms[i], out _);
        }
    }
}
