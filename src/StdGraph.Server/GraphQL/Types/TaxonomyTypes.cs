using GraphQL;
using GraphQL.Types;
using StdGraph.Core.Catalogue;
using StdGraph.Corpus;
using StdGraph.Server.Resolving;

namespace StdGraph.Server.GraphQL.Types;

internal sealed class FieldMembershipType : ObjectGraphType<FieldMembership>
{
    public FieldMembershipType()
    {
        Name = "FieldMembership";
        Description = "Why an edition belongs to a field.";
        Field<NonNullGraphType<TaxonomyFieldType>>("field").Resolve(c => c.Source.Field);
        Field<NonNullGraphType<StringGraphType>>("rule").Description("The rule that placed it: an ICS prefix, a committee or a keyword rule.").Resolve(c => c.Source.Rule);
        Field<NonNullGraphType<StringGraphType>>("reason").Description("What matched the rule.").Resolve(c => c.Source.Reason);
    }
}

internal sealed class TaxonomyFieldType : ObjectGraphType<FieldNode>
{
    public TaxonomyFieldType()
    {
        Name = "Field";
        Description = "A node of the field taxonomy of the Informatization Standard Construction Action Plan: key field, work deployment or emerging area.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("label").Argument<LanguageType>("lang")
            .Resolve(c => c.GetArgument<Language?>("lang") == Language.Zh ? c.Source.LabelZh : c.Source.LabelEn);
        Field<NonNullGraphType<StringGraphType>>("labelEn").Resolve(c => c.Source.LabelEn);
        Field<NonNullGraphType<StringGraphType>>("labelZh").Resolve(c => c.Source.LabelZh);
        Field<TaxonomyFieldType>("parent").Resolve(c => c.Source.Parent is { } p ? c.Service<IFieldTaxonomy>().Find(p) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TaxonomyFieldType>>>>("children")
            .Resolve(c => c.Source.Children.Select(id => c.Service<IFieldTaxonomy>().Find(id)).OfType<FieldNode>().ToList());
        Field<NonNullGraphType<IntGraphType>>("count").Description("Standards in this field and its subfields.").Resolve(c => c.Service<IFieldTaxonomy>().Members(c.Source.Id).Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StandardType>>>>("standards")
            .Description("Standards in this field, newest first.")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 10)
            .Argument<StatusType>("status")
            .WithComplexityImpact(2)
            .Resolve(c =>
            {
                var first = c.First(10);
                var status = c.GetArgument<EditionStatus?>("status");
                var directory = c.Service<StandardDirectory>();
                return c.Service<IFieldTaxonomy>().Members(c.Source.Id)
                    .Select(directory.Find).OfType<StandardNode>()
                    .Where(n => status is null || n.Edition?.Status == status)
                    .Take(first).ToList();
            });
    }
}

internal sealed class WorkType : ObjectGraphType<string>
{
    public WorkType()
    {
        Name = "Work";
        Description = "A standard across its editions (ISO/IEC 27001 = 27001:2005, :2013, :2022 and their amendments).";
        Field<NonNullGraphType<StringGraphType>>("key").Resolve(c => c.Source);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StandardType>>>>("editions").Description("All editions, newest first.")
            .Resolve(c => Editions(c).ToList());
        Field<StandardType>("current").Description("The newest valid edition.")
            .Resolve(c => Editions(c).FirstOrDefault(n => n.Edition?.Status == EditionStatus.Valid));
    }

