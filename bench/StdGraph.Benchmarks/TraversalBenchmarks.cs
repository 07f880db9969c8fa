using BenchmarkDotNet.Attributes;
using StdGraph.Engine;
using StdGraph.Knowledge;
using StdGraph.Rdf;

namespace StdGraph.Benchmarks;

/// <summary>Pattern lookups and 1-/2-hop traversals on the whole snapshot graph.</summary>
public class TraversalBenchmarks
{
    private StdGraphEngine _engine = null!;
    private Iri _iso27001 = null!;
    private Iri[] _fifty = [];

    [GlobalSetup]
    public void Setup()
    {
        _engine = BenchData.OpenEngine();
        _iso27001 = Knowledge.Queries.StandardGraphQueries.NodeFor("ISO/IEC 27001:2013")!;
        _fifty = _engine.Catalogue.Editions.Keys.Where(k => k.StartsWith("ISO/IEC 27", StringComparison.Ordinal)).Take(50)
            .Select(k => Knowledge.Queries.StandardGraphQueries.NodeFor(k)!).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _engine.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "pattern (s,?,?)")]
    public int SubjectPattern() => _engine.Graph.MatchAsync(_iso27001, null, null).GetAwaiter().GetResult().Count;

    [Benchmark(Description = "1 hop: replacedBy of 50 editions (batched)")]
    public int OneHop() => _engine.Graph.NeighboursAsync(_fifty, [Sg.ReplacedBy, Sg.AdoptedBy], Direction.Outgoing).GetAwaiter().GetResult().Count;

    [Benchmark(Description = "2 hops: what cites what the 50 editions cite")]
    public int TwoHops()
    {
        var first = _engine.Graph.NeighboursAsync(_fifty, [Sg.Cites, Sg.ReplacedBy], Direction.Outgoing).GetAwaiter().GetResult();
        var next = first.Values.SelectMany(v => v).Select(p => p.Node).Distinct().ToList();
        return _engine.Graph.NeighboursAsync(next, [Sg.CitedBy, Sg.ReplacedBy], Direction.Outgoing).GetAwaiter().GetResult().Count;
    }

    [Benchmark(Description = "history chain of GB/T 22080-2008")]
    public int History() => _engine.Queries.ReplacementChainAsync("GB/T 22080-2008").GetAwaiter().GetResult().Editions.Count;
}
