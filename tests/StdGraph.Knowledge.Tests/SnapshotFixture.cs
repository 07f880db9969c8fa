using StdGraph.Corpus;
using StdGraph.Knowledge.Mapping;
using StdGraph.Rdf;
using StdGraph.Testing;

namespace StdGraph.Knowledge.Tests;

/// <summary>The whole shared snapshot read, mapped and loaded into an embedded store once for all tests that need it.</summary>
public sealed class SnapshotFixture
{
    public SnapshotFixture()
    {
        Ontology = Ontology.Load(TestPaths.Ontology);
        Catalogue = CatalogueReader.ReadAsync([SharedCorpus.Path]).GetAwaiter().GetResult();
        Mapper = new CatalogueGraphMapper(Ontology);
        Store = new MemoryGraphStore();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Store.BulkLoad(Mapper.Map(Catalogue));
        MapAndLoad = clock.Elapsed;
    }

    public Ontology Ontology { get; }
    public Catalogue Catalogue { get; }
    public CatalogueGraphMapper Mapper { get; }
    public MemoryGraphStore Store { get; }
    public TimeSpan MapAndLoad { get; }
}

[CollectionDefinition(Name)]
public sealed class SnapshotCollection : ICollectionFixture<SnapshotFixture>
{
    public const string Name = "snapshot";
}
