using StdGraph.Core.Catalogue;

namespace StdGraph.Server.Resolving;

/// <summary>Restrictions of a search; every set member narrows the hits (values within one member are alternatives).</summary>
public sealed record SearchFilter
{
    public IReadOnlyList<EditionStatus>? Status { get; init; }
    public IReadOnlyList<string>? Type { get; init; }
    public IReadOnlyList<string>? Body { get; init; }
    public string? Committee { get; init; }

    /// <summary>An ICS class; its subclasses match too.</summary>
    public string? Ics { get; init; }

    /// <summary>A field of the taxonomy (key field, work deployment or emerging area).</summary>
    public string? Field { get; init; }

    /// <summary>Year of issue.</summary>
    public int? Year { get; init; }

    public bool? HasAdoption { get; init; }
    public AdoptionDegree? Degree { get; init; }
}

/// <summary>A search as the API asks it; <paramref name="Highlights"/> and <paramref name="Facets"/> say whether the caller reads them.</summary>
public sealed record SearchQuery(string Text, SearchFilter Filter, int First, string? After, bool Highlights = true, bool Facets = true);

public sealed record SearchHit(StandardNode Node, double Score, string Cursor, IReadOnlyList<string> Highlights);

public sealed record FacetValue(string Value, int Count);

public sealed record Facet(string Name, IReadOnlyList<FacetValue> Values);

public sealed record SearchPage(int TotalCount, IReadOnlyList<SearchHit> Hits, IReadOnlyList<Facet> Facets, string? EndCursor, bool HasNextPage);

/// <summary>Full-text search with filters, facets, highlights and cursor pagination.</summary>
public interface ISearchService
{
    Task<SearchPage> SearchAsync(SearchQuery query, CancellationToken ct);
}

/// <summary>A malformed search request (bad cursor, unknown filter value); reported to the client as BAD_USER_INPUT.</summary>
public sealed class SearchRequestException(string message) : Exception(message);
