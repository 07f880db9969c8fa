using StdGraph.Rdf;
using StdGraph.Sparql.Tests.Virtuoso;

namespace StdGraph.Sparql.Tests.Contract;

/// <summary>The shared graph tests on a real Virtuoso, through <see cref="Remote.SparqlGraphStore"/>.</summary>
[Collection("Virtuoso")]
public sealed class VirtuosoGraphStoreTests(VirtuosoFixture virtuoso) : GraphStoreContract
{
    protected override Task<IGraphStore> CreateStoreAsync() => Task.FromResult<IGraphStore>(virtuoso.NewStore());
}
