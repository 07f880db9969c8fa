using System.Globalization;
using StdGraph.Core.Catalogue;
using StdGraph.Core.Codes;
using StdGraph.Search;

namespace StdGraph.Server.Resolving;

/// <summary>Search through the Lucene index (Chinese, English and code analyzers; facets; highlights; cursors).</summary>
internal sealed class IndexSearch(SearchIndex index, StandardDirectory directory) : ISearchService
{
    /// <summary>Bodies as codes print them, mapped to the body the index records.</summary>
    private static readonly Dictionary<string, string> BodyAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GB"] = "SAC", ["GB/T"] = "SAC", ["GB/Z"] = "SAC", ["RFC"] = "IETF",
    };

    public Task<SearchPage> SearchAsync(SearchQuery query, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var request = new SearchRequest(query.Text)
        {
            Filters = Filters(query.Filter),
            First = Math.Max(query.First, 1),
            After = query.After,
            Highlight = query.Highlights,
            Facets = query.Facets,
            // Nodes come from the standard directory: stored fields are read only to highlight them.
            StoredFields = query.Highlights,
        };

        SearchResult result;
        try
        {
            result = index.Search(request);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new SearchRequestException(query.After is null ? e.Message : $"'{query.After}' is not a cursor this server issued");
        }

        var hits = result.Hits.Take(query.First).Select(h => new SearchHit(
            directory.Find(h.Code) ?? directory.Node(StandardCode.Parse(h.Code)),
            h.Score,
            h.Cursor,
            h.Highlights.OrderBy(x => x.Key, StringComparer.Ordinal).SelectMany(x => x.Value).ToList())).ToList();
        var facets = result.Facets.Select(f => new Facet(f.Key, f.Value.Select(v => new FacetValue(v.Value, (int)v.Count)).ToList())).ToList();
        var end = hits.Count > 0 ? hits[^1].Cursor : query.After;
        return Task.FromResult(new SearchPage((int)result.Total, hits, facets, end, result.NextCursor is not null && hits.Count > 0));
    }

    private static Dictionary<string, IReadOnlyList<string>> Filters(SearchFilter f)
    {
        var filters = new Dictionary<string, IReadOnlyList<string>>();
        if (f.Status is { Count: > 0 } status) filters["status"] = status.Select(s => s.ToName()).ToList();
        if (f.Type is { Count: > 0 } type) filters["type"] = type.ToList();
        if (f.Body is { Count: > 0 } body) filters["body"] = body.Select(b => BodyAliases.GetValueOrDefault(b, b)).Distinct().ToList();
        if (f.Committee is { } committee) filters["committee"] = [committee];
        if (f.Ics is { } ics) filters["ics"] = [ics];
        if (f.Field is { } field) filters["field"] = [field];
        if (f.Year is { } year) filters["year"] = [year.ToString(CultureInfo.InvariantCulture)];
        if (f.HasAdoption is { } has) filters["hasAdoption"] = [has ? "true" : "false"];
        if (f.Degree is { } degree) filters["degree"] = [degree.ToString()];
        return filters;
    }
}
