using StdGraph.Sparql.Remote;
using StdGraph.Testing;

namespace StdGraph.Sparql.Tests.Virtuoso;

/// <summary>One Virtuoso for every test in the "Virtuoso" collection; tests isolate themselves by graph IRI.</summary>
public sealed class VirtuosoFixture : IAsyncLifetime
{
    private VirtuosoServer? _server;

    public VirtuosoServer Server => _server ?? throw new InvalidOperationException("Virtuoso was not started");

    public async Task InitializeAsync() => _server = await VirtuosoServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }

    /// <summary>A store on a graph of its own, so tests never see each other's triples.</summary>
    public SparqlGraphStore NewStore(Func<SparqlGraphStoreOptions, SparqlGraphStoreOptions>? tweak = null)
    {
        var options = Server.Options("https://stdgraph.org/test/" + Guid.NewGuid().ToString("N"));
        return new SparqlGraphStore(tweak is null ? options : tweak(options));
    }
}

[CollectionDefinition("Virtuoso")]
public sealed class VirtuosoCollection : ICollectionFixture<VirtuosoFixture>;
