using StdGraph.Testing;
using Xunit.Abstractions;

namespace StdGraph.Cli.Tests.Reliability;

/// <summary>
/// <c>index</c> killed with SIGKILL at seed-chosen points of its run never takes the data directory out of service:
/// the generation named by <c>CURRENT</c> keeps answering <c>show</c> and <c>search</c>, and the next run completes.
/// </summary>
public sealed class KillDuringIndexTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan QueryDeadline = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan IndexDeadline = TimeSpan.FromMinutes(10);

    // The progress steps `index --json` prints to stderr, in order of appearance.
    private static readonly string[] Steps = ["read", "write", "graph", "index"];

    private readonly string _corpus = TestPaths.NewTempDirectory("kill-corpus");
    private readonly string _data = TestPaths.NewTempDirectory("kill-data");

    [Fact]
    public async Task index_killed_at_seeded_points_leaves_the_previous_generation_serving_and_the_next_run_completes()
    {
        File.Copy(Path.Combine(TestPaths.SharedCorpus, "gb.standards.jsonl"), Path.Combine(_corpus, "gb.standards.jsonl"));
        var first = await WatchedProcess.RunAsync(IndexDeadline, TestPaths.RepositoryRoot, "index", "--corpus", _corpus, "--data", _data, "--json");
        first.ExitCode.Should().Be(0, first.Stderr);
        var firstGeneration = CurrentGeneration();
        await ShouldServe("after the first build");

        // One kill inside each step, at a seed-derived delay after the step began: reaching the late steps costs a
        // run up to them, so more kills per step would buy little coverage for minutes of CI time.
        foreach (var (seed, step) in new[] { 1, 2, 3, 5 }.Zip(Steps))
        {
            var random = new Random(seed);
            var delay = TimeSpan.FromMilliseconds(random.Next(0, 3_000));
            var context = $"seed {seed}: killed {delay.TotalMilliseconds:N0} ms after step '{step}' began";

            bool finishedFirst;
            using (var run = WatchedProcess.Start(TestPaths.RepositoryRoot, "index", "--corpus", TestPaths.SharedCorpus, "--data", _data, "--json"))
            {
                var waited = TimeSpan.Zero;
                while (!run.HasReported(step) && !run.HasExited && waited < IndexDeadline)
                {
                    await Task.Delay(50);
                    waited += TimeSpan.FromMilliseconds(50);
                }

                await Task.Delay(delay);
                finishedFirst = run.HasExited;
                run.KillTree();
                (await run.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().BeTrue($"{context}: a SIGKILLed process exits");
                if (finishedFirst)
                {
                    run.Result.ExitCode.Should().Be(0, $"{context}: the run finished before the kill, so it must have succeeded\n{run.Stderr}");
                }
            }

            var current = CurrentGeneration();
            output.WriteLine($"{context}: {(finishedFirst ? "had already finished" : "killed")}; CURRENT = {current} ({(current == firstGeneration ? "previous" : "new")}); generation folders: {Directory.GetDirectories(_data, "gen-*").Length}");
            (current == firstGeneration || File.Exists(Path.Combine(_data, current, "summary.json")))
                .Should().BeTrue($"{context}: CURRENT must name the previous generation or a complete new one, not '{current}'");
            await ShouldServe(context);
        }

        var final = await WatchedProcess.RunAsync(IndexDeadline, TestPaths.RepositoryRoot, "index", "--corpus", TestPaths.SharedCorpus, "--data", _data, "--json");
        final.ExitCode.Should().Be(0, final.Stderr);
        final.Json.GetProperty("standards").GetProperty("read").GetInt64().Should().Be(105_973);
        final.Json.GetProperty("standards").GetProperty("rejected").GetInt64().Should().Be(0);
        await ShouldServe("after the final full build");
        var show = await WatchedProcess.RunAsync(QueryDeadline, TestPaths.RepositoryRoot, "show", "ISO/IEC 27001:2022", "--data", _data, "--json");
        show.ExitCode.Should().Be(0, "the final build holds the whole snapshot, ISO included\n" + show.Stderr);
        Directory.GetDirectories(_data, "gen-*").Select(Path.GetFileName).Should().Equal([CurrentGeneration()], "abandoned generations are removed by the next successful build");
    }

    private string CurrentGeneration()
    {
        var name = File.ReadAllText(Path.Combine(_data, "CURRENT")).Trim();
        Directory.Exists(Path.Combine(_data, name)).Should().BeTrue($"CURRENT names '{name}', which must exist");
        return name;
    }

    private async Task ShouldServe(string context)
    {
        var show = await WatchedProcess.RunAsync(QueryDeadline, TestPaths.RepositoryRoot, "show", "GB/T 22080-2016", "--data", _data, "--json");
        show.ExitCode.Should().Be(0, $"{context}: show must succeed\n{show.Stderr}");
        show.Json.GetProperty("canonical").GetString().Should().Be("GB/T 22080-2016", context);

        var search = await WatchedProcess.RunAsync(QueryDeadline, TestPaths.RepositoryRoot, "search", "信息安全管理体系", "--data", _data, "--json");
        search.ExitCode.Should().Be(0, $"{context}: search must succeed\n{search.Stderr}");
        search.Json.GetProperty("total").GetInt64().Should().BePositive(context);
    }

    public void Dispose()
    {
        Directory.Delete(_corpus, recursive: true);
        Directory.Delete(_data, recursive: true);
    }
}
