namespace StdGraph.Core.Codes;

/// <summary>Which grammar a code follows; decides how it is printed.</summary>
public enum CodeFamily
{
    /// <summary>ISO, IEC, joint ISO/IEC(/IEEE), CISPR, IWA and similar: <c>number-part:year</c>.</summary>
    International,

    /// <summary>Chinese national and sector standards: <c>GB/T number.part-year</c>.</summary>
    Chinese,

    /// <summary>IETF Request for Comments.</summary>
    Rfc,

    /// <summary>ITU recommendations: <c>ITU-T X.509</c>.</summary>
    Itu,

    /// <summary>Another body's identifier, kept as printed (normalised for spacing and width).</summary>
    Other,
}

/// <summary>An amendment, corrigendum or other supplement appended to a base code.</summary>
/// <param name="Kind">Normalised kind: <c>Amd</c>, <c>Cor</c>, <c>Add</c>, <c>Suppl</c>, <c>DAM</c>, <c>Frag</c>, …</param>
/// <param name="Stage">Draft stage printed before the kind (<c>CD</c> in <c>/CD Amd 1</c>), if any.</param>
/// <param name="Consolidated">True when joined with <c>+</c> (a consolidated version) rather than <c>/</c>.</param>
public sealed record CodeSupplement(string Kind, string? Number, int? Year, string? Stage = null, bool Consolidated = false)
{
    public override string ToString()
    {
        var text = (Consolidated ? "+" : "/") + (Stage is null ? "" : Stage + " ") + Kind;
        if (Number is not null) text += " " + Number;
        if (Year is not null) text += ":" + Year;
        return text;
    }
}

/// <summary>
/// A parsed standard code. Two spellings of one code parse to equal values (equality is by <see cref="Canonical"/>).
/// Produced only by <see cref="StandardCodeParser"/>.
/// </summary>
public sealed class StandardCode : IEquatable<StandardCode>
{
    internal StandardCode(
        CodeFamily family, string body, string prefix, string? type, string? stage, string number, string? part,
        int? year, IReadOnlyList<CodeSupplement> supplements, string? variant, bool allParts, string canonical, string workKey)
    {
        Family = family;
        Body = body;
        Prefix = prefix;
        Type = type;
        Stage = stage;
        Number = number;
        Part = part;
        Year = year;
        Supplements = supplements;
        Variant = variant;
        AllParts = allParts;
        Canonical = canonical;
        WorkKey = workKey;
    }

    public CodeFamily Family { get; }

    /// <summary>The issuing body: <c>ISO</c>, <c>IEC</c>, <c>ISO/IEC</c>, <c>SAC</c> (for GB), <c>IETF</c>, <c>ITU-T</c>, or the prefix of another body.</summary>
    public string Body { get; }

    /// <summary>The printed prefix without stage: <c>GB/T</c>, <c>ISO/IEC</c>, <c>ISO/IEC/IEEE</c>, <c>RFC</c>.</summary>
    public string Prefix { get; }

    /// <summary>Deliverable type where the code says it: <c>TR</c>, <c>TS</c>, <c>PAS</c>, <c>Guide</c>, <c>GB/T</c>, <c>RFC</c>…; null for a plain International Standard.</summary>
    public string? Type { get; }

    /// <summary>Draft stage where the code says it: <c>DIS</c>, <c>FDIS</c>, <c>CD</c>, <c>AWI</c>…</summary>
    public string? Stage { get; }

    public string Number { get; }

    /// <summary>Part designation: <c>3-3</c> in <c>IEC 62443-3-3</c>, <c>10</c> in <c>GB/T 25000.10</c>.</summary>
    public string? Part { get; }

    public int? Year { get; }

    public IReadOnlyList<CodeSupplement> Supplements { get; }

    /// <summary>IEC document variant (<c>CSV</c>, <c>CMV</c>, <c>RLV</c>, <c>EXV</c>…).</summary>
    public string? Variant { get; }

    /// <summary>The reference names all parts of the work (<c>GB/T 15972（所有部分）</c>).</summary>
    public bool AllParts { get; }

    /// <summary>The one normalised spelling of this code; the identity of an edition.</summary>
    public string Canonical { get; }

    /// <summary>The code without stage, year, supplements and variant: groups the editions of one work.</summary>
    public string WorkKey { get; }

    public bool IsDated => Year is not null;

    public bool HasSupplement => Supplements.Count > 0;

    /// <summary>True when this code names a whole work (no year, no supplement).</summary>
    public bool IsUndated => Year is null && Supplements.Count == 0;

    /// <summary>The number with its part, as printed: <c>62443-3-3</c>, <c>25000.10</c>.</summary>
    public string NumberWithPart =>
        Part is null ? Number : Number + (Family == CodeFamily.Chinese ? "." : "-") + Part;

    /// <summary>True for national (Chinese) standards.</summary>
    public bool IsNational => Family == CodeFamily.Chinese;

    /// <summary>True for ISO, IEC and joint international deliverables.</summary>
    public bool IsInternational => Family == CodeFamily.International;

    /// <summary>The base edition a supplement belongs to (itself when it has no supplement and no variant).</summary>
    public StandardCode BaseEdition => Supplements.Count == 0 && Variant is null ? this : StandardCodeParser.With(this, Year, []);

    /// <summary>The work this code belongs to, as an undated code.</summary>
    public StandardCode Work => IsUndated && Stage is null && Variant is null ? this : StandardCodeParser.Parse(WorkKey);

    public bool Equals(StandardCode? other) => other is not null && other.Canonical == Canonical;

    public override bool Equals(object? obj) => Equals(obj as StandardCode);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Canonical);

    public override string ToString() => Canonical;

    public static StandardCode Parse(string text) => StandardCodeParser.Parse(text);

    public static bool TryParse(string? text, out StandardCode code, out string? error) => StandardCodeParser.TryParse(text, out code, out error);
}
