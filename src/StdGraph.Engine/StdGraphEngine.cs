using StdGraph.Core.Catalogue;
using StdGraph.Core.Codes;
using StdGraph.Corpus;
using StdGraph.Knowledge;
using StdGraph.Knowledge.Fields;
using StdGraph.Knowledge.Queries;
using StdGraph.Rdf;
using StdGraph.Search;
using StdGraph.Sparql.Remote;

namespace StdGraph.Engine;

/// <summary>The built data in service: the catalogue, the graph and the search index of one generation.</summary>
public sealed class StdGraphEngine : IAsyncDisposable
{
    private StdGraphEngine(EngineOptions options, string generation, Catalogue catalogue, Ontology ontology, IGraphStore graph, SearchIndex search)
    {
        Options = options;
        Generation = generation;
        Catalogue = catalogue;
        Ontology = ontology;
        Classifier = new FieldClassifier(ontology);
        Graph = graph;
        Search = search;
        Queries = new StandardGraphQueries(graph);
    }

    public EngineOptions Options { get; }

    public string Generation { get; }

    /// <summary>Every edition's record as read from the corpus (titles, dates, status, declared relations).</summary>
    public Catalogue Catalogue { get; }

    /// <summary>The vocabulary and the Action Plan field taxonomy with its classification rules.</summary>
    public Ontology Ontology { get; }

    public FieldClassifier Classifier { get; }

    /// <summary>The standards graph (embedded snapshot or SPARQL server).</summary>
    public IGraphStore Graph { get; }

    /// <summary>The questions the product asks of the graph (relations, history, adoptions, fields), batched.</summary>
    public StandardGraphQueries Queries { get; }

    public SearchIndex Search { get; }

    /// <summary>Opens the data directory, building it first when nothing has been built.</summary>
    public static async Task<StdGraphEngine> OpenAsync(EngineOptions options, IProgress<BuildProgress>? progress = null, CancellationToken ct = default)
    {
        var data = new DataDirectory(options.DataDirectory);
        if (!data.Exists) await DataBuilder.BuildAsync(options, progress, ct).ConfigureAwait(false);
        var generation = data.CurrentGeneration ?? throw new InvalidOperationException($"no data in {data.Root}");

        var catalogueTask = Task.Run(() => CatalogueReader.Read(
            [
                new CorpusFile(Path.Combine(generation, DataDirectory.EditionsFile), CorpusFileKind.Standard),
                new CorpusFile(Path.Combine(generation, DataDirectory.CommitteesFile), CorpusFileKind.Committee),
                new CorpusFile(Path.Combine(generation, DataDirectory.IcsFile), CorpusFileKind.Ics),
            ],
            ct: ct), ct);
        var graphTask = Task.Run(() => GraphBackends.Open(options, generation), ct);
        var ontology = Ontology.Load(GraphBuild.OntologyDirectory(options));
        var search = SearchIndex.Open(Path.Combine(generation, DataDirectory.IndexFolder));
        return new StdGraphEngine(options, generation, await catalogueTask.ConfigureAwait(false), ontology, await graphTask.ConfigureAwait(false), search);
    }

    /// <summary>One edition with its relations from the graph, or null when the catalogue has no such edition.</summary>
    public async Task<StandardView?> DescribeAsync(StandardCode code, CancellationToken ct = default)
    {
        if (!Catalogue.Editions.TryGetValue(code.Canonical, out var e)) return null;
        var c = code.Canonical;
        var replaces = Queries.ReplacesAsync(c, ct);
        var replacedBy = Queries.ReplacedByAsync(c, ct);
        var history = Queries.ReplacementChainAsync(c, ct: ct);
        var amendments = Queries.AmendmentsAsync(c, ct);
        var amends = Queries.AmendsAsync(c, ct);
        var adopts = Queries.AdoptsAsync(c, ct);
        var adoptedBy = Queries.AdoptedByAsync(c, ct);
        var cites = Queries.CitesAsync(c, ct);
        var citedBy = Queries.CitedByAsync(c, ct);
        var updates = Queries.UpdatesAsync(c, ct);
        var updatedBy = Queries.UpdatedByAsync(c, ct);
        var fields = Queries.FieldsAsync(c, ct);

        var relations = new Dictionary<string, IReadOnlyList<LinkView>>
        {
            ["replaces"] = Links(await replaces),
            ["replacedBy"] = Links(await replacedBy),
            ["history"] = Links((await history).Editions),
            ["amendments"] = Links(await amendments),
            ["amends"] = Links(await amends),
            ["adopts"] = (await adopts).Select(a => Link(a.International, a.Degree)).ToList(),
            ["adoptedBy"] = (await adoptedBy).Select(a => Link(a.National, a.Degree)).ToList(),
            ["cites"] = Links(await cites),
            ["citedBy"] = Links(await citedBy),
            ["updates"] = Links(await updates),
            ["updatedBy"] = Links(await updatedBy),
        };
        var fieldViews = (await fields).Select(f => new FieldView(
            f.FieldId,
            f.Labels.GetValueOrDefault("en") ?? f.FieldId,
            f.Labels.GetValueOrDefault("zh") ?? f.FieldId,
            f.RuleId,
            f.InheritedFromId is null ? f.Evidence : $"via narrower field {f.InheritedFromId} ({f.Evidence})")).ToList();
        var iri = StandardGraphQueries.NodeFor(c)?.Value;
        return View(e, relations, fieldViews, iri);
    }