    private static IEnumerable<StandardNode> Editions(IResolveFieldContext<string> c)
    {
        var directory = c.Service<StandardDirectory>();
        return directory.Work(c.Source).Select(directory.Node);
    }
}

internal sealed class CommitteeType : ObjectGraphType<Committee>
{
    public CommitteeType()
    {
        Name = "Committee";
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(c => c.Source.Code);
        Field<StringGraphType>("title").Argument<LanguageType>("lang").Resolve(c => Languages.Pick(c.Source.Titles, c.GetArgument<Language?>("lang"), true, false));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LocalizedTextType>>>>("titles").Resolve(c => StandardType.Texts(c.Source.Titles));
        Field<StringGraphType>("status").Resolve(c => c.Source.Status);
        Field<StringGraphType>("secretariat").Resolve(c => c.Source.Secretariat);
        Field<StringGraphType>("created").Resolve(c => c.Source.Created?.ToString());
        Field<StringGraphType>("scope").Argument<LanguageType>("lang").Resolve(c => Languages.Pick(c.Source.Scope, c.GetArgument<Language?>("lang"), true, false));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("participants").Description("National bodies (SAC is China).").Resolve(c => c.Source.Participants);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("observers").Resolve(c => c.Source.Observers);
        Field<NonNullGraphType<IntGraphType>>("count").Description("Editions owned by the committee.").Resolve(c => c.Service<StandardDirectory>().OfCommittee(c.Source.Code).Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StandardType>>>>("standards").Description("Editions owned by the committee, newest first.")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 10)
            .WithComplexityImpact(2)
            .Resolve(c =>
            {
                var directory = c.Service<StandardDirectory>();
                return directory.OfCommittee(c.Source.Code).Take(c.First(10)).Select(directory.Node).ToList();
            });
    }
}

internal sealed class IcsType : ObjectGraphType<IcsClass>
{
    public IcsType()
    {
        Name = "Ics";
        Description = "A class of the International Classification for Standards.";
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(c => c.Source.Code);
        Field<StringGraphType>("title").Argument<LanguageType>("lang").Resolve(c => Languages.Pick(c.Source.Titles, c.GetArgument<Language?>("lang"), true, false));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LocalizedTextType>>>>("titles").Resolve(c => StandardType.Texts(c.Source.Titles));
        Field<IcsType>("parent").Resolve(c => c.Source.Parent is { } p && c.Service<Catalogue>().Ics.TryGetValue(p, out var parent) ? parent : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IcsType>>>>("children")
            .Resolve(c => c.Service<Catalogue>().Ics.Values.Where(i => i.Parent == c.Source.Code).OrderBy(i => i.Code, StringComparer.Ordinal).ToList());
        Field<NonNullGraphType<IntGraphType>>("count").Description("Editions in this class or its subclasses.").Resolve(c => c.Service<StandardDirectory>().UnderIcs(c.Source.Code).Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StandardType>>>>("standards").Description("Editions in this class or its subclasses, newest first.")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 10)
            .WithComplexityImpact(2)
            .Resolve(c =>
            {
                var directory = c.Service<StandardDirectory>();
                return directory.UnderIcs(c.Source.Code).Take(c.First(10)).Select(directory.Node).ToList();
            });
    }
}

internal sealed class PathType : ObjectGraphType<StandardPath>
{
    public PathType()
    {
        Name = "Path";
        Field<NonNullGraphType<IntGraphType>>("length").Resolve(c => c.Source.Steps.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathStepType>>>>("steps").Resolve(c => c.Source.Steps);
    }
}

internal sealed class PathStepType : ObjectGraphType<StandardPath.Step>
{
    public PathStepType()
    {
        Name = "PathStep";
        Field<NonNullGraphType<StandardType>>("from").Resolve(c => c.Source.From);
        Field<NonNullGraphType<RelationEnumType>>("relation").Resolve(c => c.Source.Relation);
        Field<DegreeType>("degree").Resolve(c => c.Source.Degree);
        Field<NonNullGraphType<StandardType>>("to").Resolve(c => c.Source.To);
    }
}

internal sealed class StatsType : ObjectGraphType<Engine.EngineStatistics>
{
    public StatsType()
    {
        Name = "Stats";
        Field<NonNullGraphType<IntGraphType>>("editions").Resolve(c => c.Source.Editions);
        Field<NonNullGraphType<IntGraphType>>("committees").Resolve(c => c.Source.Committees);
        Field<NonNullGraphType<IntGraphType>>("icsClasses").Resolve(c => c.Source.IcsClasses);
        Field<NonNullGraphType<LongGraphType>>("triples").Resolve(c => c.Source.Triples);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CountType>>>>("byBody").Resolve(c => c.Source.ByBody.ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CountType>>>>("byStatus").Resolve(c => c.Source.ByStatus.ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CountType>>>>("byField").Resolve(c => c.Source.ByField.ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CountType>>>>("byWorkDeployment").Resolve(c => c.Source.ByWorkDeployment.ToList());
    }
}
