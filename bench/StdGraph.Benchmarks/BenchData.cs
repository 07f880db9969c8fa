using StdGraph.Engine;

namespace StdGraph.Benchmarks;

/// <summary>The built data directory the whole-snapshot benchmarks open (STDGRAPH_BENCH_DATA, default data/).</summary>
internal static class BenchData
{
    public static string Directory => Environment.GetEnvironmentVariable("STDGRAPH_BENCH_DATA") ?? FindRepositoryData();

    public static StdGraphEngine OpenEngine() =>
        StdGraphEngine.OpenAsync(new EngineOptions { DataDirectory = Directory }).GetAwaiter().GetResult();

    private static string FindRepositoryData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "StdGraph.sln"))) return Path.Combine(dir.FullName, "data");
        return "data";
    }
}
