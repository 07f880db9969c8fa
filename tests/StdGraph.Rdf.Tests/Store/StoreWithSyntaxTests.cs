using StdGraph.Testing;

namespace StdGraph.Rdf.Tests.Store;

public sealed class StoreWithSyntaxTests
{
    [Fact]
    public void turtle_streamed_into_the_store_survives_a_snapshot_and_writes_back_isomorphic()
    {
        const string turtle = """
            @prefix sg: <https://stdgraph.org/id/> .
            @prefix sgo: <https://stdgraph.org/ontology#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            sg:GB_T_22080-2016 a sgo:Edition ;
                rdfs:label "信息技术 安全技术 信息安全管理体系 要求"@zh, "ISMS — Requirements"@en ;
                sgo:replaces sg:GB_T_22080-2008 ;
                sgo:adopts [ sgo:target sg:ISO_IEC_27001-2013 ; sgo:degree "IDT" ] ;
                sgo:cites ( sg:GB_T_29246 sg:ISO_IEC_27000 ) .
            """;
        var original = TurtleReader.Parse(turtle);
        var store = new MemoryGraphStore();
        store.BulkLoad(new TurtleReader(new StringReader(turtle)).Read());

        var folder = TestPaths.NewTempDirectory("rdf-store-syntax");
        try
        {
            var path = Path.Combine(folder, "g.snapshot");
            store.SaveSnapshot(path);
            var reloaded = MemoryGraphStore.LoadSnapshot(path).Match(null, null, null).ToList();
            GraphIsomorphism.AreIsomorphic(original, reloaded).Should().BeTrue();
            GraphIsomorphism.AreIsomorphic(original, TurtleReader.Parse(TurtleWriter.ToString(reloaded, Vocab.CommonPrefixes))).Should().BeTrue();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void a_syntax_error_half_way_through_a_streamed_file_adds_nothing()
    {
        var store = new MemoryGraphStore();
        var act = () => store.BulkLoad(new TurtleReader(new StringReader("<urn:a> <urn:p> <urn:b> .\n<urn:a> <urn:p> .\n")).Read());
        act.Should().Throw<RdfSyntaxException>().Which.Line.Should().Be(2);
        store.Count.Should().Be(0);
    }
}
