using StdGraph.Testing;
using System.Diagnostics;
using CsCheck;
using StdGraph.Core.Codes;

namespace StdGraph.Core.Tests.Fuzzing;

/// <summary>
/// The code parser reads whatever users type and catalogues print, so no input may crash it: it answers false with
/// a reason (and <c>Parse</c> throws <see cref="FormatException"/>), or it yields a code whose canonical form parses
/// back to itself. Inputs are drawn from fixed seeds; a failure names its seed and iteration.
/// </summary>
public sealed class StandardCodeFuzzTests
{
    // Characters the parser gives meaning to, their look-alikes, and characters that break naive text handling:
    // full-width forms, dashes, CJK brackets, non-ASCII digits, control and format characters. (Lone surrogate
    // halves come from AnyUnicode; here they would crowd out everything else while they make Normalize throw.)
    private const string Alphabet =
        "GBTZISOECRFUHLADMPNWQXV/ -:.+()0123456789" +
        "ＧＢＴ／－．：０１２３４５６７８９（）　" +
        "\u2010\u2013\u2014\u2212\uFE63\u00A0\t\n\r\u0000\u0007\u200B\u200D\uFEFF\u202E" +
        "所有部分allpartsCorAmdrfcitu" +
        "\u0661\u0662\u0663\u06F4\u0966\u09E7\u0E51\uFF11" +
        "\uFDFA\u3371\u337F\u2474\u2488\u00BD\u2162";

    private static readonly Gen<char> CodeishChar = Gen.Int[0, Alphabet.Length - 1].Select(i => Alphabet[i]);

    private static readonly Gen<string> AnyUnicode = Gen.Char[(char)0, char.MaxValue].Array[0, 40].Select(cs => new string(cs));

    private static readonly Gen<string> Codeish = CodeishChar.Array[0, 60].Select(cs => new string(cs));

    // Around the 200-character limit, and NFKC-expanding characters that grow a short input many times over.
    private static readonly Gen<string> Long =
        from unit in Gen.OneOf(Gen.Const("9"), Gen.Const("A-"), Gen.Const("GB/T "), Gen.Const("\uFDFA"), Gen.Const(" "), Gen.Const(".1"), Gen.Const("ISO/"))
        from count in Gen.OneOf(Gen.Int[150, 210], Gen.Int[1_000, 100_000])
        from prefix in Gen.OneOf(Gen.Const(""), Gen.Const("ISO "), Gen.Const("GB/T "), Gen.Const("RFC "))
        select prefix + string.Concat(Enumerable.Repeat(unit, count / unit.Length));

    private static Gen<string> Pick(params string[] options) => Gen.Int[0, options.Length - 1].Select(i => options[i]);

    private static readonly Gen<string> ValidCodes =
        Gen.OneOf(
            from body in Pick("ISO", "IEC", "ISO/IEC", "ISO/TS", "IEC TR", "ISO/FDIS", "ISO/IEC DIS", "ISO/IEC JTC 1")
            from number in Gen.Int[1, 99999]
            from part in Gen.Int[0, 30]
            from year in Gen.Int[1950, 2030]
            from supplement in Pick("", "/Amd 1:2024", "/Cor 2:2019", "+AMD1:2020 CSV", "/DAM 3", " RLV")
            select $"{body} {number}{(part == 0 ? "" : "-" + part)}:{year}{supplement}",
            from prefix in Pick("GB", "GB/T", "GB/Z", "YD/T", "GA/T")
            from number in Gen.Int[1, 99999]
            from part in Gen.Int[0, 30]
            from year in Gen.Int[0, 99]
            select $"{prefix} {number}{(part == 0 ? "" : "." + part)}-{(year < 50 ? 2000 + year : 1900 + year)}",
            Gen.Int[1, 99999].Select(n => "RFC " + n),
            Pick("ITU-T X.509", "ITU-R BT.709:2015", "DIN 16527-1:1993", "IEEE Std 1489-1999", "GB/T 15972（所有部分）"));

    // A valid code with a few characters inserted, replaced or deleted.
    private static readonly Gen<string> MutatedCodes =
        from code in ValidCodes
        from edits in Gen.Select(Gen.Int[0, 2], Gen.Int[0, 1000], CodeishChar).Array[1, 4]
        select edits.Aggregate(code, (text, edit) =>
        {
            var at = text.Length == 0 ? 0 : edit.Item2 % (text.Length + 1);
            return edit.Item1 switch
            {
                0 => text.Insert(at, edit.Item3.ToString()),
                1 when at < text.Length => text.Remove(at, 1).Insert(at, edit.Item3.ToString()),
                _ when at < text.Length => text.Remove(at, 1),
                _ => text,
            };
        });

