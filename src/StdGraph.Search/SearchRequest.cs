namespace StdGraph.Search;

/// <summary>
/// A search: free text in any mix of Chinese, English, French and standard codes, plus keyword filters.
/// Filter names: <c>status</c>, <c>type</c>, <c>body</c>, <c>committee</c>, <c>ics</c>, <c>field</c>, <c>year</c>,
/// <c>hasAdoption</c>, <c>degree</c>. Values of one filter are alternatives (OR); different filters all apply (AND).
/// </summary>
public sealed record SearchRequest(string Text)
{
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Page size (1..1000).</summary>
    public int First { get; init; } = 10;

    /// <summary>The <see cref="SearchHit.Cursor"/> of the last hit of the previous page.</summary>
    public string? After { get; init; }

    public bool Highlight { get; init; } = true;

    public bool Facets { get; init; } = true;

    /// <summary>
    /// Read each hit's stored fields: display code, titles and status (highlights need them too). Off (and without
    /// <see cref="Highlight"/>), a hit carries its canonical code, score and cursor only, read from doc values: the
    /// cheaper answer for a caller that looks editions up elsewhere.
    /// </summary>
    public bool StoredFields { get; init; } = true;

    /// <summary>Rank valid editions above superseded, withdrawn and draft ones.</summary>
    public bool PreferValid { get; init; } = true;

    public int FacetSize { get; init; } = 10;
}

/// <summary>The answer to a <see cref="SearchRequest"/>; <see cref="Facets"/> count the whole result set, not the page.</summary>
public sealed record SearchResult(
    long Total,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets,
    string? NextCursor);

/// <summary>
/// One matching edition. <see cref="Highlights"/> maps a field (<c>title.zh</c>, <c>abstract.en</c>, …) to fragments
/// of HTML-escaped text with matches wrapped in <c>&lt;em&gt;</c>…<c>&lt;/em&gt;</c>.
/// </summary>
public sealed record SearchHit(
    string Code,
    string DisplayCode,
    float Score,
    string Cursor,
    IReadOnlyDictionary<string, string> Titles,
    string? Status,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Highlights);

public sealed record FacetValue(string Value, long Count);
