using System.Net;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace StdGraph.Search.Querying;

/// <summary>
/// Marks query terms in a stored field by re-analysing it with the field's analyzer, so offsets are the analyzer's own
/// (right for Chinese words and stemmed English alike). Adjacent marked tokens, or ones separated only by white space,
/// become one span: <c>&lt;em&gt;网络安全&lt;/em&gt;</c>, not <c>&lt;em&gt;网络&lt;/em&gt;&lt;em&gt;安全&lt;/em&gt;</c>.
/// </summary>
internal static class SpanHighlighter
{
    private const string Open = "<em>";
    private const string Close = "</em>";
    private const int Context = 60;
    private const int FragmentLength = 220;
    private const int MaxFragments = 2;

    /// <summary>The marked spans of <paramref name="text"/>: start and end offsets, merged and in order.</summary>
    public static List<(int Start, int End)> Spans(Analyzer analyzer, string field, string text, IReadOnlySet<string> terms)
    {
        var spans = new List<(int Start, int End)>();
        if (terms.Count == 0) return spans;
        using (var stream = analyzer.GetTokenStream(field, text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                if (!terms.Contains(term.ToString())) continue;
                var start = Math.Clamp(offset.StartOffset, 0, text.Length);
                var end = Math.Clamp(offset.EndOffset, start, text.Length);
                if (end > start) spans.Add((start, end));
            }

            stream.End();
        }

        spans.Sort();
        var merged = new List<(int Start, int End)>(spans.Count);
        foreach (var span in spans)
        {
            if (merged.Count > 0)
            {
                var last = merged[^1];
                if (span.Start <= last.End || text.AsSpan(last.End, span.Start - last.End).IsWhiteSpace())
                {
                    merged[^1] = (last.Start, Math.Max(last.End, span.End));
                    continue;
                }
            }

            merged.Add(span);
        }

        return merged;
    }

    /// <summary>Fragments with marked spans: the whole text when <paramref name="whole"/>, else up to two windows around matches.</summary>
    public static IReadOnlyList<string> Fragments(Analyzer analyzer, string field, string text, IReadOnlySet<string> terms, bool whole)
    {
        var spans = Spans(analyzer, field, text, terms);
        if (spans.Count == 0) return [];
        if (whole) return [Render(text, 0, text.Length, spans)];

        var fragments = new List<string>();
        var i = 0;
        while (i < spans.Count && fragments.Count < MaxFragments)
        {
            var start = Math.Max(0, spans[i].Start - Context);
            if (start > 0 && char.IsLowSurrogate(text[start])) start--;
            var end = Math.Min(text.Length, Math.Max(start + FragmentLength, spans[i].End));
            var j = i;
            while (j < spans.Count && spans[j].Start < end) { end = Math.Max(end, spans[j].End); j++; }
            if (end < text.Length && char.IsLowSurrogate(text[end])) end++;
            fragments.Add(Render(text, start, end, spans.GetRange(i, j - i)));
            i = j;
        }

        return fragments;
    }

    private static string Render(string text, int start, int end, List<(int Start, int End)> spans)
    {
        var sb = new StringBuilder(end - start + spans.Count * 9 + 2);
        if (start > 0) sb.Append('…');
        var at = start;
        foreach (var (s, e) in spans)
        {
            if (e <= start || s >= end) continue;
            var from = Math.Max(s, start);
            var to = Math.Min(e, end);
            sb.Append(WebUtility.HtmlEncode(text[at..from])).Append(Open).Append(WebUtility.HtmlEncode(text[from..to])).Append(Close);
            at = to;
        }

        sb.Append(WebUtility.HtmlEncode(text[at..end]));
        if (end < text.Length) sb.Append('…');
        return sb.ToString();
    }
}
