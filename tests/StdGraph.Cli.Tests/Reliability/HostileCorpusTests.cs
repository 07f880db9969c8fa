using System.IO.Compression;
using System.Text;
using System.Text.Json;
using StdGraph.Testing;

namespace StdGraph.Cli.Tests.Reliability;

/// <summary>
/// One corpus folder holding every kind of hostile input at once, indexed by the real program: each bad record is
/// reported with its file, line and reason, every good record is loaded, and graph cycles do not make <c>show</c>
/// loop. The line-level cases are unit-tested in the corpus reader; this proves the whole run survives them together.
/// </summary>
public sealed class HostileCorpusTests(HostileCorpusFixture hostile) : IClassFixture<HostileCorpusFixture>
{
    private readonly string _data = hostile.Data;
    private readonly StdGraphProcess.Result _index = hostile.Index;

    // Line numbers in hostile.standards.jsonl of the records that must be rejected, with a word of the reason.
    private static readonly (int Line, string Reason)[] BadLines = [(6, "UTF-8"), (8, "4 MiB"), (9, "depth"), (13, "broken JSON")];

    [Fact]
    public void the_run_completes_and_counts_each_bad_record_once()
    {
        _index.ExitCode.Should().Be(0, _index.Stderr);
        var files = _index.Json.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("file").GetString()!);
        files["hostile.standards.jsonl"].GetProperty("rejected").GetInt64().Should().Be(BadLines.Length);
        files["hostile.standards.jsonl"].GetProperty("read").GetInt64().Should().Be(10, "14 lines, 4 of them bad");
        files["cut.standards.jsonl.gz"].GetProperty("read").GetInt64().Should().BeInRange(1, 399, "records before the cut are kept, the cut loses the rest");
    }

    [Fact]
    public void every_bad_line_is_reported_with_file_line_and_reason()
    {
        var rejected = File.ReadAllLines(Path.Combine(_data, "rejected.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.GetProperty("file").GetString() == "hostile.standards.jsonl").ToList();
        rejected.Select(r => (r.GetProperty("file").GetString(), r.GetProperty("line").GetInt64()))
            .Should().Equal(BadLines.Select(b => ((string?)"hostile.standards.jsonl", (long)b.Line)));
        foreach (var (record, bad) in rejected.Zip(BadLines))
        {
            record.GetProperty("reason").GetString().Should().Contain(bad.Reason, $"line {bad.Line}");
            record.GetProperty("raw").GetString()!.Length.Should().BeInRange(1, 100_000, "the raw line is kept, but only a prefix of a huge one");
        }
    }

    [Fact]
    public void the_cut_in_the_gzip_file_is_reported()
    {
        // GZipStream ends quietly at a cut; the gzip trailer tells the reader the file is incomplete. The partial last
        // line, if any, is a rejected record of its own (kept raw, nothing lost).
        var fileErrors = _index.Json.GetProperty("fileErrors").EnumerateArray().Select(e => e.GetString()!);
        fileErrors.Should().ContainSingle(e => e.Contains("cut.standards.jsonl.gz") && e.Contains("truncated"), "the cut is reported for the file");
        var rejectedLines = File.ReadAllLines(Path.Combine(_data, "rejected.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.GetProperty("file").GetString() == "cut.standards.jsonl.gz");
        rejectedLines.Should().HaveCountLessThanOrEqualTo(1, "at most the one partial line at the cut is rejected");
    }

    [Theory]
    [InlineData("GB/T 99975-2099")]
    [InlineData("GB/T 99981-2099")]
    [InlineData("GB/T 99500-2099")] // the first record of the truncated gzip file
    public async Task good_records_next_to_bad_ones_are_loaded(string code)
    {
        var show = await Show(code);
        show.ExitCode.Should().Be(0, show.Stderr);
    }

    [Fact]
    public async Task duplicate_spellings_are_one_edition_that_keeps_the_first_record_and_takes_what_it_lacked()
    {
        var view = (await Show("GB/T 99973-2099")).Json;
        view.GetProperty("title").GetProperty("en").GetString().Should().Be("Duplicate, first spelling");
        view.GetProperty("title").GetProperty("zh").GetString().Should().Be("重复记录 第二种写法");
        view.GetProperty("ics").EnumerateArray().Select(e => e.GetString()).Should().Equal("35.030");
    }

    [Theory]
    [InlineData("GB/T 99970-2099", "GB/T 99971-2099")]
    [InlineData("GB/T 99971-2099", "GB/T 99970-2099")]
    public async Task show_on_a_replacement_cycle_terminates_with_both_directions_listed(string code, string other)
    {
        var show = await Show(code);
        show.ExitCode.Should().Be(0, show.Stderr);
        Links(show.Json, "replaces").Should().Equal(other);
        Links(show.Json, "replacedBy").Should().Equal(other);
    }

    [Fact]
    public async Task show_on_a_three_edition_cycle_terminates_and_lists_its_neighbours()
    {
        var show = await Show("GB/T 99977-2099");
        show.ExitCode.Should().Be(0, show.Stderr);
        Links(show.Json, "replacedBy").Should().Equal("GB/T 99978-2099");
        Links(show.Json, "replaces").Should().Equal("GB/T 99979-2099");
    }

    [Fact]
    public async Task a_self_citation_is_kept_and_shown_once_per_direction()
    {
        var show = await Show("GB/T 99972-2099");
        show.ExitCode.Should().Be(0, show.Stderr);
        Links(show.Json, "cites").Should().Equal("GB/T 99972-2099");
        Links(show.Json, "citedBy").Should().Equal("GB/T 99972-2099");
        Links(show.Json, "replaces").Should().Equal("GB/T 99972-2099");
    }

    private static IEnumerable<string?> Links(JsonElement view, string relation) =>
        view.GetProperty("relations").GetProperty(relation).EnumerateArray().Select(l => l.GetProperty("code").GetString());

    private Task<StdGraphProcess.Result> Show(string code) =>
        WatchedProcess.RunAsync(TimeSpan.FromMinutes(1), TestPaths.RepositoryRoot, "show", code, "--data", _data, "--json");
}

/// <summary>The hostile corpus, written to a temporary folder and indexed once by the real program.</summary>
public sealed class HostileCorpusFixture : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    private readonly string _corpus = TestPaths.NewTempDirectory("hostile-corpus");

    public string Data { get; } = TestPaths.NewTempDirectory("hostile-data");

    internal StdGraphProcess.Result Index { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var good = (string code, string title, string relations) =>
            $$"""{"code": "{{code}}", "title": {"en": "{{title}}"}, "status": "valid", "relations": [{{relations}}]}""";
        var lines = new List<byte[]>
        {
            U(good("GB/T 99970-2099", "Cycle member A", """{"type": "replaces", "target": "GB/T 99971-2099"}""")),
            U(good("GB/T 99971-2099", "Cycle member B", """{"type": "replaces", "target": "GB/T 99970-2099"}""")),
            U(good("GB/T 99972-2099", "Cites and replaces itself", """{"type": "cites", "target": "GB/T 99972-2099"}, {"type": "replaces", "target": "GBT 99972—2099"}""")),
            U(good("GB/T 99973-2099", "Duplicate, first spelling", "")),
            U("""{"code": "ＧＢ／Ｔ　９９９７３－２０９９", "title": {"zh": "重复记录 第二种写法"}, "ics": ["35.030"]}"""),
            U("""{"code": "GB/T 99974-2099", "title": {"en": "invalid byte here: """).Concat(new byte[] { 0xFF, 0xFE }).Concat(U("\"}}")).ToArray(),
            U(good("GB/T 99975-2099", "After the invalid byte", "")),
            U(good("GB/T 99976-2099", new string('x', 10 * 1024 * 1024), "")),
            U(string.Concat(Enumerable.Repeat("[", 10_000)) + string.Concat(Enumerable.Repeat("]", 10_000))),
            U(good("GB/T 99977-2099", "Three-cycle C", """{"type": "replacedBy", "target": "GB/T 99978-2099"}""")),
            U(good("GB/T 99978-2099", "Three-cycle D", """{"type": "replacedBy", "target": "GB/T 99979-2099"}""")),
            U(good("GB/T 99979-2099", "Three-cycle E", """{"type": "replacedBy", "target": "GB/T 99977-2099"}""")),
            U("""{"code": "GB/T 99980-2099", "title": {"en": "cut short"""),
            U(good("GB/T 99981-2099", "Last line", "")),
        };
        await File.WriteAllBytesAsync(Path.Combine(_corpus, "hostile.standards.jsonl"), lines.SelectMany(l => l.Append((byte)'\n')).ToArray());

        // 400 good records, gzipped, then cut at 60 % of the compressed bytes.
        using (var buffer = new MemoryStream())
        {
            using (var gz = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            {
                for (var i = 0; i < 400; i++)
                    gz.Write(U(good($"GB/T 99{500 + i}-2099", $"Record {i} of a truncated gzip file, with some text to compress {Guid.NewGuid():N}", "") + "\n"));
            }

            await File.WriteAllBytesAsync(Path.Combine(_corpus, "cut.standards.jsonl.gz"), buffer.ToArray()[..(int)(buffer.Length * 6 / 10)]);
        }

        Index = await WatchedProcess.RunAsync(Deadline, TestPaths.RepositoryRoot, "index", "--corpus", _corpus, "--data", Data, "--json");
    }

    private static byte[] U(string text) => Encoding.UTF8.GetBytes(text);

    public Task DisposeAsync()
    {
        Directory.Delete(_corpus, recursive: true);
        Directory.Delete(Data, recursive: true);
        return Task.CompletedTask;
    }
}
