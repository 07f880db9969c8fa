using System.Text.Json;
using StdGraph.Testing;

namespace StdGraph.Cli.Tests;

[Collection(SnapshotDataCollection.Name)]
public class IndexCommandTests(SnapshotDataFixture snapshot)
{
    [Fact]
    public void indexing_the_whole_snapshot_reads_every_standard_record_and_rejects_none()
    {
        snapshot.Index.ExitCode.Should().Be(0, snapshot.Index.Stderr);
        var json = snapshot.Index.Json;
        json.GetProperty("standards").GetProperty("read").GetInt64().Should().Be(105_973);
        json.GetProperty("standards").GetProperty("rejected").GetInt64().Should().Be(0);
        json.GetProperty("standards").GetProperty("editions").GetInt64().Should().BeInRange(90_000, 105_972);
        json.GetProperty("committees").GetInt32().Should().Be(785);
        json.GetProperty("ics").GetInt32().Should().Be(1_381);
    }

    [Fact]
    public async Task a_corpus_with_broken_lines_reports_each_with_its_line_and_loads_every_good_line()
    {
        var data = TestPaths.NewTempDirectory("cli-broken");
        var result = await StdGraphProcess.RunAsync(TestPaths.RepositoryRoot, "index", "--corpus", Path.Combine(TestPaths.Fixtures, "broken"), "--data", data, "--json");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Json.GetProperty("standards").GetProperty("read").GetInt64().Should().Be(4);
        result.Json.GetProperty("standards").GetProperty("rejected").GetInt64().Should().Be(9);
        var rejected = File.ReadAllLines(Path.Combine(data, "rejected.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        rejected.Select(r => r.GetProperty("line").GetInt64()).Should().Equal(2, 3, 4, 5, 6, 7, 8, 9, 10);
        rejected.Should().OnlyContain(r => r.GetProperty("file").GetString() == "broken.standards.jsonl"
                                           && r.GetProperty("reason").GetString()!.Length > 0
                                           && r.GetProperty("raw").GetString()!.Length > 0);
        Directory.Delete(data, true);
    }

    [Fact]
    public async Task strict_mode_exits_1_when_records_were_rejected()
    {
        var data = TestPaths.NewTempDirectory("cli-strict");
        var result = await StdGraphProcess.RunAsync(TestPaths.RepositoryRoot, "index", "--corpus", Path.Combine(TestPaths.Fixtures, "broken"), "--data", data, "--strict");
        result.ExitCode.Should().Be(1);
        result.Stdout.Should().Contain("rejected:");
        Directory.Delete(data, true);
    }

    [Fact]
    public async Task a_missing_corpus_path_is_a_clear_error_with_exit_code_4()
    {
        var data = TestPaths.NewTempDirectory("cli-missing");
        var result = await StdGraphProcess.RunAsync(TestPaths.RepositoryRoot, "index", "--corpus", "/nonexistent/corpus", "--data", data);
        result.ExitCode.Should().Be(4);
        result.Stderr.Should().Contain("/nonexistent/corpus").And.NotContain("   at ");
        Directory.Delete(data, true);
    }
}
