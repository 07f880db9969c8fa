using StdGraph.Core.Codes;

namespace StdGraph.Core.Catalogue;

/// <summary>One edition of a standard as the catalogue describes it (one record of a corpus file).</summary>
public sealed record StandardEdition
{
    /// <summary>The code as printed in the source record (kept for display).</summary>
    public required string Code { get; init; }

    /// <summary>The parsed code; its canonical form is the identity of the edition.</summary>
    public required StandardCode ParsedCode { get; init; }

    public IReadOnlyDictionary<string, string> Titles { get; init; } = EmptyText;
    public EditionStatus? Status { get; init; }
    public string? Type { get; init; }
    public string? Stage { get; init; }
    public PartialDate? Issued { get; init; }
    public PartialDate? Effective { get; init; }
    public PartialDate? Withdrawn { get; init; }
    public string? Edition { get; init; }
    public IReadOnlyList<string> Ics { get; init; } = [];
    public IReadOnlyList<string> Ccs { get; init; } = [];
    public string? Committee { get; init; }
    public string? Category { get; init; }
    public IReadOnlyDictionary<string, string> Abstracts { get; init; } = EmptyText;
    public IReadOnlyList<StandardRelation> Relations { get; init; } = [];
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>The corpus file the record came from (for provenance and error reports).</summary>
    public string? SourceFile { get; init; }

    public string? Title(string language) => Titles.TryGetValue(language, out var t) ? t : null;

    /// <summary>The best title for a reader of <paramref name="language"/>, falling back to any title.</summary>
    public string? PreferredTitle(string language) =>
        Title(language) ?? Title("en") ?? Title("zh") ?? Titles.Values.FirstOrDefault();

    public static readonly IReadOnlyDictionary<string, string> EmptyText = new Dictionary<string, string>();
}
