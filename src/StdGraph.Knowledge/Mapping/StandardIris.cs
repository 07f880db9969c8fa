using System.Text;
using StdGraph.Core.Codes;
using StdGraph.Rdf;

namespace StdGraph.Knowledge.Mapping;

/// <summary>
/// Stable identifiers derived from codes. The slug of a canonical code keeps ASCII letters, digits, <c>-</c> and
/// <c>.</c>; turns each space, <c>/</c> and <c>:</c> into <c>_</c>; and percent-encodes every other character
/// (UTF-8, upper-case hex, <c>_</c> itself included), so <c>GB/T 22080-2016</c> → <c>GB_T_22080-2016</c> and
/// <c>ISO/IEC 27001:2022/Amd 1:2024</c> → <c>ISO_IEC_27001_2022_Amd_1_2024</c>. The slug depends only on the
/// canonical code, so the same record gets the same IRI on every run and machine; the snapshot is checked by a test
/// to have no two canonical codes with one slug.
/// </summary>
public static class StandardIris
{
    public static string Slug(string code)
    {
        var sb = new StringBuilder(code.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(code))
        {
            var c = (char)b;
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '.') sb.Append(c);
            else if (c is ' ' or '/' or ':') sb.Append('_');
            else sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>The node of a code: an edition for a dated code or a supplement, the work for an undated code.</summary>
    public static Iri For(StandardCode code) => code.IsUndated ? Work(code.WorkKey) : Edition(code.Canonical);

    public static Iri Edition(string canonicalCode) => new(Sg.EditionNamespace + Slug(canonicalCode));

    public static Iri Edition(StandardCode code) => Edition(code.Canonical);

    public static Iri Work(string workKey) => new(Sg.WorkNamespace + Slug(workKey));

    public static Iri Work(StandardCode code) => Work(code.WorkKey);

    public static Iri Committee(string code) => new(Sg.CommitteeNamespace + Slug(code));

    public static Iri Ics(string code) => new(Sg.IcsNamespace + Slug(code));

    public static Iri Body(string body) => new(Sg.BodyNamespace + Slug(body));

    public static Iri CorpusFile(string fileName) => new(Sg.CorpusNamespace + Slug(fileName));

    /// <summary>The canonical code of an edition IRI, or null when <paramref name="iri"/> is not one.</summary>
    public static string? EditionSlug(Iri iri) =>
        iri.Value.StartsWith(Sg.EditionNamespace, StringComparison.Ordinal) && !iri.Value.Contains('#') ? iri.Value[Sg.EditionNamespace.Length..] : null;
}
