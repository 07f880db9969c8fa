using System.Diagnostics;
using System.Globalization;
using StdGraph.Core.Catalogue;
using StdGraph.Testing;

namespace StdGraph.Search.Tests.Index;

public sealed class BuildAndUpdateTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDirectory("search-build");

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }

    private static long CountAll(SearchIndex index) => index.Search(new SearchRequest("") { First = 1, Facets = false }).Total;

    [Fact]
    public void opening_a_folder_without_a_completed_build_says_so()
    {
        var act = () => SearchIndex.Open(_dir);
        act.Should().Throw<DirectoryNotFoundException>().WithMessage("*build one first*");
    }

    [Fact]
    public void a_rebuild_replaces_the_index_and_removes_old_generations()
    {
        SearchIndex.Build(_dir, Program.Synthetic(10));
        SearchIndex.Build(_dir, Program.Synthetic(20));
        SearchIndex.Build(_dir, Program.Synthetic(30));
        using var index = SearchIndex.Open(_dir);
        CountAll(index).Should().Be(30);
        Directory.GetDirectories(_dir, "gen-*").Should().HaveCount(2, "the serving generation and the one it replaced are kept");
    }

    [Fact]
    public void a_cancelled_build_leaves_the_previous_index_serving_and_no_leftovers()
    {
        SearchIndex.Build(_dir, Program.Synthetic(10));
        using var cts = new CancellationTokenSource();
        var act = () => SearchIndex.Build(_dir, Program.Synthetic(5000).Select((d, i) => { if (i == 2000) cts.Cancel(); return d; }), null, cts.Token);
        act.Should().Throw<OperationCanceledException>();
        using var index = SearchIndex.Open(_dir);
        CountAll(index).Should().Be(10);
        Directory.GetDirectories(_dir, "gen-*").Should().HaveCount(1);
    }

    [Fact]
    public void a_running_index_follows_a_rebuild_by_another_writer()
    {
        SearchIndex.Build(_dir, Program.Synthetic(10));
        using var index = SearchIndex.Open(_dir);
        SearchIndex.Build(_dir, Program.Synthetic(40));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (CountAll(index) != 40 && DateTime.UtcNow < deadline) Thread.Sleep(200);
        CountAll(index).Should().Be(40);
    }

    [Fact]
    public void upserts_and_deletes_by_code_are_visible_to_the_next_search()
    {
        SearchIndex.Build(_dir, Program.Synthetic(10));
        using var index = SearchIndex.Open(_dir);
        index.Search(new SearchRequest("量子通信")).Total.Should().Be(0);

        var quantum = SmallCatalogue.Edition("GB/T 99001-2024", EditionStatus.Valid, "量子通信 术语");
        index.Upsert([new SearchDocument(quantum)]);
        index.Search(new SearchRequest("量子通信")).Hits.Select(h => h.Code).Should().Equal("GB/T 99001-2024");

        index.Upsert([new SearchDocument(quantum with { Titles = new Dictionary<string, string> { ["zh"] = "量子通信 术语 第2版" } })]);
        var hits = index.Search(new SearchRequest("量子通信")).Hits;
        hits.Should().ContainSingle().Which.Titles["zh"].Should().Be("量子通信 术语 第2版");

        index.Delete(["gbt99001-2024"]);
        index.Search(new SearchRequest("量子通信")).Total.Should().Be(0);
        CountAll(index).Should().Be(10);

        using var reopened = SearchIndex.Open(_dir);
        CountAll(reopened).Should().Be(10, "updates are committed, not only visible in memory");
    }

    [Fact]
    public async Task searches_run_concurrently_with_updates()
    {
        SearchIndex.Build(_dir, Program.Synthetic(200));
        using var index = SearchIndex.Open(_dir);
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 50; i++) index.Search(new SearchRequest("信息 安全") { First = 5 });
        })).ToArray();
        for (var i = 0; i < 5; i++) index.Upsert(Program.Synthetic(20, "GB/Z", 90000 + i * 20));
        await Task.WhenAll(readers);
        CountAll(index).Should().Be(300);
    }

    [Fact]
    public void killing_a_build_process_halfway_leaves_the_previous_index_searchable()
    {
        SearchIndex.Build(_dir, Program.Synthetic(50, "GB/T", 10000));

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "exec", typeof(Program).Assembly.Location, "build-synthetic", _dir, "5000000" }) start.ArgumentList.Add(arg);
        using var child = Process.Start(start)!;
        child.ErrorDataReceived += (_, _) => { };
        child.BeginErrorReadLine();
        try
        {
            var indexed = 0;
            var watch = Stopwatch.StartNew();
            while (indexed < 30000 && watch.Elapsed < TimeSpan.FromMinutes(2))
            {
                var line = child.StandardOutput.ReadLine();
                line.Should().NotBeNull("the child process must still be building").And.NotBe("done");
                if (line!.StartsWith("indexed ", StringComparison.Ordinal)) indexed = int.Parse(line[8..], CultureInfo.InvariantCulture);
            }

            indexed.Should().BeGreaterThanOrEqualTo(30000, "the child should get well into its build before the kill");
            Directory.GetDirectories(_dir, "gen-*").Should().HaveCount(2, "the child writes a new generation beside the serving one");
        }
        finally
        {
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }

        using (var index = SearchIndex.Open(_dir))
        {
            CountAll(index).Should().Be(50);
            index.FindCodes("GB/T 10007-2020").Should().StartWith("GB/T 10007-2020");
            index.Search(new SearchRequest("interrupted builds") { First = 3 }).Total.Should().Be(50);
        }

        // The next build succeeds and clears the killed build's partial generation.
        SearchIndex.Build(_dir, Program.Synthetic(5, "GB/T", 20000));
        Directory.GetDirectories(_dir, "gen-*").Should().HaveCount(2);
        using var rebuilt = SearchIndex.Open(_dir);
        CountAll(rebuilt).Should().Be(5);
    }
}
