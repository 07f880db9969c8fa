using System.Diagnostics;
using System.Globalization;
using StdGraph.Core.Catalogue;
using StdGraph.Core.Codes;
using StdGraph.Search.Analysis;
using StdGraph.Testing;

namespace StdGraph.Search.Tests;

/// <summary>
/// A console beside the tests: <c>dotnet StdGraph.Search.Tests.dll build-synthetic DIR COUNT</c> (the child process of the
/// kill test), <c>bench [CORPUS]</c> (whole-snapshot build time, size and search latency) and <c>eval [QRELS]</c>
/// (SmartCn against CJK bigrams on the development qrels).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "build-synthetic":
                BuildSynthetic(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
                return 0;
            case "bench":
                await Bench(args.Length > 1 ? args[1] : SnapshotDocuments.Corpus);
                return 0;
            case "eval":
                await Eval(args.Length > 1 ? args[1] : Path.Combine(TestPaths.RepositoryRoot, "tests", "StdGraph.Search.Tests", "qrels", "dev.tsv"));
                return 0;
            default:
                Console.Error.WriteLine("usage: build-synthetic DIR COUNT | bench [CORPUS] | eval [QRELS]");
                return 2;
        }
    }

    /// <summary>Editions with made-up codes and titles, as many as asked, cheap to make and never the same twice.</summary>
    internal static IEnumerable<SearchDocument> Synthetic(int count, string prefix = "GB/T", int firstNumber = 80000)
    {
        string[] words = ["信息", "安全", "技术", "云计算", "数据", "管理", "要求", "指南"];
        for (var i = 0; i < count; i++)
        {
            var code = StandardCode.Parse($"{prefix} {firstNumber + i}-2020");
            yield return new SearchDocument(new StandardEdition
            {
                Code = code.Canonical,
                ParsedCode = code,
                Status = EditionStatus.Valid,
                Titles = new Dictionary<string, string>
                {
                    ["zh"] = $"{words[i % 8]}{words[(i / 8) % 8]} 第{i}部分",
                    ["en"] = $"Synthetic standard number {i} for testing interrupted builds",
                },
                Ics = ["35.030"],
            });
        }
    }

    private static void BuildSynthetic(string indexDirectory, int count)
    {
        var progress = new Progress(n => { Console.Out.WriteLine("indexed " + n.ToString(CultureInfo.InvariantCulture)); Console.Out.Flush(); });
        SearchIndex.Build(indexDirectory, Synthetic(count), progress);
        Console.Out.WriteLine("done");
    }

    /// <summary>Synchronous progress (System.Progress posts to the thread pool and would reorder lines).</summary>
    private sealed class Progress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    private static async Task Bench(string corpus)
    {
        var load = Stopwatch.StartNew();
        var docs = await SnapshotDocuments.LoadAsync(corpus);
        Console.WriteLine($"read {docs.Count:N0} editions in {load.Elapsed.TotalSeconds:F1} s");
        var dir = TestPaths.NewTempDirectory("search-bench");
        try
        {
            for (var run = 0; run < 2; run++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var build = Stopwatch.StartNew();
                SearchIndex.Build(dir, docs);
                build.Stop();
                var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                // CPU time as well as wall time: on a shared machine the wall clock measures the neighbours too.
                Console.WriteLine($"build {run + 1}: {build.Elapsed.TotalSeconds:F1} s wall, {docs.Count / build.Elapsed.TotalSeconds:N0} docs/s; {cpuSeconds:F1} s CPU, {docs.Count / cpuSeconds:N0} docs per CPU-second; load average {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(" ")[0] : "n/a")}");
            }

            var size = new DirectoryInfo(dir).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
            Console.WriteLine($"index size (serving generation + previous): {size / 1048576.0:F1} MiB");

            using var index = SearchIndex.Open(dir);
            var queries = RelevanceEvaluation.ReadQrels(Path.Combine(TestPaths.RepositoryRoot, "tests", "StdGraph.Search.Tests", "qrels", "dev.tsv"))
                .Select(j => j.Query).Distinct().ToList();
            foreach (var q in queries) index.Search(new SearchRequest(q)); // warm-up
            var timings = new List<double>();
            for (var round = 0; round < 10; round++)
                foreach (var q in queries)
                {
                    var sw = Stopwatch.StartNew();
                    index.Search(new SearchRequest(q) { First = 10, Highlight = true, Facets = true });
                    timings.Add(sw.Elapsed.TotalMilliseconds);
                }

            timings.Sort();
            Console.WriteLine($"search (top 10, highlights, facets), {timings.Count} runs of {queries.Count} queries: p50 {Percentile(timings, 0.50):F2} ms, p99 {Percentile(timings, 0.99):F2} ms, max {timings[^1]:F2} ms");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static async Task Eval(string qrels)
    {
        var docs = await SnapshotDocuments.LoadAsync();
        var judgements = RelevanceEvaluation.ReadQrels(qrels);
        foreach (var chinese in new[] { ChineseAnalysis.SmartCn, ChineseAnalysis.Bigram })
        {
            var dir = TestPaths.NewTempDirectory("search-eval");
            try
            {
                SearchIndex.Build(dir, docs, chinese, null, CancellationToken.None);
                using var index = SearchIndex.Open(dir);
                var report = RelevanceEvaluation.Evaluate(index, judgements);
                Console.WriteLine($"{chinese}: nDCG@10 {report.MeanNdcg:F3}  MRR {report.MeanReciprocalRank:F3}  recall@10 {report.MeanRecall:F3}  ({report.Queries.Count} queries)");
                var han = report.Queries.Where(q => q.Query.Any(QueryCodesProbe.IsHan)).ToList();
                Console.WriteLine($"  queries with Chinese ({han.Count}): nDCG@10 {han.Average(q => q.Ndcg):F3}  MRR {han.Average(q => q.ReciprocalRank):F3}  recall@10 {han.Average(q => q.Recall):F3}");
                foreach (var q in report.Queries.Where(q => q.Ndcg < 0.7))
                    Console.WriteLine($"  weak: {q.Query}  nDCG {q.Ndcg:F2}  top: {string.Join(" | ", q.Retrieved.Take(4))}");
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    private static class QueryCodesProbe
    {
        public static bool IsHan(char c) => c is >= '\u3400' and <= '\u9FFF';
    }
}
