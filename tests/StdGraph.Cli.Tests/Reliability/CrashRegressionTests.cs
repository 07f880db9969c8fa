using StdGraph.Testing;

namespace StdGraph.Cli.Tests.Reliability;

/// <summary>
/// Inputs that abort the real program (found by fuzzing, see tests/fuzz-corpus/crashes/). Each runs in a child
/// process, so a crash fails its own test without taking the test host down.
/// </summary>
public sealed class CrashRegressionTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);
    private readonly string _work = TestPaths.NewTempDirectory("crash-regressions");

    [Fact]
    public async Task a_record_whose_code_has_arabic_indic_digits_is_rejected_and_does_not_abort_index()
    {
        var corpus = Directory.CreateDirectory(Path.Combine(_work, "corpus")).FullName;
        File.Copy(Path.Combine(TestPaths.RepositoryRoot, "tests", "fuzz-corpus", "crashes", "index-arabic-digit-code.standards.jsonl"),
            Path.Combine(corpus, "arabic.standards.jsonl"));

        var result = await WatchedProcess.RunAsync(Deadline, TestPaths.RepositoryRoot, "index", "--corpus", corpus, "--data", Path.Combine(_work, "data"), "--json");

        result.ExitCode.Should().Be(0, "one bad code is one rejected record, not a failed run\n" + result.Stderr);
        result.Json.GetProperty("standards").GetProperty("read").GetInt64().Should().Be(1);
        result.Json.GetProperty("standards").GetProperty("rejected").GetInt64().Should().Be(1);
    }

    [Theory]
    [InlineData("collection", "(", ")")]
    [InlineData("blank-node", "[ <http://a/p> ", " ]")]
    public async Task turtle_nested_100000_deep_is_a_syntax_error_not_a_stack_overflow(string name, string open, string close)
    {
        var file = Path.Combine(_work, $"deep-{name}.ttl");
        const int depth = 100_000;
        await File.WriteAllTextAsync(file, "<http://a/s> <http://a/p> " + string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth)) + " .\n");

        var result = await WatchedProcess.RunAsync(Deadline, TestPaths.RepositoryRoot, "rdf", "convert", file);

        result.Stderr.Should().NotContain("Stack overflow");
        result.ExitCode.Should().Be(2, "nesting beyond a limit is bad input (exit 2), like any other syntax error\n" + result.Stderr[..Math.Min(2_000, result.Stderr.Length)]);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
