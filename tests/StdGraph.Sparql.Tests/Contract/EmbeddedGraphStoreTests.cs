using StdGraph.Rdf;

namespace StdGraph.Sparql.Tests.Contract;

/// <summary>The shared graph tests on the embedded store.</summary>
public sealed class EmbeddedGraphStoreTests : GraphStoreContract
{
    protected override Task<IGraphStore> CreateStoreAsync() => Task.FromResult<IGraphStore>(new MemoryGraphStore());
}
