using StdGraph.Rdf;
using StdGraph.Sparql.Results;

namespace StdGraph.Sparql.Query;

/// <summary>Guards for one query: how long it may run and how many results it may return.</summary>
public sealed record SparqlQueryEngineOptions
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Most rows (SELECT) or triples (CONSTRUCT, DESCRIBE) one answer may hold; more is an error, not a silent cut.</summary>
    public int MaxResults { get; init; } = 10_000;

    /// <summary>Most intermediate solutions evaluation may build, so a cross product cannot exhaust memory.</summary>
    public long MaxIntermediateSolutions { get; init; } = 2_000_000;

    /// <summary>Base IRI for relative IRIs in queries without BASE.</summary>
    public string? BaseIri { get; init; }
}

/// <summary>
/// The read-only SPARQL endpoint of the embedded backend: SELECT, ASK, CONSTRUCT and DESCRIBE over basic graph patterns
/// with FILTER, OPTIONAL, UNION, ORDER BY, DISTINCT and LIMIT/OFFSET, against any <see cref="IGraphStore"/>. Anything
/// else fails with <see cref="SparqlNotSupportedException"/>; updates with <see cref="SparqlReadOnlyException"/>.
/// </summary>
public sealed class SparqlQueryEngine
{
    private readonly IGraphStore _store;
    private readonly SparqlQueryEngineOptions _options;

    public SparqlQueryEngine(IGraphStore store, SparqlQueryEngineOptions? options = null)
    {
        _store = store;
        _options = options ?? new SparqlQueryEngineOptions();
    }

    /// <summary>Parses and evaluates <paramref name="queryText"/>; throws <see cref="SparqlSyntaxException"/> on bad syntax
    /// and <see cref="SparqlQueryLimitException"/> when a guard trips.</summary>
    public async Task<SparqlResult> ExecuteAsync(string queryText, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(queryText);
        var query = SparqlParser.Parse(queryText, _options.BaseIri);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            return await EvaluateAsync(query, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new SparqlQueryLimitException($"The query ran longer than {_options.Timeout.TotalSeconds:0.#} s and was stopped.");
        }
    }

    /// <summary>Synchronous form for callers that already run on a worker thread.</summary>
    public SparqlResult Execute(string queryText, CancellationToken ct = default) =>
        ExecuteAsync(queryText, ct).ConfigureAwait(false).GetAwaiter().GetResult();

    private async Task<SparqlResult> EvaluateAsync(ParsedQuery query, CancellationToken ct)
    {
        var evaluator = new PatternEvaluator(_store, _options.MaxIntermediateSolutions, ct);
        var rows = await evaluator.EvaluateAsync(query.Where).ConfigureAwait(false);
        IEnumerable<IReadOnlyDictionary<string, Term>> solutions = rows;

        if (query.Form == QueryForm.Ask) return SparqlResult.ForBoolean(rows.Count > 0);

        if (query.OrderBy.Count > 0)
        {
            var keyed = rows.Select(r => (Row: r, Keys: query.OrderBy.Select(o => ExpressionEvaluator.Evaluate(o.Expr, r)).ToArray())).ToList();
            var comparer = Comparer<Term?[]>.Create((a, b) =>
            {
                for (var i = 0; i < a.Length; i++)
                {
                    var c = ExpressionEvaluator.OrderCompare(a[i], b[i]);
                    if (c != 0) return query.OrderBy[i].Descending ? -c : c;
                }
                return 0;
            });
            solutions = keyed.OrderBy(k => k.Keys, comparer).Select(k => k.Row).ToList(); // OrderBy is stable
        }

        var variables = query.Projection ?? query.PatternVariables.Where(v => !v.StartsWith("_:", StringComparison.Ordinal)).ToList();
        if (query.Form == QueryForm.Select)
        {
            IEnumerable<IReadOnlyDictionary<string, Term>> projected = solutions.Select(r => Project(r, variables));
            if (query.Distinct) projected = projected.Distinct(RowComparer.Instance);
            var page = Page(projected, query).Take(_options.MaxResults + 1).ToList();
            if (page.Count > _options.MaxResults)
                throw new SparqlQueryLimitException($"The query returns more than {_options.MaxResults:N0} rows; add LIMIT {_options.MaxResults} or less (and OFFSET to page).");
            return SparqlResult.ForBindings(variables, page);
        }

        var triples = query.Form == QueryForm.Construct
            ? await ConstructAsync(query, Page(solutions, query), ct).ConfigureAwait(false)
            : await DescribeAsync(query, Page(solutions, query), ct).ConfigureAwait(false);
        return SparqlResult.ForGraph(triples);
    }

