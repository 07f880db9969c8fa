namespace StdGraph.Server;

/// <summary>Bounds that keep any single request from taking the server down.</summary>
public sealed record ServerLimits
{
    /// <summary>Deepest field nesting a query may have.</summary>
    public int MaxDepth { get; init; } = 12;

    /// <summary>Largest complexity a query may have: each field costs 1 (relations and searches more), lists multiply their children by <c>first</c>.</summary>
    public int MaxComplexity { get; init; } = 50_000;

    /// <summary>Largest <c>first</c> of a search or relation list.</summary>
    public int MaxPageSize { get; init; } = 100;

    /// <summary>Page size when <c>first</c> is not given.</summary>
    public int DefaultPageSize { get; init; } = 10;

    /// <summary>Furthest <c>related(depth:)</c> and <c>path(maxHops:)</c> may walk.</summary>
    public int MaxHops { get; init; } = 6;

    /// <summary>Most codes <c>standards(codes:)</c> takes at once.</summary>
    public int MaxCodesPerRequest { get; init; } = 500;

    /// <summary>
    /// Most field selections a document may hold (aliases counted, each fragment spread counting its fragment's
    /// selections), checked on the parsed document before validation: a thousand aliases, or fragments that spread the
    /// next one twice, are refused at once instead of costing seconds (or hours) of validation.
    /// </summary>
    public int MaxFieldSelections { get; init; } = 1000;

    /// <summary>Most fields one selection level may select under one response name (the validator compares them pair by pair).</summary>
    public int MaxSameNameSelections { get; init; } = 20;

    /// <summary>Deepest nesting of fragment spreads (a fragment spreading a fragment spreading…).</summary>
    public int MaxFragmentNesting { get; init; } = 16;

    /// <summary>Most directives a document may hold.</summary>
    public int MaxDirectives { get; init; } = 500;

    /// <summary>
    /// Most input values a document may hold: arguments, input object fields, list items and variable definitions
    /// (several validation rules compare them pairwise). Values passed in <c>variables</c> are not counted.
    /// </summary>
    public int MaxInputValues { get; init; } = 2000;

    /// <summary>Most errors one answer reports; the rest are counted in a last <c>TOO_MANY_ERRORS</c> error.</summary>
    public int MaxErrors { get; init; } = 100;

    public TimeSpan ExecutionTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest request body (POST) or query string (GET), in bytes.</summary>
    public int MaxRequestBytes { get; init; } = 256 * 1024;

    /// <summary>
    /// How much of a GraphQL body over <see cref="MaxRequestBytes"/> is read and thrown away after the 413, so that
    /// the client, still sending, gets to read it; past this the connection is closed mid-body.
    /// </summary>
    public long MaxDiscardedBodyBytes { get; init; } = 16 * 1024 * 1024;
}
