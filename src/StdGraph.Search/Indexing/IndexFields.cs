namespace StdGraph.Search.Indexing;

/// <summary>The field names of the index, one place for writer and reader.</summary>
internal static class IndexFields
{
    /// <summary>Canonical code: identity for update/delete (indexed keyword, stored) and the sort tie-break (doc values).</summary>
    public const string Id = "id";
    public const string IdSort = "id_sort";
    public const string DisplayCode = "display";
    public const string Code = "code";
    public const string AdoptedCode = "code_adopts";
    public const string Status = "status";

    /// <summary>How strongly the edition's status weighs in ranking (see <see cref="StatusRank"/>).</summary>
    public const string Rank = "rank";

    public static readonly string[] Languages = ["zh", "en", "fr"];

    public static string Title(string language) => "title_" + language;
    public static string Abstract(string language) => "abstract_" + language;

    /// <summary>Filter and facet fields: request name → index field (indexed keyword + sorted-set doc values).</summary>
    public static readonly IReadOnlyDictionary<string, string> Facets = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["status"] = "f_status",
        ["type"] = "f_type",
        ["body"] = "f_body",
        ["committee"] = "f_committee",
        ["ics"] = "f_ics",
        ["field"] = "f_field",
        ["year"] = "f_year",
        ["hasAdoption"] = "f_has_adoption",
        ["degree"] = "f_degree",
    };

    /// <summary>Public facet names in the order results list them.</summary>
    public static readonly string[] FacetNames = ["status", "type", "body", "committee", "ics", "field", "year", "hasAdoption", "degree"];

    /// <summary>Spelling of a filter value as indexed, so <c>Valid</c>, <c>idt</c> and <c>iso</c> filter like <c>valid</c>, <c>IDT</c>, <c>ISO</c>.</summary>
    public static string NormaliseFilterValue(string facet, string value)
    {
        var v = value.Trim();
        return facet.ToLowerInvariant() switch
        {
            "status" or "hasadoption" => v.ToLowerInvariant(),
            "degree" or "body" => v.ToUpperInvariant(),
            _ => v,
        };
    }
}