    private static IEnumerable<T> Page<T>(IEnumerable<T> items, ParsedQuery query)
    {
        if (query.Offset is { } offset) items = items.Skip((int)Math.Min(offset, int.MaxValue));
        if (query.Limit is { } limit) items = items.Take((int)Math.Min(limit, int.MaxValue));
        return items;
    }

    private static IReadOnlyDictionary<string, Term> Project(IReadOnlyDictionary<string, Term> row, IReadOnlyList<string> variables)
    {
        var result = new Dictionary<string, Term>(variables.Count);
        foreach (var v in variables)
            if (row.TryGetValue(v, out var t)) result[v] = t;
        return result;
    }

    private Task<List<Triple>> ConstructAsync(ParsedQuery query, IEnumerable<IReadOnlyDictionary<string, Term>> solutions, CancellationToken ct)
    {
        var output = new HashSet<Triple>();
        var ordered = new List<Triple>();
        var solutionIndex = 0;
        foreach (var row in solutions)
        {
            ct.ThrowIfCancellationRequested();
            var blanks = new Dictionary<string, BlankNode>();
            foreach (var t in query.Template)
            {
                Term? Instantiate(PatternNode n) => n switch
                {
                    TermNode tn => tn.Term,
                    VarNode { IsBlank: true } v => blanks.TryGetValue(v.Name, out var b) ? b : blanks[v.Name] = new BlankNode($"c{solutionIndex}_{blanks.Count}"),
                    VarNode v => row.TryGetValue(v.Name, out var value) ? value : null,
                    _ => null,
                };
                var s = Instantiate(t.Subject);
                var p = Instantiate(t.Predicate);
                var o = Instantiate(t.Obj);
                if (s is null or Literal || p is not Iri predicate || o is null) continue;
                var triple = new Triple(s, predicate, o);
                if (output.Add(triple)) ordered.Add(triple);
                if (ordered.Count > _options.MaxResults)
                    throw new SparqlQueryLimitException($"The query constructs more than {_options.MaxResults:N0} triples; add LIMIT to the solutions.");
            }
            solutionIndex++;
        }
        return Task.FromResult(ordered);
    }

    /// <summary>DESCRIBE gives each resource's concise bounded description: its triples, following blank-node objects.</summary>
    private async Task<List<Triple>> DescribeAsync(ParsedQuery query, IEnumerable<IReadOnlyDictionary<string, Term>> solutions, CancellationToken ct)
    {
        var resources = new List<Term>();
        var rows = solutions.ToList();
        foreach (var target in query.DescribeTargets)
        {
            if (target is TermNode t) resources.Add(t.Term);
            else if (target is VarNode v) resources.AddRange(rows.Select(r => r.TryGetValue(v.Name, out var value) ? value : null).OfType<Term>());
        }
        var output = new List<Triple>();
        var seen = new HashSet<Term>();
        var queue = new Queue<Term>(resources.Where(r => r is not Literal));
        while (queue.Count > 0)
        {
            var resource = queue.Dequeue();
            if (!seen.Add(resource)) continue;
            foreach (var triple in await _store.MatchAsync(resource, null, null, ct: ct).ConfigureAwait(false))
            {
                output.Add(triple);
                if (output.Count > _options.MaxResults)
                    throw new SparqlQueryLimitException($"The description holds more than {_options.MaxResults:N0} triples; describe fewer resources.");
                if (triple.Obj is BlankNode b) queue.Enqueue(b);
            }
        }
        return output;
    }

    private sealed class RowComparer : IEqualityComparer<IReadOnlyDictionary<string, Term>>
    {
        public static readonly RowComparer Instance = new();

        public bool Equals(IReadOnlyDictionary<string, Term>? x, IReadOnlyDictionary<string, Term>? y) =>
            x!.Count == y!.Count && x.All(kv => y.TryGetValue(kv.Key, out var v) && v == kv.Value);

        public int GetHashCode(IReadOnlyDictionary<string, Term> row)
        {
            var hash = 0;
            foreach (var (k, v) in row) hash ^= HashCode.Combine(k, v);
            return hash;
        }
    }
}
