using GraphQL;
using GraphQL.Types;
using StdGraph.Core.Catalogue;
using StdGraph.Server.GraphQL.Loading;
using StdGraph.Server.Resolving;

namespace StdGraph.Server.GraphQL.Types;

/// <summary>Adds fields to <c>Standard</c>; register one in DI to extend the type from another area (equivalents, answers).</summary>
public interface IStandardFields
{
    void AddTo(ObjectGraphType<StandardNode> standard);
}

/// <summary>One edition of a standard, with the relations the graph holds.</summary>
internal sealed class StandardType : ObjectGraphType<StandardNode>
{
    private const int DefaultRelationPage = 50;

    public StandardType(IEnumerable<IStandardFields> extensions)
    {
        Name = "Standard";
        Description = "One edition of a standard (GB/T 22080-2016, ISO/IEC 27001:2022, RFC 9110). An edition known only as a relation target has its code and no catalogue facts (inCatalogue: false).";

        Field<NonNullGraphType<StringGraphType>>("code").Description("The code as the catalogue prints it.").Resolve(c => c.Source.DisplayCode);
        Field<NonNullGraphType<StringGraphType>>("canonical").Description("The normalised code, the identity of the edition.").Resolve(c => c.Source.Canonical);
        Field<NonNullGraphType<StringGraphType>>("iri").Description("Stable identifier, e.g. https://stdgraph.org/id/GB_T_22080-2016.").Resolve(c => StandardIri.For(c.Source.Code));
        Field<NonNullGraphType<StringGraphType>>("workKey").Description("The work all editions share (ISO/IEC 27001); see Query.work.").Resolve(c => c.Source.Code.WorkKey);
        Field<NonNullGraphType<BooleanGraphType>>("inCatalogue").Description("False for a relation target the snapshot has no record of.").Resolve(c => c.Source.InCatalogue);
        Field<StringGraphType>("body").Description("Issuing body: GB, ISO, IEC, ISO/IEC, IETF…").Resolve(c => c.Source.Code.Body);
        Field<StringGraphType>("title")
            .Description("The title in the given language; without lang, Chinese first for national standards and English first otherwise. With fallback: false, null when that language is missing.")
            .Argument<LanguageType>("lang")
            .Argument<BooleanGraphType>("fallback", a => a.DefaultValue = true)
            .Resolve(c => c.Source.Edition is { } e
                ? Languages.Pick(e.Titles, c.GetArgument<Language?>("lang"), c.GetArgument("fallback", true), c.Source.Code.IsNational)
                : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LocalizedTextType>>>>("titles").Resolve(c => Texts(c.Source.Edition?.Titles));
        Field<StringGraphType>("abstract").Argument<LanguageType>("lang")
            .Resolve(c => c.Source.Edition is { } e ? Languages.Pick(e.Abstracts, c.GetArgument<Language?>("lang"), true, c.Source.Code.IsNational) : null);
        Field<StatusType>("status").Resolve(c => c.Source.Edition?.Status);
        Field<StringGraphType>("type").Description("IS, TS, TR, Guide, RFC, GB, GB/T, GB/Z…").Resolve(c => c.Source.Edition?.Type);
        Field<StringGraphType>("stage").Description("ISO harmonized stage code.").Resolve(c => c.Source.Edition?.Stage);
        Field<StringGraphType>("issued").Description("Date of issue: YYYY, YYYY-MM or YYYY-MM-DD.").Resolve(c => c.Source.Edition?.Issued?.ToString());
        Field<StringGraphType>("effective").Resolve(c => c.Source.Edition?.Effective?.ToString());
        Field<StringGraphType>("withdrawn").Resolve(c => c.Source.Edition?.Withdrawn?.ToString());
        Field<IntGraphType>("year").Resolve(c => c.Source.Code.Year ?? c.Source.Edition?.Issued?.Year);
        Field<StringGraphType>("edition").Resolve(c => c.Source.Edition?.Edition);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("ics").Description("ICS classes.").Resolve(c => c.Source.Edition?.Ics ?? []);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("ccs").Description("Chinese Classification for Standards codes.").Resolve(c => c.Source.Edition?.Ccs ?? []);
        Field<StringGraphType>("committee").Description("Committee code; see Query.committee.").Resolve(c => c.Source.Edition?.Committee);
        Field<StringGraphType>("category").Description("RFC status (PROPOSED STANDARD, INFORMATIONAL…).").Resolve(c => c.Source.Edition?.Category);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("sources").Description("Where the facts were read.").Resolve(c => c.Source.Edition?.Sources ?? []);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FieldMembershipType>>>>("fields")
            .Description("The fields of the taxonomy this edition belongs to, each with the rule that placed it there.")
            .WithComplexityImpact(2)
            .Resolve(c => c.Loaders().Fields(c.Source.Canonical));

        RelationList("replaces", Relation.Replaces, "Editions this one supersedes.");
        RelationList("replacedBy", Relation.ReplacedBy, "Editions that supersede this one.");
        RelationList("amendments", Relation.Amendments, "Amendments and corrigenda that modify this edition.");
        RelationList("amends", Relation.Amends, "The edition this amendment or corrigendum modifies.");
        RelationList("cites", Relation.Cites, "Normative references (dated editions, or the work when undated).");
        RelationList("citedBy", Relation.CitedBy, "Documents that cite this edition.");
        RelationList("updates", Relation.Updates, "RFCs this RFC updates.");
        RelationList("updatedBy", Relation.UpdatedBy, "RFCs that update this RFC.");
        AdoptionList("adopts", Relation.Adopts, "International standards this national standard adopts, with the degree.");
        AdoptionList("adoptedBy", Relation.AdoptedBy, "National standards that adopt this one, with the degree.");

        Field<ListGraphType<NonNullGraphType<StandardType>>>("history")
            .Description("The whole replacement chain this edition is part of, oldest first (this edition included)." + GraphNullNote)
            .WithComplexityImpact(5)
            .Resolve(c => c.Service<HistoryLoader>().Load(c.Source.Canonical));

        Field<ListGraphType<NonNullGraphType<RelatedType>>>("related")
            .Description("Editions reachable over the given relations within depth steps (breadth first, each edition once, nearest first)." + GraphNullNote)
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<RelationEnumType>>>>("relations")
            .Argument<IntGraphType>("depth", a => a.DefaultValue = 1)
            .Argument<IntGraphType>("first", a => a.DefaultValue = DefaultRelationPage)
            .WithComplexityImpact(5)
            .ResolveAsync(async c =>
            {
                var depth = c.GetArgument("depth", 1);
                var max = c.Limits().MaxHops;
                if (depth < 1 || depth > max)
                    throw new ExecutionError($"'depth' must be between 1 and {max}; it was {depth}") { Code = ErrorCodes.BadUserInput };
                var first = c.First(DefaultRelationPage);
                var relations = c.GetArgument<List<Relation>>("relations");
                return (object?)await c.Service<GraphWalker>().RelatedAsync(c.Source, relations, depth, first, c.CancellationToken);
            });

        foreach (var extension in extensions) extension.AddTo(this);
    }

    /// <summary>
    /// Graph-backed lists are nullable: when a SPARQL backend is unreachable the list alone is null (with a
    /// GRAPH_UNAVAILABLE error), and the rest of the answer (search hits, catalogue fields) survives.
    /// </summary>
    private const string GraphNullNote = " Null, with a GRAPH_UNAVAILABLE error, while the graph backend is unreachable.";

    private void RelationList(string name, Relation relation, string description) =>
        Field<ListGraphType<NonNullGraphType<StandardType>>>(name)
            .Description(description + GraphNullNote)
            .Argument<IntGraphType>("first", a => a.DefaultValue = DefaultRelationPage)
            .WithComplexityImpact(2)
            .Resolve(c =>
            {
                var first = c.First(DefaultRelationPage);
                return c.Loaders().Links(relation, c.Source.Canonical).Then(links => links.Take(first).Select(l => l.Target).ToList());
            });

    private void AdoptionList(string name, Relation relation, string description) =>
        Field<ListGraphType<NonNullGraphType<AdoptionType>>>(name)
            .Description(description + GraphNullNote)
            .Argument<IntGraphType>("first", a => a.DefaultValue = DefaultRelationPage)
            .WithComplexityImpact(2)
            .Resolve(c =>
            {
                var first = c.First(DefaultRelationPage);
                return c.Loaders().Links(relation, c.Source.Canonical).Then(links => links.Take(first).ToList());
            });

    internal static IReadOnlyList<KeyValuePair<string, string>> Texts(IReadOnlyDictionary<string, string>? texts) =>
        texts is null ? [] : texts.OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
}

/// <summary>An adoption: the adopted (or adopting) edition and the degree of correspondence.</summary>
internal sealed class AdoptionType : ObjectGraphType<StandardLink>
{
    public AdoptionType()
    {
        Name = "Adoption";
        Field<DegreeType>("degree").Description("Null when the adoption is declared without a degree.").Resolve(c => c.Source.Degree);
        Field<StringGraphType>("degreeLabel").Argument<LanguageType>("lang")
            .Resolve(c => c.Source.Degree is { } d ? (c.GetArgument<Language?>("lang") == Language.Zh ? d.ChineseLabel() : d.EnglishLabel()) : null);
        Field<NonNullGraphType<StandardType>>("standard").Resolve(c => c.Source.Target);
    }
}

/// <summary>An edition reached by <c>related</c>, with how it was reached.</summary>
internal sealed class RelatedType : ObjectGraphType<RelatedStandard>
{
    public RelatedType()
    {
        Name = "Related";
        Field<NonNullGraphType<RelationEnumType>>("relation").Description("The relation of the last step.").Resolve(c => c.Source.Relation);
        Field<NonNullGraphType<IntGraphType>>("distance").Description("Steps from the starting edition.").Resolve(c => c.Source.Distance);
        Field<DegreeType>("degree").Resolve(c => c.Source.Degree);
        Field<NonNullGraphType<StandardType>>("via").Description("The edition the last step started from.").Resolve(c => c.Source.Via);
        Field<NonNullGraphType<StandardType>>("standard").Resolve(c => c.Source.Standard);
    }
}
