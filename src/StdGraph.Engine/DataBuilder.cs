using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using StdGraph.Corpus;
using StdGraph.Knowledge.Mapping;
using StdGraph.Rdf;
using StdGraph.Search;

namespace StdGraph.Engine;

/// <summary>Builds a data directory from the corpus: catalogue, graph and search index, published atomically.</summary>
public static class DataBuilder
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static async Task<BuildReport> BuildAsync(EngineOptions options, IProgress<BuildProgress>? progress = null, CancellationToken ct = default)
    {
        var data = new DataDirectory(options.DataDirectory);
        var steps = new Dictionary<string, double>();
        var clock = Stopwatch.StartNew();

        var corpusPaths = options.ResolveCorpusPaths();
        progress?.Report(new BuildProgress("read", string.Join(", ", corpusPaths), 0));
        var catalogue = await CatalogueReader.ReadAsync(
            corpusPaths,
            new Progress<IngestProgress>(p => progress?.Report(new BuildProgress("read", $"{p.File}: {p.Lines:N0} records", null))),
            ct).ConfigureAwait(false);
        steps["read"] = Lap(clock);

        data.RemoveAbandoned(keep: null);
        var generation = data.NewGeneration();
        progress?.Report(new BuildProgress("write", "catalogue", null));
        CatalogueWriter.WriteStandards(Path.Combine(generation, DataDirectory.EditionsFile), catalogue.Editions.Values);
        CatalogueWriter.WriteCommittees(Path.Combine(generation, DataDirectory.CommitteesFile), catalogue.Committees.Values);
        CatalogueWriter.WriteIcs(Path.Combine(generation, DataDirectory.IcsFile), catalogue.Ics.Values);
        steps["catalogue"] = Lap(clock);

        var built = await BuildDerivedAsync(options, catalogue, generation, progress, steps, clock, ct).ConfigureAwait(false);

        WriteRejected(Path.Combine(generation, DataDirectory.RejectedFile), catalogue.Rejected);
        var report = new BuildReport(catalogue.Summary, built.Triples, built.Documents, Path.GetFileName(generation), steps, catalogue.Rejected);
        DataDirectory.WriteJsonAtomically(Path.Combine(generation, DataDirectory.SummaryFile), Summary(report), Json);

        ct.ThrowIfCancellationRequested();
        data.Publish(generation);
        File.Copy(Path.Combine(generation, DataDirectory.RejectedFile), data.RejectedPath + ".tmp", overwrite: true);
        File.Move(data.RejectedPath + ".tmp", data.RejectedPath, overwrite: true);
        progress?.Report(new BuildProgress("done", Path.GetFileName(generation), 1));
        return report;
    }

    /// <summary>The machine-readable summary written beside the data and printed by <c>index --json</c>.</summary>
    public static object Summary(BuildReport r) => new
    {
        standards = new
        {
            read = r.Ingest.StandardsRead,
            editions = r.Ingest.Editions,
            rejected = r.Ingest.StandardsRejected,
            merged = r.Ingest.MergedDuplicates,
        },
        committees = r.Ingest.Committees,
        ics = r.Ingest.IcsClasses,
        rejected = r.Ingest.TotalRejected,
        graph = new { triples = r.Triples },
        index = new { documents = r.IndexedDocuments },
        files = r.Ingest.Files.Select(f => new { file = f.File, kind = f.Kind.ToString().ToLowerInvariant(), read = f.Read, rejected = f.Rejected }),
        fileErrors = r.Ingest.FileErrors,
        generation = r.Generation,
        seconds = r.StepSeconds,
    };

    private static void WriteRejected(string path, IReadOnlyList<RejectedRecord> rejected)
    {
        using var w = new StreamWriter(path);
        foreach (var r in rejected)
            w.WriteLine(JsonSerializer.Serialize(new { file = r.File, line = r.Line, reason = r.Reason, raw = r.Raw }, Json));
    }

    private static double Lap(Stopwatch clock)
    {
        var s = Math.Round(clock.Elapsed.TotalSeconds, 2);
        clock.Restart();
        return s;
    }

    /// <summary>
    /// The graph (map, then snapshot or SPARQL load) and the search index are independent, so they are built side by
    /// side: on two cores the build takes about as long as the longer of the two. Each step's time is its own; the
    /// wall time of both is <c>graph+index</c>. A failure in one cancels the other.
    /// </summary>
    private static async Task<(long Triples, long Documents)> BuildDerivedAsync(
        EngineOptions options, Catalogue catalogue, string generation, IProgress<BuildProgress>? progress,
        Dictionary<string, double> steps, Stopwatch clock, CancellationToken ct)
    {
        var mapper = GraphBuild.Mapper(options);
        steps["ontology"] = Lap(clock);

        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var graphSteps = new Dictionary<string, double>();
        var indexSteps = new Dictionary<string, double>();
        var graph = Task.Run(() => CancelOthersOnFailure(() => BuildGraphAsync(options, catalogue, mapper, generation, progress, graphSteps, failed.Token), failed));
        var index = Task.Run(() => CancelOthersOnFailure(() => BuildIndex(catalogue, mapper, generation, progress, indexSteps, failed.Token), failed));
        try
        {
            await Task.WhenAll(graph, index).ConfigureAwait(false);
        }
        catch when (graph.IsFaulted || index.IsFaulted)
        {
            // Report the failure that caused the other step's cancellation, not the cancellation.
            var cause = new[] { graph, index }.FirstOrDefault(t => t.IsFaulted && t.Exception!.InnerException is not OperationCanceledException) ?? (graph.IsFaulted ? graph : index);
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(cause.Exception!.InnerException!).Throw();
        }

        foreach (var (name, seconds) in graphSteps.Concat(indexSteps)) steps[name] = seconds;
        steps["graph+index"] = Lap(clock);
        return (await graph.ConfigureAwait(false), await index.ConfigureAwait(false));
    }

    private static async Task<T> CancelOthersOnFailure<T>(Func<Task<T>> step, CancellationTokenSource failed)
    {
        try
        {
            return await step().ConfigureAwait(false);
        }
        catch
        {
            await failed.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<long> BuildGraphAsync(
        EngineOptions options, Catalogue catalogue, CatalogueGraphMapper mapper, string generation, IProgress<BuildProgress>? progress,
        Dictionary<string, double> steps, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        progress?.Report(new BuildProgress("graph", "mapping the catalogue to RDF", null));
        var store = new MemoryGraphStore();
        store.BulkLoad(mapper.Map(catalogue, ct));
        var triples = store.Count;
        steps["graph"] = Lap(clock);
        if (options.Backend == GraphBackend.Embedded)
        {
            progress?.Report(new BuildProgress("graph", $"writing snapshot ({triples:N0} triples)", null));
            store.SaveSnapshot(Path.Combine(generation, DataDirectory.GraphFile));
            steps["graph-snapshot"] = Lap(clock);
        }
        else
        {
            progress?.Report(new BuildProgress("graph", $"loading {triples:N0} triples into {options.Sparql.Endpoint}", null));
            await GraphBackends.BulkLoadAsync(options, store, progress, ct).ConfigureAwait(false);
            steps["graph-sparql-load"] = Lap(clock);
        }

        return triples;
    }

    private static Task<long> BuildIndex(
        Catalogue catalogue, CatalogueGraphMapper mapper, string generation, IProgress<BuildProgress>? progress,
        Dictionary<string, double> steps, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        progress?.Report(new BuildProgress("index", "building the search index", 0));
        var total = catalogue.Editions.Count;
        SearchIndex.Build(
            Path.Combine(generation, DataDirectory.IndexFolder),
            GraphBuild.SearchDocuments(catalogue, mapper),
            new Progress<int>(n => progress?.Report(new BuildProgress("index", $"{n:N0} of {total:N0} documents", (double)n / total))),
            ct);
        steps["index"] = Lap(clock);
        return Task.FromResult((long)total);
    }
}
