using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace StdGraph.Core.Codes;

/// <summary>
/// The one parser and normaliser of standard codes. Accepts the spellings users and catalogues print
/// (full-width forms, em dashes, missing spaces, IEC- and ISO-style supplements) and yields one canonical form.
/// </summary>
public static partial class StandardCodeParser
{
    private const int MaxLength = 200;

    private static readonly HashSet<string> InternationalBodies =
        ["ISO", "IEC", "IEEE", "ASTM", "SAE", "ASME", "OECD", "CISPR", "HL7", "CIE", "IDF", "UNDP", "IULTCS", "CEN", "ILAC"];

    // Deliverable types, upper-case key → printed form.
    private static readonly Dictionary<string, string> Types = new()
    {
        ["TR"] = "TR", ["TS"] = "TS", ["PAS"] = "PAS", ["ISP"] = "ISP", ["TTA"] = "TTA", ["GUIDE"] = "Guide",
        ["R"] = "R", ["IWA"] = "IWA", ["SRD"] = "SRD", ["CA"] = "CA",
    };

    // Draft stages, upper-case key → (printed form, type the stage implies).
    private static readonly Dictionary<string, (string Printed, string? ImpliedType)> Stages = new()
    {
        ["PWI"] = ("PWI", null), ["NP"] = ("NP", null), ["AWI"] = ("AWI", null), ["WD"] = ("WD", null),
        ["CD"] = ("CD", null), ["DIS"] = ("DIS", null), ["FDIS"] = ("FDIS", null), ["PRF"] = ("PRF", null),
        ["DTR"] = ("DTR", "TR"), ["DTS"] = ("DTS", "TS"), ["DPAS"] = ("DPAS", "PAS"), ["DGUIDE"] = ("DGuide", "Guide"),
        ["PDTR"] = ("PDTR", "TR"), ["PDTS"] = ("PDTS", "TS"), ["FDTR"] = ("FDTR", "TR"), ["FDTS"] = ("FDTS", "TS"),
        ["DISP"] = ("DISP", "ISP"), ["PDISP"] = ("PDISP", "ISP"), ["FDISP"] = ("FDISP", "ISP"), ["DTTA"] = ("DTTA", "TTA"),
        ["DIWA"] = ("DIWA", "IWA"), ["PRVC"] = ("PRVC", null),
    };

    private static readonly Dictionary<string, string> SupplementKinds = new()
    {
        ["AMD"] = "Amd", ["AM"] = "Amd", ["COR"] = "Cor", ["CORR"] = "Cor", ["ADD"] = "Add", ["SUPPL"] = "Suppl",
        ["DAM"] = "DAM", ["FDAM"] = "FDAM", ["PDAM"] = "PDAM", ["DAMD"] = "DAM", ["DCOR"] = "DCor", ["FDCOR"] = "FDCor",
        ["DAD"] = "DAD", ["PDAD"] = "PDAD", ["FRAG"] = "Frag", ["ISH"] = "ISH", ["EXT"] = "Ext", ["ERR"] = "Err",
    };

    /// <summary>Parses <paramref name="text"/> or throws <see cref="FormatException"/> with the reason.</summary>
    public static StandardCode Parse(string text) =>
        TryParse(text, out var code, out var error) ? code : throw new FormatException(error);

    public static bool TryParse(string? text, out StandardCode code, out string? error)
    {
        code = null!;
        if (string.IsNullOrWhiteSpace(text)) { error = "empty code"; return false; }
        if (text.Length > MaxLength) { error = $"code longer than {MaxLength} characters"; return false; }
        if (!IsWellFormedUtf16(text)) { error = $"'{text}' contains invalid characters (an unpaired surrogate)"; return false; }
        string normal;
        bool allParts;
        try
        {
            normal = Normalise(text, out allParts);
        }
        catch (ArgumentException)
        {
            error = $"'{text}' contains characters that are not valid Unicode text";
            return false;
        }

        if (normal.Length == 0) { error = $"'{text}' is not a standard code"; return false; }
        if (normal.Any(char.IsControl)) { error = $"'{text}' contains control characters"; return false; }

        var upper = normal.ToUpperInvariant();
        error = null;
        var result = TryRfc(upper) ?? TryItu(upper) ?? TryChinese(upper, allParts) ?? TryInternational(upper, allParts) ?? TryOther(normal, allParts, out error);
        if (result is null)
        {
            error ??= $"'{text}' is not a standard code";
            return false;
        }

        code = result;
        error = null;
        return true;
    }

