using BenchmarkDotNet.Attributes;
using StdGraph.Engine;
using StdGraph.Search;

namespace StdGraph.Benchmarks;

/// <summary>Top-10 searches with highlights and facets over the whole snapshot.</summary>
public class SearchBenchmarks
{
    private StdGraphEngine _engine = null!;

    [Params("网络安全等级保护", "信息安全管理体系 要求", "cloud computing reference architecture", "information security management systems requirements", "gbt22080", "ISO/IEC 27001:2022", "27001")]
    public string Query { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _engine = BenchData.OpenEngine();

    [GlobalCleanup]
    public void Cleanup() => _engine.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public long Search() => _engine.Search.Search(new SearchRequest(Query) { First = 10, Highlight = true, Facets = true }).Total;
}
