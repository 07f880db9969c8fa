using GraphQL.Types;
using StdGraph.Equivalents;

namespace StdGraph.Server.GraphQL.Types;

internal sealed class EditionSummaryType : ObjectGraphType<EditionSummary>
{
    public EditionSummaryType()
    {
        Name = "EditionSummary";
        Description = "An edition with what is known about it now.";
        Field(x => x.Code);
        Field(x => x.Work).Description("The work key (code without year).");
        Field(x => x.TitleEn, nullable: true);
        Field(x => x.TitleZh, nullable: true);
        Field(x => x.Status, nullable: true);
        Field(x => x.Issued, nullable: true);
        Field(x => x.Committee, nullable: true);
        Field(x => x.InCatalogue);
    }
}

internal sealed class AdoptionLinkType : ObjectGraphType<AdoptionLink>
{
    public AdoptionLinkType()
    {
        Name = "AdoptionLink";
        Description = "A declared adoption: the national standard adopts the international edition, with the degree printed on it.";
        Field<NonNullGraphType<EditionSummaryType>>("national").Resolve(c => c.Source.National);
        Field<NonNullGraphType<EditionSummaryType>>("international").Resolve(c => c.Source.International);
        Field(x => x.Degree, nullable: true).Description("IDT, MOD, NEQ, or the legacy EQV as printed; null when the degree is not declared.");
        Field(x => x.DegreeLabel, nullable: true);
        Field(x => x.ExactEdition).Description("False when the record names the work, not a dated edition.");
        Field<EditionSummaryType>("successor").Description("The edition that replaced the adopted one.").Resolve(c => c.Source.Successor);
        Field<EditionSummaryType>("current").Description("The end of the replacement chain.").Resolve(c => c.Source.Current);
        Field(x => x.NewerNationalAdoption, nullable: true).Description("A national standard adopting a later edition of the same work, when one exists.");
        Field(x => x.NewerNationalAdoptionOf, nullable: true);
    }
}

internal sealed class ExplicitEquivalentsType : ObjectGraphType<ExplicitEquivalents>
{
    public ExplicitEquivalentsType()
    {
        Name = "Equivalents";
        Description = "Declared counterparts of a code, both directions.";
        Field(x => x.Query);
        Field(x => x.Found);
        Field<EditionSummaryType>("edition").Resolve(c => c.Source.Edition);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AdoptionLinkType>>>>("adopts").Resolve(c => c.Source.Adopts);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AdoptionLinkType>>>>("adoptedBy").Resolve(c => c.Source.AdoptedBy);
    }
}

internal sealed class CandidateInputType : InputObjectGraphType<CandidateInput>
{
    public CandidateInputType()
    {
        Name = "CandidateInput";
        Description = "What is known of a standard or draft: any member may be missing.";
        Field<StringGraphType>("titleEn");
        Field<StringGraphType>("titleZh");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("ics");
        Field<StringGraphType>("committee");
        Field<StringGraphType>("issued").Description("YYYY, YYYY-MM or YYYY-MM-DD.");
        Field<StringGraphType>("code").Description("The national code, when there is one.");
        Field<StringGraphType>("type");
    }
}

internal sealed class EquivalentCandidateType : ObjectGraphType<EquivalentCandidate>
{
    public EquivalentCandidateType()
    {
        Name = "EquivalentCandidate";
        Field(x => x.Code);
        Field(x => x.Confidence).Description("Estimated probability in [0,1] that this is the counterpart; 1 for declared adoptions.");
        Field(x => x.Explicit);
        Field(x => x.Degree, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("reasons").Resolve(c => c.Source.Reasons);
        Field(x => x.Work);
        Field(x => x.Title, nullable: true);
        Field(x => x.Status, nullable: true);
        Field(x => x.Issued, nullable: true);
        Field(x => x.Committee, nullable: true);
    }
}

internal sealed class CandidateResultType : ObjectGraphType<CandidateResult>
{
    public CandidateResultType()
    {
        Name = "CandidateResult";
        Field(x => x.Mode).Description("en: the English title was used; zh: the Chinese title was translated with the learned lexicon; none: no title.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("queryTerms").Resolve(c => c.Source.QueryTerms);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EquivalentCandidateType>>>>("candidates").Resolve(c => c.Source.Candidates);
    }
}

internal sealed class GapFilterInputType : InputObjectGraphType<GapFilter>
{
    public GapFilterInputType()
    {
        Name = "GapFilter";
        Field<StringGraphType>("committee").Description("National or international committee, by prefix.");
        Field<StringGraphType>("field").Description("A field id or label of the taxonomy.");
        Field<BooleanGraphType>("includeClosed").Description("Include gaps a newer national adoption has closed (default true).");
    }
}

internal sealed class AdoptionGapType : ObjectGraphType<AdoptionGap>
{
    public AdoptionGapType()
    {
        Name = "AdoptionGap";
        Description = "A national standard whose adopted international edition has been superseded or withdrawn.";
        Field(x => x.National);
        Field(x => x.NationalStatus, nullable: true);
        Field(x => x.NationalTitle, nullable: true);
        Field(x => x.NationalCommittee, nullable: true);
        Field(x => x.Adopts);
        Field(x => x.Degree, nullable: true);
        Field(x => x.AdoptedStatus);
        Field(x => x.Successor, nullable: true);
        Field(x => x.SuccessorIssued, nullable: true);
        Field(x => x.Current, nullable: true);
        Field(x => x.SupersededSince, nullable: true);
        Field(x => x.SupersededYears, nullable: true);
        Field(x => x.GapClosed);
        Field(x => x.ClosedBy, nullable: true);
        Field(x => x.ClosedByAdopts, nullable: true);
        Field(x => x.InternationalCommittee, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("fields").Resolve(c => c.Source.Fields);
    }
}

/// <summary>A page of adoption gaps.</summary>
internal sealed record GapPage(int TotalCount, IReadOnlyList<AdoptionGap> Gaps, int Offset, bool HasNextPage);

internal sealed class AdoptionGapConnectionType : ObjectGraphType<GapPage>
{
    public AdoptionGapConnectionType()
    {
        Name = "AdoptionGapConnection";
        Field(x => x.TotalCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AdoptionGapType>>>>("nodes").Resolve(c => c.Source.Gaps);
        Field<StringGraphType>("endCursor").Description("Pass as `after` for the next page.")
            .Resolve(c => c.Source.Gaps.Count == 0 ? null : GapCursor.Encode(c.Source.Offset + c.Source.Gaps.Count));
        Field(x => x.HasNextPage);
    }
}

internal static class GapCursor
{
    public static string Encode(int offset) => Convert.ToBase64String(BitConverter.GetBytes(offset));

    public static int Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor)) return 0;
        try
        {
            var bytes = Convert.FromBase64String(cursor);
            if (bytes.Length == 4 && BitConverter.ToInt32(bytes) is var offset and >= 0) return offset;
        }
        catch (FormatException)
        {
        }

        throw new ArgumentException($"'{cursor}' is not a cursor of this list");
    }
}
