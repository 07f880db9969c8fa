using StdGraph.Core.Catalogue;

namespace StdGraph.Corpus;

/// <summary>A record that was not loaded: the file, the line, the reason and the raw line (a prefix for huge lines).</summary>
public sealed record RejectedRecord(string File, long Line, string Reason, string Raw);

/// <summary>Counts for one file.</summary>
public sealed record CorpusFileSummary(string File, CorpusFileKind Kind, long Read, long Rejected);

/// <summary>What an ingestion read, kept, merged and rejected.</summary>
public sealed record IngestSummary(
    long StandardsRead,
    long StandardsRejected,
    int Editions,
    int MergedDuplicates,
    int Committees,
    int IcsClasses,
    long OtherRejected,
    IReadOnlyList<CorpusFileSummary> Files,
    IReadOnlyList<string> FileErrors)
{
    public long TotalRejected => StandardsRejected + OtherRejected;
}

/// <summary>Progress of an ingestion: the file being read and how far into it.</summary>
public sealed record IngestProgress(string File, long Lines, long FileBytesRead, long FileBytes);

/// <summary>The whole catalogue after reading and merging: editions by canonical code, committees, ICS classes.</summary>
public sealed class Catalogue
{
    internal Catalogue(
        IReadOnlyDictionary<string, StandardEdition> editions,
        IReadOnlyDictionary<string, Committee> committees,
        IReadOnlyDictionary<string, IcsClass> ics,
        IReadOnlyList<RejectedRecord> rejected,
        IngestSummary summary)
    {
        Editions = editions;
        Committees = committees;
        Ics = ics;
        Rejected = rejected;
        Summary = summary;
    }

    /// <summary>Every distinct edition, keyed by canonical code.</summary>
    public IReadOnlyDictionary<string, StandardEdition> Editions { get; }

    public IReadOnlyDictionary<string, Committee> Committees { get; }

    public IReadOnlyDictionary<string, IcsClass> Ics { get; }

    public IReadOnlyList<RejectedRecord> Rejected { get; }

    public IngestSummary Summary { get; }

    /// <summary>The edition for any spelling of its code, or null.</summary>
    public StandardEdition? Find(string code) =>
        Core.Codes.StandardCode.TryParse(code, out var parsed, out _) && Editions.TryGetValue(parsed.Canonical, out var e) ? e : null;
}
