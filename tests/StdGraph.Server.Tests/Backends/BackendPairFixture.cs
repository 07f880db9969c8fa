using StdGraph.Engine;
using StdGraph.Testing;

namespace StdGraph.Server.Tests.Backends;

/// <summary>
/// One subset corpus served twice: from a data directory on the embedded store and from one whose graph is loaded into
/// a fresh Virtuoso. Both build the same catalogue and the same search index, so any difference in an answer comes from
/// the graph backend.
/// </summary>
public sealed class BackendPairFixture : IAsyncLifetime
{
    private string? _root;
    private VirtuosoServer? _virtuoso;
    private StdGraphEngine? _embeddedEngine;
    private StdGraphEngine? _sparqlEngine;

    public TestApp Embedded { get; private set; } = null!;

    public TestApp Sparql { get; private set; } = null!;

    public int SubsetRecords { get; private set; }

    /// <summary>The canonical code of every edition the subset catalogue holds.</summary>
    public IReadOnlyList<string> Editions { get; private set; } = [];

    public long EmbeddedTriples { get; private set; }

    /// <summary>Seconds the build spent loading the subset graph into Virtuoso.</summary>
    public double SparqlLoadSeconds { get; private set; }

    public async Task InitializeAsync()
    {
        _root = TestPaths.NewTempDirectory("backend-pair");
        var corpus = Directory.CreateDirectory(Path.Combine(_root, "corpus")).FullName;
        SubsetRecords = SubsetCorpus.Write(corpus);

        _virtuoso = await VirtuosoServer.StartAsync();
        var (embedded, embeddedReport) = await SubsetData.BuildAndOpenAsync(SubsetData.Embedded(corpus, Path.Combine(_root, "embedded")));
        _embeddedEngine = embedded;
        EmbeddedTriples = embeddedReport.Triples;
        Editions = embedded.Catalogue.Editions.Keys.Order(StringComparer.Ordinal).ToList();
        var (sparql, sparqlReport) = await SubsetData.BuildAndOpenAsync(SubsetData.Sparql(corpus, Path.Combine(_root, "sparql"), _virtuoso));
        _sparqlEngine = sparql;
        SparqlLoadSeconds = sparqlReport.StepSeconds["graph-sparql-load"];

        Embedded = await SubsetData.StartInMemoryAsync(embedded);
        Sparql = await SubsetData.StartInMemoryAsync(sparql);
    }

    public async Task DisposeAsync()
    {
        if (Embedded is not null) await Embedded.DisposeAsync();
        if (Sparql is not null) await Sparql.DisposeAsync();
        if (_embeddedEngine is not null) await _embeddedEngine.DisposeAsync();
        if (_sparqlEngine is not null) await _sparqlEngine.DisposeAsync();
        if (_virtuoso is not null) await _virtuoso.DisposeAsync();
        SubsetData.RemoveDirectory(_root);
    }
}

[CollectionDefinition(Name)]
public sealed class BackendPairCollection : ICollectionFixture<BackendPairFixture>
{
    public const string Name = "embedded and sparql backends";
}
