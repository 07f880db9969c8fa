using StdGraph.Core.Catalogue;

namespace StdGraph.Corpus;

/// <summary>
/// Reads every catalogue file (plain or gzip JSON Lines, streamed), validates each record and merges editions.
/// A bad record never stops the run: it is reported with file, line and reason, and every good record is kept.
/// </summary>
public static class CatalogueReader
{
    private const int MaxRawChars = 64 * 1024;

    public static Task<Catalogue> ReadAsync(IEnumerable<string> corpusPaths, IProgress<IngestProgress>? progress = null, CancellationToken ct = default) =>
        Task.Run(() => Read(CorpusFile.Discover(corpusPaths), progress, ct), ct);

    public static Catalogue Read(IReadOnlyList<CorpusFile> files, IProgress<IngestProgress>? progress = null, CancellationToken ct = default)
    {
        var editions = new Dictionary<string, StandardEdition>(StringComparer.Ordinal);
        var committees = new Dictionary<string, Committee>(StringComparer.Ordinal);
        var ics = new Dictionary<string, IcsClass>(StringComparer.Ordinal);
        var rejected = new List<RejectedRecord>();
        var fileSummaries = new List<CorpusFileSummary>();
        var fileErrors = new List<string>();
        long standardsRead = 0, standardsRejected = 0, otherRejected = 0;
        var merged = 0;

        foreach (var file in files)
        {
            long read = 0, bad = 0;
            var fileBytes = new FileInfo(file.Path).Length;
            // Parsing and validation run in parallel; merging stays in file order so the merge rule holds.
            var parsed = JsonLines.Read(file.Path, fileErrors.Add)
                .Where(line => line.Text is null || !string.IsNullOrWhiteSpace(line.Text))
                .AsParallel()
                .AsOrdered()
                .WithCancellation(ct)
                .Select(line => ParseLine(file, line));
            foreach (var (line, record, reason) in parsed)
            {
                if (line.Number % 5000 == 0) progress?.Report(new IngestProgress(file.Name, line.Number, 0, fileBytes));
                if (reason is not null)
                {
                    bad++;
                    var raw = line.Text is { Length: <= MaxRawChars } t ? t : line.Preview + " …(truncated)";
                    rejected.Add(new RejectedRecord(file.Name, line.Number, reason, raw));
                    continue;
                }

                read++;
                switch (record)
                {
                    case StandardEdition edition:
                        var key = edition.ParsedCode.Canonical;
                        if (editions.TryGetValue(key, out var existing))
                        {
                            editions[key] = EditionMerger.Merge(existing, edition);
                            merged++;
                        }
                        else
                        {
                            editions[key] = edition;
                        }

                        break;
                    case Committee committee:
                        committees.TryAdd(committee.Code, committee);
                        break;
                    case IcsClass cls:
                        ics.TryAdd(cls.Code, cls);
                        break;
                }
            }

            progress?.Report(new IngestProgress(file.Name, read + bad, fileBytes, fileBytes));
            fileSummaries.Add(new CorpusFileSummary(file.Name, file.Kind, read, bad));
            if (file.Kind == CorpusFileKind.Standard)
            {
                standardsRead += read;
                standardsRejected += bad;
            }
            else
            {
                otherRejected += bad;
            }
        }

        var summary = new IngestSummary(standardsRead, standardsRejected, editions.Count, merged, committees.Count, ics.Count, otherRejected, fileSummaries, fileErrors);
        return new Catalogue(editions, committees, ics, rejected, summary);
    }

    private static (RawLine Line, object? Record, string? Reason) ParseLine(CorpusFile file, RawLine line)
    {
        try
        {
            if (line.Text is null) throw new RecordException(line.Error!);
            using var doc = RecordParsers.ParseJson(line.Text);
            var o = doc.RootElement;
            object record = file.Kind switch
            {
                CorpusFileKind.Standard => Distinct(RecordParsers.Standard(o, file.Name)),
                CorpusFileKind.Committee => RecordParsers.Committee(o),
                _ => RecordParsers.Ics(o),
            };
            return (line, record, null);
        }
        catch (RecordException ex)
        {
            return (line, null, ex.Message);
        }
    }

    private static StandardEdition Distinct(StandardEdition e) => e with { Relations = EditionMerger.Distinct(e.Relations) };
}
