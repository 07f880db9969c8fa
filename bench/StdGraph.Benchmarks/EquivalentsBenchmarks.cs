using BenchmarkDotNet.Attributes;
using StdGraph.Engine;
using StdGraph.Equivalents;

namespace StdGraph.Benchmarks;

/// <summary>International counterparts on the whole snapshot: declared ones by code, and candidates from a title alone.</summary>
public class EquivalentsBenchmarks
{
    private StdGraphEngine _engine = null!;
    private EquivalentsService _equivalents = null!;

    private static readonly CandidateInput EnglishTitle = new()
    {
        TitleEn = "Information technology — Security techniques — Information security management systems — Requirements",
        Issued = "2016-08-29",
    };

    private static readonly CandidateInput ChineseTitle = new() { TitleZh = "信息技术 云计算 概览与词汇", Issued = "2015" };

    [GlobalSetup]
    public void Setup()
    {
        _engine = BenchData.OpenEngine();
        _equivalents = EquivalentsService.Create(_engine);
    }

    [GlobalCleanup]
    public void Cleanup() => _engine.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "declared counterparts of GB/T 22080-2016")]
    public int Explicit() => _equivalents.ExplicitAsync("GB/T 22080-2016").GetAwaiter().GetResult().GetHashCode();

    [Benchmark(Description = "candidates from an English title")]
    public int FromEnglishTitle() => _equivalents.SuggestAsync(EnglishTitle, 5).GetAwaiter().GetResult().Candidates.Count;

    [Benchmark(Description = "candidates from a Chinese title")]
    public int FromChineseTitle() => _equivalents.SuggestAsync(ChineseTitle, 5).GetAwaiter().GetResult().Candidates.Count;
}
