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
            foreach (var line in JsonLines.Read(file.Path, fileErrors.Add))
            {
                ct.ThrowIfCancellationRequested();
                if (line.Text is not null && string.IsNullOrWhiteSpace(line.Text)) continue;
                if (line.Number % 5000 == 0) progress?.Report(new IngestProgress(file.Name, line.Number, 0, fileBytes));
                try
                {
                    if (line.Text is null) throw new RecordException(line.Error!);
                    using var doc = RecordParsers.ParseJson(line.Text);
                    var o = doc.RootElement;
                    switch (file.Kind)
                    {
                        case CorpusFileKind.Standard:
                            var edition = RecordParsers.Standard(o, file.Name);
                            edition = edition with { Relations = EditionMerger.Distinct(edition.Relations) };
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
                        case CorpusFileKind.Committee:
                            var committee = RecordParsers.Committee(o);
                            committees.TryAdd(committee.Code, committee);
                            break;
                        case CorpusFileKind.Ics:
                            var cls = RecordParsers.Ics(o);
                            ics.TryAdd(cls.Code, cls);
                            break;
                    }

                    read++;
                }
                catch (RecordException ex)
                {
                    bad++;
                    var raw = line.Text is { Length: <= MaxRawChars } t ? t : line.Preview + " …(truncated)";
                    rejected.Add(new RejectedRecord(file.Name, line.Number, ex.Message, raw));
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
}
