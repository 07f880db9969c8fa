using System.Text;
using CsCheck;
using StdGraph.Rdf.Tests.Conformance;
using StdGraph.Testing;

namespace StdGraph.Rdf.Tests.Fuzzing;

/// <summary>
/// Mutated Turtle and N-Triples — every file of the W3C suites plus the kept corpus in tests/fuzz-corpus/, with
/// characters, tokens and bytes inserted, replaced, deleted, duplicated or cut — either parse or throw
/// <see cref="RdfSyntaxException"/>: no other exception, and no hang (each case runs under a deadline).
/// Nesting stays shallow here: deep nesting overflows the stack and would kill the test host; it is tested in a
/// child process by StdGraph.Cli.Tests' CrashRegressionTests.
/// </summary>
public sealed class RdfReaderFuzzTests
{
    private static readonly TimeSpan CaseDeadline = TimeSpan.FromSeconds(10);

    private static readonly string[] Tokens =
    [
        "@prefix", "PREFIX", "@base", "BASE", "<", ">", "\"", "'", "\"\"\"", "'''", "^^", "@", "@en", "_:", "_:b",
        "(", ")", "[", "]", ";", ",", ".", "\\", "\\u", "\\U0010FFFF", "\\U00110000", "\\uD800", "#", "\n", "\r", " ",
        "a", "true", "1e", "1.", ".5", "-", "+", ":", "::", "%", "%G1", "%20", "\uD800", "\uDFFF", "\u0000", "\uFFFE",
        "\uFEFF", "é", "中", "<>", "<#>", "<http://a/b>", "<a b>", "\"x\"@", "\"\"^^<", "[ ]", "( )", "ex:", ":a:b",
        "((((((((((", "]]]]]]]]]]", "[ :p [ :p [ :p ", "0x", "9999999999999999999999999", "1e999999", "-0.0E-0",
    ];

    private static readonly Lazy<string[]> TurtleSeeds = new(() => Seeds("rdf-turtle", "*.ttl", "turtle"));
    private static readonly Lazy<string[]> NTriplesSeeds = new(() => Seeds("rdf-n-triples", "*.nt", "ntriples"));

    private static string[] Seeds(string suite, string pattern, string kept) =>
    [
        .. Directory.GetFiles(W3cManifest.Folder(suite), pattern).Order(StringComparer.Ordinal),
        .. Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "tests", "fuzz-corpus", kept)).Order(StringComparer.Ordinal),
    ];

    private sealed record Case(string Seed, string Text)
    {
        public override string ToString() => $"{Path.GetFileName(Seed)} mutated to {DeterministicSample.Escape(Text)}";
    }

    private static Gen<Case> Mutated(string[] seeds) =>
        from index in Gen.Int[0, seeds.Length - 1]
        from edits in Gen.Select(Gen.Int[0, 6], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue]).Array[1, 8]
        select new Case(seeds[index], edits.Aggregate(File.ReadAllText(seeds[index]), Mutate));

    private static string Mutate(string text, (int Op, int At, int Arg) edit)
    {
        var at = edit.At % (text.Length + 1);
        var span = Math.Min(1 + edit.Arg % 32, text.Length - at);
        return edit.Op switch
        {
            0 => text.Insert(at, Tokens[edit.Arg % Tokens.Length]),
            1 when at < text.Length => text.Remove(at, 1).Insert(at, ((char)(edit.Arg % 0x3000)).ToString()),
            2 when span > 0 => text.Remove(at, span),
            3 when span > 0 => text.Insert(edit.Arg % (text.Length + 1), text.Substring(at, span)),
            4 => text[..at],
            5 => FlipBit(text, edit.At, edit.Arg),
            _ => text.Insert(at, Tokens[edit.Arg % Tokens.Length] + Tokens[edit.At % Tokens.Length]),
        };
    }

    // A bit flipped in the UTF-8 bytes, decoded again the way a StreamReader would (invalid bytes become U+FFFD).
    private static string FlipBit(string text, int at, int bit)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length == 0) return text;
        bytes[at % bytes.Length] ^= (byte)(1 << (bit % 8));
        return Encoding.UTF8.GetString(bytes);
    }

    private static void ParsesOrThrowsSyntaxError(Func<int> parse)
    {
        var run = Task.Run(parse);
        try
        {
            if (!run.Wait(CaseDeadline)) throw new TimeoutException($"no answer within {CaseDeadline}");
        }
        catch (AggregateException e) when (e.InnerException is RdfSyntaxException)
        {
        }
        catch (AggregateException e)
        {
            throw e.InnerException!;
        }
    }

    [Fact]
    public void mutated_turtle_parses_or_throws_a_syntax_error() =>
        DeterministicSample.Run(Mutated(TurtleSeeds.Value), seed: 11_101, iterations: 4_000,
            c => ParsesOrThrowsSyntaxError(() => new TurtleReader(new StringReader(c.Text), "http://example.org/base/").Read().Count()));

    [Fact]
    public void mutated_ntriples_parses_or_throws_a_syntax_error() =>
        DeterministicSample.Run(Mutated(NTriplesSeeds.Value), seed: 11_102, iterations: 4_000,
            c => ParsesOrThrowsSyntaxError(() => new NTriplesReader(new StringReader(c.Text)).Read().Count()));

    [Fact]
    public void turtle_seeds_read_as_ntriples_and_ntriples_seeds_as_turtle_parse_or_throw_a_syntax_error() =>
        DeterministicSample.Run(Mutated([.. TurtleSeeds.Value, .. NTriplesSeeds.Value]), seed: 11_103, iterations: 2_000, c =>
        {
            ParsesOrThrowsSyntaxError(() => new NTriplesReader(new StringReader(c.Text)).Read().Count());
            ParsesOrThrowsSyntaxError(() => new TurtleReader(new StringReader(c.Text), "http://example.org/base/").Read().Count());
        });

    [Fact]
    public void the_kept_corpus_parses_unmutated()
    {
        foreach (var file in Seeds("rdf-turtle", "none", "turtle"))
            new TurtleReader(new StringReader(File.ReadAllText(file)), "http://example.org/base/").Read().Should().NotBeEmpty(file);
        foreach (var file in Seeds("rdf-n-triples", "none", "ntriples"))
            new NTriplesReader(new StringReader(File.ReadAllText(file))).Read().Should().NotBeEmpty(file);
    }
}
