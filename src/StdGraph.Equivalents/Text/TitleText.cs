using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace StdGraph.Equivalents.Text;

/// <summary>How titles are cut into comparable units: English terms, Chinese phrases and character bigrams, part numbers.</summary>
internal static partial class TitleText
{
    private static readonly HashSet<string> EnglishStopwords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "of", "on", "or", "the", "to", "with",
        "part", "parts", "its", "their", "other", "using", "use", "based", "general", "specification", "specifications",
    };

    /// <summary>Lower-cased, lightly stemmed English terms, without stopwords and without the part designation.</summary>
    public static IReadOnlyList<string> EnglishTerms(string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) return [];
        var text = PartPattern().Replace(title.Normalize(NormalizationForm.FormKC), " ");
        var terms = new List<string>();
        foreach (Match m in WordPattern().Matches(text))
        {
            var word = m.Value.ToLowerInvariant();
            if (EnglishStopwords.Contains(word)) continue;
            if (word.All(char.IsAsciiDigit) && word.Length < 3) continue;
            if (word.Length == 1) continue;
            terms.Add(Stem(word));
        }

        return terms;
    }

    /// <summary>The ASCII words a Chinese title carries as printed (IPv6, XML, 802): kept as English terms.</summary>
    public static IReadOnlyList<string> LatinTermsInChinese(string? title) =>
        string.IsNullOrWhiteSpace(title) ? []
        : EnglishTerms(ChinesePartPattern().Replace(title.Normalize(NormalizationForm.FormKC), " ")).Where(t => t.All(char.IsAscii)).ToList();

    /// <summary>
    /// Chinese units of a title: each phrase between spaces and punctuation (prefixed <c>P:</c>) and each character
    /// bigram within a phrase (prefixed <c>B:</c>); the part designation (第2部分) is dropped.
    /// </summary>
    public static IReadOnlyList<string> ChineseUnits(string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) return [];
        var units = new List<string>();
        foreach (var phrase in ChinesePhrases(title))
        {
            units.Add("P:" + phrase);
            for (var i = 0; i + 1 < phrase.Length; i++) units.Add("B:" + phrase.Substring(i, 2));
            if (phrase.Length == 1) units.Add("B:" + phrase);
        }

        return units;
    }

    public static IEnumerable<string> ChinesePhrases(string title)
    {
        var text = ChinesePartPattern().Replace(title.Normalize(NormalizationForm.FormKC), " ");
        foreach (var raw in PhraseSeparator().Split(text))
        {
            var han = new string(raw.Where(IsHan).ToArray());
            if (han.Length > 0) yield return han;
        }
    }

    /// <summary>The part number a title or code names (<c>Part 11</c>, <c>第11部分</c>), or null.</summary>
    public static string? PartFromTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) return null;
        var text = title.Normalize(NormalizationForm.FormKC);
        var zh = ChinesePartPattern().Match(text);
        if (zh.Success) return zh.Groups[1].Value;
        var en = PartPattern().Match(text);
        return en.Success ? en.Groups[1].Value : null;
    }

    /// <summary>Compares part designations by their last component (<c>3-3</c> vs <c>3</c> lines up on 3, <c>25000.10</c> on 10).</summary>
    public static string? LastPartComponent(string? part)
    {
        if (string.IsNullOrWhiteSpace(part)) return null;
        var pieces = part.Split(['-', '.'], StringSplitOptions.RemoveEmptyEntries);
        return pieces.Length == 0 ? null : pieces[^1].TrimStart('0') is { Length: > 0 } p ? p : "0";
    }

    private static bool IsHan(char c) => c >= '\u4e00' && c <= '\u9fff' || c >= '\u3400' && c <= '\u4dbf';

    private static string Stem(string word)
    {
        if (word.Length <= 3 || word.All(char.IsAsciiDigit)) return word;
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4) return word[..^3] + "y";
        if (word.EndsWith("sses", StringComparison.Ordinal)) return word[..^2];
        if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal))
            return word[..^1];
        return word;
    }

    public static string Years(double years) => years.ToString("0.#", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\b[Pp]art\s+(\d+(?:[-.]\d+)*)\s*:?")]
    private static partial Regex PartPattern();

    [GeneratedRegex(@"第\s*(\d+(?:[-.]\d+)*)\s*部分\s*[:：]?")]
    private static partial Regex ChinesePartPattern();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"[\s\p{P}\p{S}]+")]
    private static partial Regex PhraseSeparator();
}
