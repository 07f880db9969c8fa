namespace StdGraph.Engine;

/// <summary>A related edition as shown to people and scripts.</summary>
public sealed record LinkView(string Code, string? Degree = null, string? Status = null, string? Title = null, bool InCatalogue = true);

/// <summary>A field a standard belongs to, with the rule that put it there.</summary>
public sealed record FieldView(string Id, string Label, string LabelZh, string Rule, string Reason);

/// <summary>One edition with every fact the catalogue and the graph hold about it.</summary>
public sealed record StandardView
{
    public required string Code { get; init; }
    public required string Canonical { get; init; }
    public string? Iri { get; init; }
    public required string WorkKey { get; init; }
    public IReadOnlyDictionary<string, string> Title { get; init; } = new Dictionary<string, string>();
    public string? Status { get; init; }
    public string? Type { get; init; }
    public string? Stage { get; init; }
    public string? Issued { get; init; }
    public string? Effective { get; init; }
    public string? Withdrawn { get; init; }
    public string? Edition { get; init; }
    public IReadOnlyList<string> Ics { get; init; } = [];
    public IReadOnlyList<string> Ccs { get; init; } = [];
    public string? Committee { get; init; }
    public string? Category { get; init; }
    public IReadOnlyDictionary<string, string> Abstract { get; init; } = new Dictionary<string, string>();

    /// <summary>Relation name (replaces, replacedBy, adopts, adoptedBy, cites, citedBy, amends, amendments, updates, updatedBy, history) → linked editions.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<LinkView>> Relations { get; init; } = new Dictionary<string, IReadOnlyList<LinkView>>();

    public IReadOnlyList<FieldView> Fields { get; init; } = [];
    public IReadOnlyList<string> Sources { get; init; } = [];
}

/// <summary>Counts over the built data.</summary>
public sealed record EngineStatistics(
    int Editions,
    int Committees,
    int IcsClasses,
    long Triples,
    IReadOnlyDictionary<string, int> ByBody,
    IReadOnlyDictionary<string, int> ByStatus,
    IReadOnlyDictionary<string, int> ByField,
    IReadOnlyDictionary<string, int> ByWorkDeployment)
{
    /// <summary>Standards per concept of the taxonomy (key fields, work deployments, emerging areas, topics).</summary>
    public IReadOnlyDictionary<string, int> ByConcept { get; init; } = new Dictionary<string, int>();
}
