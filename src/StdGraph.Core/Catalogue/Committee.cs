namespace StdGraph.Core.Catalogue;

/// <summary>A technical committee (ISO/IEC JTC 1/SC 27, SAC/TC 260, …).</summary>
public sealed record Committee
{
    public required string Code { get; init; }
    public IReadOnlyDictionary<string, string> Titles { get; init; } = StandardEdition.EmptyText;
    public string? Status { get; init; }
    public string? Secretariat { get; init; }
    public PartialDate? Created { get; init; }
    public IReadOnlyDictionary<string, string> Scope { get; init; } = StandardEdition.EmptyText;
    public IReadOnlyList<string> Participants { get; init; } = [];
    public IReadOnlyList<string> Observers { get; init; } = [];
}

/// <summary>A class of the International Classification for Standards (edition 7).</summary>
public sealed record IcsClass
{
    public required string Code { get; init; }
    public string? Parent { get; init; }
    public IReadOnlyDictionary<string, string> Titles { get; init; } = StandardEdition.EmptyText;
    public IReadOnlyDictionary<string, string> Notes { get; init; } = StandardEdition.EmptyText;

    /// <summary>Every level of an ICS code, broadest first: <c>35.030</c> → <c>35</c>, <c>35.030</c>.</summary>
    public static IReadOnlyList<string> Levels(string code)
    {
        var parts = code.Split('.');
        var levels = new List<string>(parts.Length);
        for (var i = 1; i <= parts.Length; i++) levels.Add(string.Join('.', parts.Take(i)));
        return levels;
    }
}
