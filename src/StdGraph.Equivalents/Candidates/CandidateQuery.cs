using StdGraph.Core.Catalogue;
using StdGraph.Core.Codes;
using StdGraph.Equivalents.Text;

namespace StdGraph.Equivalents.Candidates;

/// <summary>How the title was read: the English title, a Chinese title translated with the lexicon, or no title.</summary>
internal enum QueryMode
{
    English,
    Chinese,
    None,
}

/// <summary>A normalised candidate request: what is known of the national standard (or draft).</summary>
internal sealed record CandidateQuery(
    string? TitleEn,
    string? TitleZh,
    IReadOnlyList<string> Ics,
    string? Committee,
    PartialDate? Issued,
    string? Part,
    string? Type)
{
    public QueryMode Mode =>
        !string.IsNullOrWhiteSpace(TitleEn) ? QueryMode.English
        : !string.IsNullOrWhiteSpace(TitleZh) ? QueryMode.Chinese
        : QueryMode.None;

    /// <summary>The query a national record makes from its own titles, ICS, committee, date and code (never its relations).</summary>
    public static CandidateQuery From(StandardEdition national, bool chineseOnly) => new(
        chineseOnly ? null : national.Title("en"),
        national.Title("zh"),
        national.Ics,
        national.Committee,
        national.Issued,
        national.ParsedCode.Part ?? TitleText.PartFromTitle(national.Title("zh")) ?? TitleText.PartFromTitle(national.Title("en")),
        national.ParsedCode.Type ?? national.Type);

    public static CandidateQuery From(CandidateInput input)
    {
        PartialDate? issued = null;
        if (input.Issued is { } text)
        {
            if (!PartialDate.TryParse(text, out var d)) throw new ArgumentException($"issue date '{text}' is not YYYY, YYYY-MM or YYYY-MM-DD");
            issued = d;
        }

        StandardCode? code = null;
        if (input.Code is { } c && !StandardCode.TryParse(c, out code, out var error)) throw new ArgumentException(error);
        return new CandidateQuery(
            Blank(input.TitleEn), Blank(input.TitleZh),
            input.Ics.Select(i => i.Trim()).Where(i => i.Length > 0).ToList(),
            Blank(input.Committee), issued,
            code?.Part ?? TitleText.PartFromTitle(input.TitleZh) ?? TitleText.PartFromTitle(input.TitleEn),
            Blank(input.Type) ?? code?.Type);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