    private static void ParsesOrRefusesCleanly(string text)
    {
        bool parsed;
        StandardCode code;
        string? error;
        try
        {
            parsed = StandardCode.TryParse(text, out code, out error);
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"TryParse threw {e.GetType().Name}: {e.Message}", e);
        }

        if (!parsed)
        {
            error.Should().NotBeNullOrWhiteSpace();
            var parse = () => StandardCode.Parse(text);
            parse.Should().Throw<FormatException>();
            return;
        }

        StandardCode.Parse(text).Should().Be(code);
        StandardCode.TryParse(code.Canonical, out var again, out var againError).Should().BeTrue($"the canonical form '{code.Canonical}' must parse ({againError})");
        again.Canonical.Should().Be(code.Canonical);
        StandardCode.TryParse(code.WorkKey, out var work, out var workError).Should().BeTrue($"the work key '{code.WorkKey}' must parse ({workError})");
        work.Canonical.Should().Be(code.WorkKey);
    }

    [Fact]
    public void arbitrary_unicode_text_is_parsed_or_refused_never_thrown() =>
        DeterministicSample.Run(AnyUnicode, seed: 11_001, iterations: 20_000, ParsesOrRefusesCleanly, DeterministicSample.Escape);

    [Fact]
    public void text_made_of_code_characters_and_their_look_alikes_is_parsed_or_refused_never_thrown() =>
        DeterministicSample.Run(Codeish, seed: 11_002, iterations: 30_000, ParsesOrRefusesCleanly, DeterministicSample.Escape);

    [Fact]
    public void very_long_input_is_refused_quickly() =>
        DeterministicSample.Run(Long, seed: 11_003, iterations: 300, ParsesOrRefusesCleanly, DeterministicSample.Escape);

    [Fact]
    public void mutated_valid_codes_are_parsed_or_refused_and_what_parses_round_trips() =>
        DeterministicSample.Run(MutatedCodes, seed: 11_004, iterations: 30_000, ParsesOrRefusesCleanly, DeterministicSample.Escape);

    [Fact]
    public void every_generated_valid_code_normalises_back_to_its_canonical_form() =>
        DeterministicSample.Run(ValidCodes, seed: 11_005, iterations: 10_000, text =>
        {
            StandardCode.TryParse(text, out _, out var error).Should().BeTrue(error);
            ParsesOrRefusesCleanly(text);
        }, DeterministicSample.Escape);

    // Crashes found by the properties above, kept as inputs in tests/fuzz-corpus/crashes/codes.txt.
    [Theory]
    [InlineData("RFC \u0661\u0662", "non-ASCII decimal digits match \\d in the RFC pattern, then int.Parse throws")]
    [InlineData("ISO 1:\u0661\u0662\u0663\u0664", "non-ASCII digits as an ISO year")]
    [InlineData("GB/T 1-\u0661\u0662", "non-ASCII digits as a GB year")]
    [InlineData("B/T 99976.\uFF118-0190", "the canonical form 'B/T 99976.18-190' (year 0190 printed as 190) does not parse")]
    [InlineData("IEEE Std 1489\u3000-1999", "the work key 'IEEE Std 1489 ' keeps a trailing space")]
    [InlineData("YD/T 53267-14-1975", "the work key 'YD/T 53267-14' parses back as 'YD/T 53267-1914'")]
    public void crash_inputs_found_by_fuzzing_are_refused_or_parsed_without_throwing(string input, string why)
    {
        var tryParse = () => StandardCode.TryParse(input, out _, out _);
        tryParse.Should().NotThrow(why);
        ParsesOrRefusesCleanly(input);
    }

    // Attribute arguments are stored as UTF-8, which turns a lone surrogate into U+FFFD, so these are built here.
    [Fact]
    public void text_with_a_lone_surrogate_is_refused_without_throwing()
    {
        foreach (var input in new[] { "GB/T 22080-2016" + (char)0xD800, ((char)0xDC11).ToString(), "ISO" + (char)0xDFFF + " 27001" })
        {
            var tryParse = () => StandardCode.TryParse(input, out _, out _);
            tryParse.Should().NotThrow($"{DeterministicSample.Escape(input)}: string.Normalize throws ArgumentException on a lone surrogate");
            ParsesOrRefusesCleanly(input);
        }
    }
}
