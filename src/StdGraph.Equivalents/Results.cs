namespace StdGraph.Equivalents;

/// <summary>The declared counterparts of one code, in both directions.</summary>
/// <param name="Query">The code as asked (canonical), or the input spelling when it is not in the catalogue.</param>
/// <param name="Found">False when the catalogue has no such edition (nothing else is filled then).</param>
/// <param name="Adopts">International editions this national standard declares it adopts.</param>
/// <param name="AdoptedBy">National standards that declare they adopt this international edition or another edition of its work.</param>
public sealed record ExplicitEquivalents(
    string Query,
    bool Found,
    EditionSummary? Edition,
    IReadOnlyList<AdoptionLink> Adopts,
    IReadOnlyList<AdoptionLink> AdoptedBy);

/// <summary>An edition with what is known about it now.</summary>
public sealed record EditionSummary(
    string Code,
    string Work,
    string? TitleEn,
    string? TitleZh,
    string? Status,
    string? Issued,
    string? Committee,
    bool InCatalogue);

/// <summary>
/// One declared adoption. <see cref="National"/> adopts <see cref="International"/> (the exact edition the record names,
/// resolved in the catalogue where possible); <see cref="Successor"/> is the edition that replaced it and
/// <see cref="Current"/> the end of the replacement chain; <see cref="NewerNationalAdoption"/> is a national standard
/// adopting a later edition of the same international work (or its successor), when one exists.
/// </summary>
public sealed record AdoptionLink(
    EditionSummary National,
    EditionSummary International,
    string? Degree,
    string? DegreeLabel,
    bool ExactEdition,
    EditionSummary? Successor,
    EditionSummary? Current,
    string? NewerNationalAdoption,
    string? NewerNationalAdoptionOf);

/// <summary>What is known of a standard that may not declare an adoption: any field may be missing.</summary>
public sealed record CandidateInput
{
    public string? TitleEn { get; init; }
    public string? TitleZh { get; init; }
    public IReadOnlyList<string> Ics { get; init; } = [];
    public string? Committee { get; init; }

    /// <summary><c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>.</summary>
    public string? Issued { get; init; }

    /// <summary>The national code, when there is one (its part number is used; its declared adoptions are not).</summary>
    public string? Code { get; init; }

    /// <summary>Deliverable type (<c>GB/T</c>, <c>GB/Z</c>…), if known.</summary>
    public string? Type { get; init; }
}

/// <summary>
/// A candidate counterpart. <see cref="Confidence"/> is the probability, estimated by a logistic model trained on
/// the declared adoptions, that this is the adopted edition; explicit (declared) links have confidence 1.
/// </summary>
public sealed record EquivalentCandidate(
    string Code,
    double Confidence,
    bool Explicit,
    string? Degree,
    IReadOnlyList<string> Reasons,
    string Work,
    string? Title,
    string? Status,
    string? Issued,
    string? Committee);

/// <summary>Candidates for one input, best first, with how the input was read.</summary>
/// <param name="Mode"><c>en</c> when an English title was used, <c>zh</c> when the Chinese title was translated with the learned lexicon, <c>none</c> without a title.</param>
/// <param name="QueryTerms">The English terms the title search used (for a Chinese title: its translation).</param>
public sealed record CandidateResult(IReadOnlyList<EquivalentCandidate> Candidates, string Mode, IReadOnlyList<string> QueryTerms);

/// <summary>Which adoption gaps to report. A committee matches the national or the international committee, by prefix.</summary>
public sealed record GapFilter
{
    public string? Committee { get; init; }

    /// <summary>A field id or label; needs a field classifier (see <see cref="IFieldClassifier"/>).</summary>
    public string? Field { get; init; }

    /// <summary>Include gaps a newer national adoption has closed (default true: they are part of the record).</summary>
    public bool IncludeClosed { get; init; } = true;
}

/// <summary>A national standard whose adopted international edition has been superseded or withdrawn.</summary>
public sealed record AdoptionGap(
    string National,
    string? NationalStatus,
    string? NationalTitle,
    string? NationalCommittee,
    string Adopts,
    string? Degree,
    string AdoptedStatus,
    string? Successor,
    string? SuccessorIssued,
    string? Current,
    string? SupersededSince,
    double? SupersededYears,
    bool GapClosed,
    string? ClosedBy,
    string? ClosedByAdopts,
    string? InternationalCommittee,
    IReadOnlyList<string> Fields);
