using System.Text;
using StdGraph.Answers.Retrieval;

namespace StdGraph.Answers.Composition;

/// <summary>What the citation check made of an answer.</summary>
internal sealed record CheckedAnswer(string Text, IReadOnlyList<AnswerCitation> Citations, IReadOnlyList<string> Unverified);

/// <summary>
/// Every code an answer names must be in the retrieved context. Codes that are not are removed (a whole answer) or,
/// when the text has already been streamed to the reader, flagged; either way the answer says so.
/// </summary>
internal sealed class CitationChecker(IStandardsSource source)
{
    public CheckedAnswer Check(string text, AnswerContext context, bool alreadyShown)
    {
        var mentions = CodeMentionScanner.Scan(text);
        var unverified = mentions.Where(m => !context.Allows(m.Code)).Select(m => m.Code.Canonical).Distinct().ToList();
        var citations = mentions
            .Where(m => context.Allows(m.Code) && !context.IsAbsent(m.Code))
            .DistinctBy(m => m.Code.Canonical)
            .Select(m => Citation(m, context.Language))
            .ToList();
        // Codes the scanner does not take for codes (another body's identifiers, white papers) are cited when the
        // answer prints them exactly as the context holds them.
        foreach (var (edition, _) in context.Standards)
            if (!citations.Any(c => c.Code == edition.Code) && text.Contains(edition.Code, StringComparison.Ordinal))
                citations.Add(new AnswerCitation(edition.Code, edition.PreferredTitle(context.Language)));
        if (unverified.Count == 0) return new CheckedAnswer(text, citations, []);

        var zh = context.Language == "zh";
        var result = new StringBuilder();
        if (alreadyShown)
        {
            result.Append(zh
                ? $"\n\n（注意：{string.Join("、", unverified)} 不在检索到的标准中，未经核实，请勿采信。）"
                : $"\n\n(Note: {string.Join(", ", unverified)} {(unverified.Count == 1 ? "is" : "are")} not among the retrieved standards and could not be verified; do not rely on {(unverified.Count == 1 ? "it" : "them")}.)");
            return new CheckedAnswer(result.ToString(), citations, unverified);
        }

        var marker = zh ? "〔已删除未核实的编号〕" : "[unverified code removed]";
        var position = 0;
        foreach (var m in mentions.Where(m => !context.Allows(m.Code)))
        {
            var start = m.Start;
            var end = m.Start + m.Length;
            // A bracketed citation of the code alone goes with its brackets.
            if (start > 0 && end < text.Length && text[start - 1] is '[' or '【' && text[end] is ']' or '】') { start--; end++; }
            result.Append(text, position, start - position).Append(marker);
            position = end;
        }
        result.Append(text, position, text.Length - position);
        result.Append(zh
            ? $"\n\n（注：模型回答中的 {string.Join("、", unverified)} 不在检索到的标准中，已删除。）"
            : $"\n\n(Note: {string.Join(", ", unverified)} {(unverified.Count == 1 ? "was" : "were")} not among the retrieved standards and {(unverified.Count == 1 ? "was" : "were")} removed from the model's answer.)");
        return new CheckedAnswer(result.ToString(), citations, unverified);
    }

    private AnswerCitation Citation(CodeMention m, string language)
    {
        var edition = source.Edition(m.Code);
        if (edition is not null) return new AnswerCitation(edition.Code, edition.PreferredTitle(language));
        var work = m.Code.IsUndated ? source.EditionsOfWork(m.Code).FirstOrDefault() : null;
        return new AnswerCitation(m.Code.Canonical, work?.PreferredTitle(language));
    }
}
