using System.Text;
using System.Text.RegularExpressions;
using StdGraph.Core.Codes;
using StdGraph.Search.Analysis;

namespace StdGraph.Search.Querying;

/// <summary>A code-lookup key wanted by a query and how much a match on it weighs.</summary>
internal readonly record struct CodeKey(string Key, float Weight);

/// <summary>What a query text says: the codes in it (as weighted keys) and the words left over.</summary>
internal sealed record ParsedQueryText(IReadOnlyList<CodeKey> CodeKeys, string Words, IReadOnlyList<string> Codes);

/// <summary>
/// Finds standard codes in free query text (<c>GB/T 22239 和 ISO/IEC 27001 是什么关系</c>, <c>gbt22080</c>, <c>27001</c>,
/// full-width forms), using the one code parser of the domain, and leaves the rest as words.
/// </summary>
internal static partial class QueryCodes
{
    // Tiers: any exact-edition hit outranks any same-work hit, which outranks a number match, whatever the words score.
    public const float ExactWeight = 5000;
    public const float WorkWeight = 3000;
    public const float NumberYearWeight = 2000;
    public const float BodyNumberWeight = 1000;
    public const float NumberWeight = 500;
    public const float BaseNumberWeight = 100;
    public const float AdoptedWorkWeight = 300;

    private const int MaxWindow = 4;

    public static ParsedQueryText Parse(string text)
    {
        var normal = Normalise(text);
        var keys = new Dictionary<string, float>(StringComparer.Ordinal);
        var codes = new List<string>();
        var words = new StringBuilder();

        foreach (var (segment, isHan) in Segments(normal))
        {
            if (isHan) { words.Append(segment).Append(' '); continue; }
            var tokens = segment.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var i = 0;
            while (i < tokens.Length)
            {
                var consumed = TryCode(tokens, i, keys, codes);
                if (consumed == 0 && TryBareNumber(tokens[i], keys)) consumed = 1;
                if (consumed == 0) { words.Append(tokens[i]).Append(' '); consumed = 1; }
                i += consumed;
            }
        }

        return new ParsedQueryText(keys.Select(k => new CodeKey(k.Key, k.Value)).ToList(), words.ToString().Trim(), codes);
    }

    /// <summary>Keys for one code a caller already knows is a code (code lookup).</summary>
    public static IReadOnlyList<CodeKey> KeysFor(StandardCode code)
    {
        var keys = new Dictionary<string, float>(StringComparer.Ordinal);
        AddCodeKeys(code, keys);
        return keys.Select(k => new CodeKey(k.Key, k.Value)).ToList();
    }

    private static int TryCode(string[] tokens, int start, Dictionary<string, float> keys, List<string> codes)
    {
        for (var length = Math.Min(MaxWindow, tokens.Length - start); length >= 1; length--)
        {
            var candidate = string.Join(' ', tokens, start, length).Trim(TrailingPunctuation);
            if (!candidate.Any(char.IsAsciiDigit) || !char.IsAsciiLetter(candidate[0])) continue;
            if (!StandardCode.TryParse(candidate, out var code, out _)) continue;
            if (code.Family is CodeFamily.Other) continue;
            AddCodeKeys(code, keys);
            codes.Add(code.Canonical);
            return length;
        }

        return 0;
    }

    private static void AddCodeKeys(StandardCode code, Dictionary<string, float> keys)
    {
        if (code.IsDated || code.HasSupplement) Add(keys, CodeKeys.Edition(code), ExactWeight);
        Add(keys, CodeKeys.Work(code), WorkWeight);
        if (code.Year is { } year) Add(keys, CodeKeys.NumberYear(code.NumberWithPart, year), NumberYearWeight);
        // The body the user typed: "ISO 27001" matches ISO/IEC 27001; "GB 22080" matches GB/T 22080.
        var typed = code.Family == CodeFamily.Chinese && code.Prefix.StartsWith("GB", StringComparison.Ordinal) ? code.Prefix : code.Prefix.Split('/')[0];
        Add(keys, CodeKeys.BodyNumber(typed, code.NumberWithPart), BodyNumberWeight);
        if (code.Family is CodeFamily.International or CodeFamily.Chinese)
            Add(keys, CodeKeys.Number(code.NumberWithPart), NumberWeight);
    }

    private static bool TryBareNumber(string token, Dictionary<string, float> keys)
    {
        var m = BareNumber().Match(token.Trim(TrailingPunctuation));
        if (!m.Success) return false;
        var number = m.Groups["number"].Value;
        Add(keys, CodeKeys.Number(number), NumberWeight);
        var dot = number.IndexOfAny(['.', '-']);
        if (dot > 0) Add(keys, CodeKeys.BaseNumber(number[..dot]), BaseNumberWeight);
        else Add(keys, CodeKeys.BaseNumber(number), BaseNumberWeight);
        if (m.Groups["year"].Success)
        {
            var year = int.Parse(m.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);
            Add(keys, CodeKeys.NumberYear(number, year), NumberYearWeight);
            // "22080-2016" may also be a number with a part; let the index decide which exists.
            if (m.Groups["sep"].Value == "-") Add(keys, CodeKeys.Number(number + "-" + m.Groups["year"].Value), NumberWeight);
        }

        return true;
    }

    private static void Add(Dictionary<string, float> keys, string key, float weight) =>
        keys[key] = Math.Max(weight, keys.GetValueOrDefault(key));

    private static readonly char[] TrailingPunctuation = [',', ';', '，', '。', '、', '?', '？', '!', '(', ')', '"', '\''];

    /// <summary>Width-folds and unifies dashes like the code parser, keeping text length meaningless (queries are not highlighted).</summary>
    private static string Normalise(string text)
    {
        var s = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            sb.Append(ch switch
            {
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
                _ when char.IsWhiteSpace(ch) || char.IsControl(ch) => ' ',
                _ => ch,
            });
        }

        return sb.ToString();
    }

    /// <summary>Splits text into runs of Han script and runs of everything else: a code never contains Han characters.</summary>
    private static IEnumerable<(string Text, bool IsHan)> Segments(string text)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i < text.Length && IsHan(text[i]) == IsHan(text[start])) continue;
            yield return (text[start..i], IsHan(text[start]));
            start = i;
        }
    }

    internal static bool IsHan(char c) =>
        c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\u3000' and <= '\u303F' || char.IsSurrogate(c);

    [GeneratedRegex(@"^(?<number>\d{2,6}(?:[.\-]\d{1,3})*?)(?:(?<sep>[:\-])(?<year>(?:19|20)\d{2}))?$")]
    private static partial Regex BareNumber();
}