    /// <summary>
    /// Whether the graph answers: always for the embedded store; for a SPARQL server, whether it answers a trivial query
    /// within <paramref name="timeout"/> (never throws for an unreachable or hanging server).
    /// </summary>
    public async Task<bool> IsGraphAvailableAsync(TimeSpan timeout, CancellationToken ct = default)
    {
        if (Graph is not SparqlGraphStore remote) return true;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            return await remote.IsAvailableAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// Counts over the data in service. They take a pass over every edition and the whole index, so an answer is
    /// reused for <see cref="StatisticsLifetime"/> (the index may follow another process's updates meanwhile).
    /// </summary>
    public async Task<EngineStatistics> StatisticsAsync(CancellationToken ct = default)
    {
        var cached = _statistics;
        if (cached is not null && Environment.TickCount64 - cached.At < StatisticsLifetime.TotalMilliseconds && !cached.Task.IsFaulted && !cached.Task.IsCanceled)
            return await cached.Task.WaitAsync(ct).ConfigureAwait(false);
        var computing = ComputeStatisticsAsync(CancellationToken.None);
        _statistics = new CachedStatistics(Environment.TickCount64, computing);
        return await computing.WaitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>How long <see cref="StatisticsAsync"/> reuses an answer.</summary>
    public static TimeSpan StatisticsLifetime { get; } = TimeSpan.FromSeconds(30);

    private CachedStatistics? _statistics;

    private sealed record CachedStatistics(long At, Task<EngineStatistics> Task);

    private async Task<EngineStatistics> ComputeStatisticsAsync(CancellationToken ct)
    {
        var editions = Catalogue.Editions.Values;
        var byBody = editions.GroupBy(e => e.ParsedCode.Body).OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count());
        var byStatus = editions.GroupBy(e => e.Status?.ToName() ?? "unknown").OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count());
        var facets = Search.Search(new SearchRequest("") { First = 1, Highlight = false, Facets = true, PreferValid = false, FacetSize = 1000 }).Facets;
        var fieldCounts = facets.TryGetValue("field", out var values) ? values.ToDictionary(v => v.Value, v => (int)v.Count) : [];
        var keyFields = Ontology.KeyFields.ToDictionary(f => f.Id, f => fieldCounts.GetValueOrDefault(f.Id));
        var deployments = Ontology.Concepts.Where(c => c.Kind == Knowledge.Sg.WorkDeployment).ToDictionary(f => f.Id, f => fieldCounts.GetValueOrDefault(f.Id));
        var triples = await Graph.CountAsync(ct).ConfigureAwait(false);
        return new EngineStatistics(Catalogue.Editions.Count, Catalogue.Committees.Count, Catalogue.Ics.Count, triples, byBody, byStatus, keyFields, deployments)
        {
            ByConcept = fieldCounts,
        };
    }

    private static IReadOnlyList<LinkView> Links(IEnumerable<StandardNode> nodes) => nodes.Select(n => Link(n)).ToList();

    private static LinkView Link(StandardNode n, AdoptionDegree? degree = null) =>
        new(n.Code, degree?.ToString(), n.Status, n.Title("en"), !n.KnownOnlyByCode);

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

    public async ValueTask DisposeAsync()
    {
        Search.Dispose();
        await Graph.DisposeAsync().ConfigureAwait(false);
    }
}