    private static bool IsWellFormedUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(text[i])) return false;
        }

        return true;
    }

    /// <summary>Width-folds (NFKC), unifies dashes and spacing, and strips an "all parts" marker.</summary>
    internal static string Normalise(string text, out bool allParts)
    {
        var s = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            sb.Append(ch switch
            {
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58' or '\uFE63' => '-',
                '\u3000' or '\u00A0' or '\t' => ' ',
                _ => ch,
            });
        }

        s = sb.ToString().Trim();
        allParts = false;
        var marker = AllPartsMarker().Match(s);
        if (marker.Success)
        {
            allParts = true;
            s = s[..marker.Index].TrimEnd();
        }

        s = Whitespace().Replace(s, " ");
        s = SpaceAroundSlash().Replace(s, "/");
        s = SpaceAroundColon().Replace(s, ":");
        return s;
    }

    private static StandardCode? TryRfc(string upper)
    {
        var m = Rfc().Match(upper);
        if (!m.Success) return null;
        var number = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        var canonical = "RFC " + number;
        return new StandardCode(CodeFamily.Rfc, "IETF", "RFC", "RFC", null, number, null, null, [], null, false, canonical, canonical);
    }

    private static StandardCode? TryItu(string upper)
    {
        var m = Itu().Match(upper);
        if (!m.Success) return null;
        var prefix = "ITU-" + m.Groups["sector"].Value;
        var number = m.Groups["series"].Value + "." + m.Groups["n"].Value;
        int? year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
        var work = prefix + " " + number;
        var canonical = year is null ? work : $"{work}:{year}";
        return new StandardCode(CodeFamily.Itu, prefix, prefix, null, null, number, null, year, [], null, false, canonical, work);
    }

    private static StandardCode? TryChinese(string upper, bool allParts)
    {
        var m = Chinese().Match(upper);
        if (!m.Success) return null;
        var prefix = m.Groups["prefix"].Value switch
        {
            "GBT" => "GB/T",
            "GBZ" => "GB/Z",
            var p => p,
        };
        var isGb = prefix is "GB" or "GB/T" or "GB/Z";
        if (!isGb && InternationalBodies.Contains(prefix.Split('/')[0])) return null;
        var number = m.Groups["number"].Value;
        string? part = m.Groups["part"].Success ? m.Groups["part"].Value : null;
        int? year = null;
        if (m.Groups["year"].Success)
        {
            var y = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
            year = m.Groups["year"].Value.Length == 2 ? 1900 + y : y;
        }

        var body = isGb ? "SAC" : prefix.Split('/')[0];
        var work = $"{prefix} {number}{(part is null ? "" : "." + part)}";
        var canonical = year is null ? work : $"{work}-{year}";
        return new StandardCode(CodeFamily.Chinese, body, prefix, prefix, null, number, part, year, [], null, allParts, canonical, work);
    }

    private static StandardCode? TryInternational(string upper, bool allParts)
    {
        var m = InternationalBase().Match(upper);
        if (!m.Success) return null;

        var bodies = new List<string>();
        string? type = null;
        string? stage = null;
        foreach (var token in m.Groups["prefix"].Value.Split(['/', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (InternationalBodies.Contains(token) && stage is null && type is null) bodies.Add(token);
            else if (Stages.TryGetValue(token, out var st) && stage is null && type is null) { stage = st.Printed; type = st.ImpliedType; }
            else if (Types.TryGetValue(token, out var t) && (type is null || Stages.Values.Any(v => v.Printed == stage && v.ImpliedType == t)) ) type = t;
            else return null;
        }

        if (bodies.Count == 0 && type != "IWA") return null;

        var number = m.Groups["number"].Value;
        string? part = m.Groups["part"].Success && m.Groups["part"].Value.Length > 0 ? m.Groups["part"].Value[1..] : null;
        int? year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : null;

        var supplements = new List<CodeSupplement>();
        var rest = m.Groups["rest"].Value;
        string? variant = null;
        while (rest.Length > 0)
        {
            var s = Supplement().Match(rest);
            if (s.Success)
            {
                var kind = SupplementKinds[s.Groups["kind"].Value];
                string? supNumber = s.Groups["num"].Success ? s.Groups["num"].Value.TrimStart('0') : null;
                if (supNumber is { Length: 0 }) supNumber = "0";
                int? supYear = s.Groups["year"].Success ? int.Parse(s.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
                string? supStage = s.Groups["stage"].Success ? s.Groups["stage"].Value : null;
                supplements.Add(new CodeSupplement(kind, supNumber, supYear, supStage, s.Groups["sep"].Value == "+"));
                rest = rest[s.Length..];
                continue;
            }

            var v = Variant().Match(rest);
            if (v.Success && variant is null)
            {
                variant = v.Groups["variant"].Value;
                rest = rest[v.Length..];
                continue;
            }

            return null;
        }

        return Build(bodies, type, stage, number, part, year, supplements, variant, allParts);
    }

    private static StandardCode Build(
        IReadOnlyList<string> bodies, string? type, string? stage, string number, string? part, int? year,
        IReadOnlyList<CodeSupplement> supplements, string? variant, bool allParts)
    {
        var prefix = string.Join('/', bodies);
        var body = bodies.Count == 0 ? "ISO" : prefix == "CISPR" ? "IEC" : prefix;
        var canonical = FormatInternational(bodies, type, stage, number, part, year, supplements, variant);
        var work = FormatInternational(bodies, type, null, number, part, null, [], null);
        return new StandardCode(CodeFamily.International, body, prefix.Length == 0 ? type ?? "" : prefix, type, stage, number, part, year, supplements, variant, allParts, canonical, work);
    }

    private static string FormatInternational(
        IReadOnlyList<string> bodies, string? type, string? stage, string number, string? part, int? year,
        IReadOnlyList<CodeSupplement> supplements, string? variant)
    {
        var qualifiers = new List<string>(2);
        if (stage is not null) qualifiers.Add(stage);
        var stageImpliesType = stage is not null && Stages.Values.Any(s => s.Printed == stage && s.ImpliedType == type && type is not null);
        if (type is not null && !stageImpliesType) qualifiers.Add(type);

        var sb = new StringBuilder();
        sb.Append(string.Join('/', bodies));
        for (var i = 0; i < qualifiers.Count; i++)
        {
            if (sb.Length == 0) { sb.Append(qualifiers[i]); continue; }
            var slash = i == 0 && qualifiers[i] != "Guide" && qualifiers[i] != "IWA" &&
                        ((bodies is ["ISO"]) || (bodies is ["IEC"] && stage is not null));
            sb.Append(slash ? '/' : ' ').Append(qualifiers[i]);
        }

        sb.Append(' ').Append(number);
        if (part is not null) sb.Append('-').Append(part);
        if (year is not null) sb.Append(':').Append(year.Value.ToString(CultureInfo.InvariantCulture));
        foreach (var s in supplements) sb.Append(s);
        if (variant is not null) sb.Append(' ').Append(variant);
        return sb.ToString();
    }

    private static StandardCode? TryOther(string normal, bool allParts, out string? error)
    {
        error = null;
        var m = OtherCode().Match(normal);
        if (!m.Success || !normal.Any(char.IsAsciiDigit))
        {
            error = $"'{normal}' is not a standard code: expected an issuing body followed by a number (e.g. 'GB/T 22080-2016', 'ISO/IEC 27001:2022', 'RFC 9110')";
            return null;
        }

        var body = m.Groups["body"].Value.TrimEnd('/');
        var yearMatch = TrailingYear().Match(normal);
        int? year = null;
        var work = normal;
        if (yearMatch.Success && normal[..yearMatch.Index].Any(char.IsAsciiDigit))
        {
            year = int.Parse(yearMatch.Groups["year"].Value, CultureInfo.InvariantCulture);
            work = normal[..yearMatch.Index].TrimEnd();
            // A work key must read back as itself; when stripping the year leaves something another grammar reads
            // differently (a dash-part taken for a two-digit year), the code stays its own work.
            if (!TryParse(work, out var again, out _) || again.Canonical != work) work = normal;
        }

        return new StandardCode(CodeFamily.Other, body, body, null, null, normal[m.Groups["body"].Length..].Trim(), null, year, [], null, allParts, normal, work);
    }

    /// <summary>The same code with another year and supplements (used to derive base editions).</summary>
    internal static StandardCode With(StandardCode code, int? year, IReadOnlyList<CodeSupplement> supplements)
    {
        switch (code.Family)
        {
            case CodeFamily.International:
                IReadOnlyList<string> bodies = code.Prefix == "IWA" ? [] : code.Prefix.Split('/');
                return Build(bodies, code.Type, code.Stage, code.Number, code.Part, year, supplements, null, code.AllParts);
            default:
                return code;
        }
    }

    [GeneratedRegex(@"\s*[(（]\s*(所有部分|all parts)\s*[)）]\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AllPartsMarker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s*/\s*")]
    private static partial Regex SpaceAroundSlash();

    [GeneratedRegex(@"\s*:\s*")]
    private static partial Regex SpaceAroundColon();

    [GeneratedRegex(@"^RFC\s*-?\s*(?<n>[0-9]{1,5})$")]
    private static partial Regex Rfc();

    [GeneratedRegex(@"^ITU-?(?<sector>[TR])\s*(?:REC\.?\s*)?(?<series>[A-Z])\.?\s*(?<n>[0-9]+(?:\.[0-9]+)*)(?::(?<year>[0-9]{4}))?$")]
    private static partial Regex Itu();

    [GeneratedRegex(@"^(?<prefix>GB/T|GB/Z|GBT|GBZ|GB|[A-Z]{1,4}/[TZ])\s*(?<number>[A-Z]?[0-9]+)(?:\.(?<part>[0-9]+(?:\.[0-9]+)*))?(?:\s*-\s*(?<year>(?:19|20)[0-9]{2}|[0-9]{2}))?$")]
    private static partial Regex Chinese();

    [GeneratedRegex(@"^(?<prefix>(?:HL7|[A-Z]+)(?:[/ ](?:HL7|[A-Z]+))*)\s*(?<number>[0-9]+[A-Z]*(?:\.[0-9]+)*)(?<part>(?:-[A-Z0-9]+(?:\.[0-9]+)*)*)(?::(?<year>[0-9]{4}))?(?<rest>.*)$")]
    private static partial Regex InternationalBase();

    [GeneratedRegex(@"^\s*(?<sep>[/+])\s*(?:(?<stage>CD|WD|DIS|FDIS|PRF|AWI|NP|PWI)\s+)?(?<kind>AMD|AM|CORR|COR|ADD|SUPPL|DAMD|DAM|FDAM|PDAM|DCOR|FDCOR|DAD|PDAD|FRAG|ISH|EXT|ERR)(?![A-Z])\s*\.?\s*(?<num>[0-9]+(?:\.[0-9]+)*)?(?::(?<year>[0-9]{4}))?")]
    private static partial Regex Supplement();

    [GeneratedRegex(@"^\s+(?<variant>CSV|CMV|RLV|EXV|PRV|SER|FIL|DB)(?![A-Z])")]
    private static partial Regex Variant();

    [GeneratedRegex(@"^(?<body>[A-Z][A-Z]+(?:[-/][A-Z0-9]+)*)(?=[\s0-9(]|$)")]
    private static partial Regex OtherCode();

    [GeneratedRegex(@"[:\-](?<year>(?:19|20)[0-9]{2})$")]
    private static partial Regex TrailingYear();
}
