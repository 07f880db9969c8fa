using GraphQL;
using GraphQL.Types;
using StdGraph.Corpus;
using StdGraph.Engine;
using StdGraph.Server.GraphQL.Types;
using StdGraph.Server.Resolving;

namespace StdGraph.Server.GraphQL.Areas;

/// <summary><c>fields</c>, <c>field</c>, <c>committee</c>, <c>ics</c>, <c>stats</c>: the classifications and counts.</summary>
internal sealed class TaxonomyQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TaxonomyFieldType>>>>("fields")
            .Description("The field taxonomy: the key fields (top level) with their work deployments and areas as children; drill down through children and standards.")
            .Argument<BooleanGraphType>("all", "True: every node flat; false (default): the top level only.", a => a.DefaultValue = false)
            .Resolve(c =>
            {
                var taxonomy = c.Service<IFieldTaxonomy>();
                return c.GetArgument("all", false) ? taxonomy.Fields : taxonomy.Fields.Where(f => f.Parent is null).ToList();
            });

        query.Field<TaxonomyFieldType>("field").Description("One node of the field taxonomy by id.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => c.Service<IFieldTaxonomy>().Find(c.GetArgument<string>("id")));

        query.Field<CommitteeType>("committee").Description("A technical committee by code (ISO/IEC JTC 1/SC 27).")
            .Argument<NonNullGraphType<StringGraphType>>("code")
            .Resolve(c =>
            {
                var code = c.GetArgument<string>("code").Trim();
                var catalogue = c.Service<Catalogue>();
                return catalogue.Committees.TryGetValue(code, out var committee)
                    ? committee
                    : catalogue.Committees.Values.FirstOrDefault(x => string.Equals(x.Code, code, StringComparison.OrdinalIgnoreCase))
                      ?? (c.Service<StandardDirectory>().OfCommittee(code).Count > 0 ? new Core.Catalogue.Committee { Code = code } : null);
            });

        query.Field<IcsType>("ics").Description("An ICS class by code (35, 35.030).")
            .Argument<NonNullGraphType<StringGraphType>>("code")
            .Resolve(c => c.Service<Catalogue>().Ics.TryGetValue(c.GetArgument<string>("code").Trim(), out var ics) ? ics : null);

        query.Field<NonNullGraphType<StatsType>>("stats").Description("Counts over the data in service.")
            .ResolveAsync(async c => (object?)await c.Service<Hosting.EngineHost>().Engine.StatisticsAsync(c.CancellationToken));
    }
}
