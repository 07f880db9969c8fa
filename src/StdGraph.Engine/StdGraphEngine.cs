using StdGraph.Core.Catalogue;
using StdGraph.Core.Codes;
using StdGraph.Corpus;

namespace StdGraph.Engine;

/// <summary>The built data in service: the catalogue, the graph and the search index of one generation.</summary>
public sealed class StdGraphEngine : IAsyncDisposable
{
    private StdGraphEngine(EngineOptions options, string generation, Catalogue catalogue)
    {
        Options = options;
        Generation = generation;
        Catalogue = catalogue;
    }

    public EngineOptions Options { get; }

    public string Generation { get; }

    public Catalogue Catalogue { get; }

    /// <summary>Opens the data directory, building it first when nothing has been built.</summary>
    public static async Task<StdGraphEngine> OpenAsync(EngineOptions options, IProgress<BuildProgress>? progress = null, CancellationToken ct = default)
    {
        var data = new DataDirectory(options.DataDirectory);
        if (!data.Exists) await DataBuilder.BuildAsync(options, progress, ct).ConfigureAwait(false);
        var generation = data.CurrentGeneration ?? throw new InvalidOperationException($"no data in {data.Root}");
        var catalogue = CatalogueReader.Read(
            [
                new CorpusFile(Path.Combine(generation, DataDirectory.EditionsFile), CorpusFileKind.Standard),
                new CorpusFile(Path.Combine(generation, DataDirectory.CommitteesFile), CorpusFileKind.Committee),
                new CorpusFile(Path.Combine(generation, DataDirectory.IcsFile), CorpusFileKind.Ics),
            ],
            ct: ct);
        return new StdGraphEngine(options, generation, catalogue);
    }

    /// <summary>One edition with its relations, or null when the catalogue has no such edition.</summary>
    public Task<StandardView?> DescribeAsync(StandardCode code, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        if (!Catalogue.Editions.TryGetValue(code.Canonical, out var e)) return Task.FromResult<StandardView?>(null);
        var relations = new Dictionary<string, IReadOnlyList<LinkView>>();
        foreach (var group in e.Relations.GroupBy(r => r.Type))
            relations[group.Key.ToName()] = group.Select(r => Link(r.ParsedTarget, r.Degree)).ToList();
        return Task.FromResult<StandardView?>(View(e, relations, []));
    }

    public Task<EngineStatistics> StatisticsAsync(CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var editions = Catalogue.Editions.Values;
        var byBody = editions.GroupBy(e => e.ParsedCode.Body).OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count());
        var byStatus = editions.GroupBy(e => e.Status?.ToName() ?? "unknown").OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count());
        return Task.FromResult(new EngineStatistics(
            Catalogue.Editions.Count, Catalogue.Committees.Count, Catalogue.Ics.Count, 0,
            byBody, byStatus, new Dictionary<string, int>(), new Dictionary<string, int>()));
    }

    internal LinkView Link(StandardCode code, AdoptionDegree? degree = null)
    {
        var known = Catalogue.Editions.TryGetValue(code.Canonical, out var e);
        return new LinkView(e?.Code ?? code.Canonical, degree?.ToString(), e?.Status?.ToName(), e?.PreferredTitle("en"), known);
    }

    internal static StandardView View(StandardEdition e, IReadOnlyDictionary<string, IReadOnlyList<LinkView>> relations, IReadOnlyList<FieldView> fields, string? iri = null) => new()
    {
        Code = e.Code,
        Canonical = e.ParsedCode.Canonical,
        Iri = iri,
        WorkKey = e.ParsedCode.WorkKey,
        Title = e.Titles,
        Status = e.Status?.ToName(),
        Type = e.Type,
        Stage = e.Stage,
        Issued = e.Issued?.ToString(),
        Effective = e.Effective?.ToString(),
        Withdrawn = e.Withdrawn?.ToString(),
        Edition = e.Edition,
        Ics = e.Ics,
        Ccs = e.Ccs,
        Committee = e.Committee,
        Category = e.Category,
        Abstract = e.Abstracts,
        Relations = relations,
        Fields = fields,
        Sources = e.Sources,
    };

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
