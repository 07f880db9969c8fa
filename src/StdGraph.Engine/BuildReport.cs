using StdGraph.Corpus;

namespace StdGraph.Engine;

/// <summary>What a build read, kept, merged, rejected and wrote, and how long each step took.</summary>
public sealed record BuildReport(
    IngestSummary Ingest,
    long Triples,
    long IndexedDocuments,
    string Generation,
    IReadOnlyDictionary<string, double> StepSeconds,
    IReadOnlyList<RejectedRecord> Rejected);

/// <summary>A step of a build, for progress display.</summary>
public sealed record BuildProgress(string Step, string Detail, double? Fraction);
