using System.Text;
using System.Text.RegularExpressions;
using StdGraph.Core.Codes;

namespace StdGraph.Answers.Retrieval;

/// <summary>A standard code found in free text, with where it was printed.</summary>
internal sealed record CodeMention(StandardCode Code, string Printed, int Start, int Length);

/// <summary>
/// Finds standard codes inside free text (questions, model replies). It anchors on the prefixes codes start with,
/// then asks the one code parser about candidate spans from the longest down, so every spelling the parser accepts
/// (<c>GB/T 22080-2016</c>, <c>gbt22080</c>, <c>ＧＢ／Ｔ 22080</c>, <c>ISO/IEC 27001:2013</c>, <c>RFC 9110</c>) is found
/// and nothing the parser rejects is.
/// </summary>
internal static partial class CodeMentionScanner
{
    private const int MaxCodeLength = 48;

    public static IReadOnlyList<CodeMention> Scan(string text)
    {
        // NFKC per character keeps offsets stable for the full-width forms codes are printed in.
        var folded = Fold(text);
        var found = new List<CodeMention>();
        var position = 0;
        foreach (Match anchor in Anchor().Matches(folded))
        {
            if (anchor.Index < position) continue;
            var mention = LongestCodeAt(folded, anchor.Index);
            if (mention is null) continue;
            found.Add(mention with { Printed = text.Substring(mention.Start, mention.Length) });
            position = mention.Start + mention.Length;
        }
        return found;
    }

    private static CodeMention? LongestCodeAt(string text, int start)
    {
        var end = start;
        while (end < text.Length && end - start < MaxCodeLength && IsCodeChar(text[end])) end++;
        for (var e = end; e > start; e--)
        {
            var last = text[e - 1];
            if (!char.IsLetterOrDigit(last) && last != ')') continue;
            if (e < text.Length && char.IsAsciiLetterOrDigit(text[e]) && char.IsAsciiLetterOrDigit(last)) continue;
            var candidate = text[start..e];
            if (!candidate.Any(char.IsDigit)) continue;
            if (!StandardCode.TryParse(candidate, out var code, out _)) continue;
            if (code.Family == CodeFamily.Other) continue;
            return new CodeMention(code, candidate, start, e - start);
        }
        return null;
    }

    private static bool IsCodeChar(char ch) => char.IsAsciiLetterOrDigit(ch) || ch is '/' or ' ' or '.' or '-' or ':' or '+' or '(' or ')';

    private static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            var f = ch.ToString().Normalize(NormalizationForm.FormKC);
            var c = f.Length == 1 ? f[0] : ch;
            sb.Append(c is >= '\u2010' and <= '\u2015' or '\u2212' ? '-' : c);
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"(?<![A-Za-z])(?:GB|ISO|IEC|RFC|ITU-T|CISPR|IEEE)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Anchor();
}
