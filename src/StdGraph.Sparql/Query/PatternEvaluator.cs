using StdGraph.Rdf;

namespace StdGraph.Sparql.Query;

/// <summary>
/// Evaluates the algebra bottom-up over any <see cref="IGraphStore"/>. A basic graph pattern on the right of a join or
/// optional is evaluated once per left solution with that solution substituted (an index lookup instead of a scan);
/// everything else follows the algebra literally so FILTER and OPTIONAL scoping is exact.
/// </summary>
internal sealed class PatternEvaluator(IGraphStore store, long maxSolutions, CancellationToken ct)
{
    private static readonly IReadOnlyDictionary<string, Term> EmptyRow = new Dictionary<string, Term>();
    private long _produced;

    public async ValueTask<List<IReadOnlyDictionary<string, Term>>> EvaluateAsync(GraphPattern pattern) =>
        await EvaluateAsync(pattern, [EmptyRow]).ConfigureAwait(false);

    /// <summary>The join of <paramref name="input"/> with the pattern's solutions.</summary>
    private async ValueTask<List<IReadOnlyDictionary<string, Term>>> EvaluateAsync(GraphPattern pattern, List<IReadOnlyDictionary<string, Term>> input)
    {
        ct.ThrowIfCancellationRequested();
        switch (pattern)
        {
            case BgpPattern bgp:
            {
                var output = new List<IReadOnlyDictionary<string, Term>>();
                foreach (var row in input) await MatchBgpAsync(bgp.Triples, row, output).ConfigureAwait(false);
                return output;
            }
            case JoinPattern join:
            {
                var left = await EvaluateAsync(join.Left, input).ConfigureAwait(false);
                if (join.Right is BgpPattern) return await EvaluateAsync(join.Right, left).ConfigureAwait(false);
                // Anything else is evaluated on its own: substituting left bindings into an OPTIONAL or FILTER changes its meaning.
                var right = await EvaluateAsync(join.Right, [EmptyRow]).ConfigureAwait(false);
                return JoinRows(left, right);
            }
            case UnionPattern union:
            {
                var left = await EvaluateAsync(union.Left, input).ConfigureAwait(false);
                var right = await EvaluateAsync(union.Right, input).ConfigureAwait(false);
                left.AddRange(right);
                return left;
            }
            case FilterPattern filter:
            {
                // Evaluated on its own: a filter sees only its group's variables, not the caller's.
                var inner = await EvaluateAsync(filter.Inner, [EmptyRow]).ConfigureAwait(false);
                return JoinRows(input, inner.Where(r => ExpressionEvaluator.Filter(filter.Filter, r)).ToList());
            }
            case LeftJoinPattern leftJoin:
            {
                var left = await EvaluateAsync(leftJoin.Left, input).ConfigureAwait(false);
                var output = new List<IReadOnlyDictionary<string, Term>>();
                List<IReadOnlyDictionary<string, Term>>? independentRight = null;
                foreach (var row in left)
                {
                    ct.ThrowIfCancellationRequested();
                    List<IReadOnlyDictionary<string, Term>> extended;
                    if (leftJoin.Right is BgpPattern rightBgp)
                    {
                        extended = [];
                        await MatchBgpAsync(rightBgp.Triples, row, extended).ConfigureAwait(false);
                    }
                    else
                    {
                        independentRight ??= await EvaluateAsync(leftJoin.Right, [EmptyRow]).ConfigureAwait(false);
                        extended = JoinRows([row], independentRight);
                    }
                    var kept = leftJoin.Filter is null ? extended : extended.Where(r => ExpressionEvaluator.Filter(leftJoin.Filter, r)).ToList();
                    if (kept.Count == 0) output.Add(row);
                    else output.AddRange(kept);
                    Count(kept.Count);
                }
                return output;
            }
            default: throw new SparqlNotSupportedException(pattern.GetType().Name);
        }
    }

    private List<IReadOnlyDictionary<string, Term>> JoinRows(List<IReadOnlyDictionary<string, Term>> left, List<IReadOnlyDictionary<string, Term>> right)
    {
        var output = new List<IReadOnlyDictionary<string, Term>>();
        foreach (var a in left)
        {
            ct.ThrowIfCancellationRequested();
            foreach (var b in right)
            {
                if (Merge(a, b) is not { } merged) continue;
                output.Add(merged);
                Count(1);
            }
        }
        return output;
    }

    private static IReadOnlyDictionary<string, Term>? Merge(IReadOnlyDictionary<string, Term> a, IReadOnlyDictionary<string, Term> b)
    {
        if (b.Count == 0) return a;
        if (a.Count == 0) return b;
        var merged = new Dictionary<string, Term>(a);
        foreach (var (k, v) in b)
        {
            if (merged.TryGetValue(k, out var existing)) { if (existing != v) return null; }
            else merged[k] = v;
        }
        return merged;
    }

    private async ValueTask MatchBgpAsync(IReadOnlyList<TriplePattern> patterns, IReadOnlyDictionary<string, Term> row, List<IReadOnlyDictionary<string, Term>> output)
    {
        if (patterns.Count == 0)
        {
            output.Add(row);
            Count(1);
            return;
        }
        // Most selective first: the pattern with the most positions fixed by constants or bound variables.
        var best = 0;
        var bestScore = -1;
        for (var i = 0; i < patterns.Count; i++)
        {
            var score = Score(patterns[i], row);
            if (score > bestScore) { best = i; bestScore = score; }
        }
        var pattern = patterns[best];
        var rest = patterns.Where((_, i) => i != best).ToList();
        var s = Resolve(pattern.Subject, row);
        var p = Resolve(pattern.Predicate, row);
        var o = Resolve(pattern.Obj, row);
        if (p is not null and not Iri) return;
        if (s is Literal) return;
        foreach (var triple in await store.MatchAsync(s, (Iri?)p, o, ct: ct).ConfigureAwait(false))
        {
            ct.ThrowIfCancellationRequested();
            var extended = Bind(row, pattern, triple);
            if (extended is not null) await MatchBgpAsync(rest, extended, output).ConfigureAwait(false);
        }
    }

    private static int Score(TriplePattern t, IReadOnlyDictionary<string, Term> row)
    {
        int Fixed(PatternNode n, int weight) => n is TermNode || (n is VarNode v && row.ContainsKey(v.Name)) ? weight : 0;
        return Fixed(t.Subject, 4) + Fixed(t.Obj, 3) + Fixed(t.Predicate, 1);
    }

    private static Term? Resolve(PatternNode node, IReadOnlyDictionary<string, Term> row) => node switch
    {
        TermNode t => t.Term,
        VarNode v => row.TryGetValue(v.Name, out var value) ? value : null,
        _ => null,
    };

    private static Dictionary<string, Term>? Bind(IReadOnlyDictionary<string, Term> row, TriplePattern pattern, Triple triple)
    {
        var result = new Dictionary<string, Term>(row);
        return TryBind(result, pattern.Subject, triple.Subject) && TryBind(result, pattern.Predicate, triple.Predicate) && TryBind(result, pattern.Obj, triple.Obj)
            ? result : null;
    }

    private static bool TryBind(Dictionary<string, Term> row, PatternNode node, Term value)
    {
        if (node is not VarNode v) return true;
        if (row.TryGetValue(v.Name, out var existing)) return existing == value;
        row[v.Name] = value;
        return true;
    }

    private void Count(int n)
    {
        _produced += n;
        if (_produced > maxSolutions)
            throw new SparqlQueryLimitException($"The query produced more than {maxSolutions:N0} intermediate solutions; narrow the pattern or add more constants.");
    }
}
