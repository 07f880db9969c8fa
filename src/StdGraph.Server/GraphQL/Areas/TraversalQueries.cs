using GraphQL;
using GraphQL.Types;
using StdGraph.Server.GraphQL.Types;
using StdGraph.Server.Resolving;

namespace StdGraph.Server.GraphQL.Areas;

/// <summary><c>path</c>: how two editions are connected.</summary>
internal sealed class TraversalQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query) =>
        query.Field<PathType>("path")
            .Description("A shortest path from one edition to another over the given relations (all relations when via is omitted), or null when none within maxHops.")
            .Argument<NonNullGraphType<StringGraphType>>("from")
            .Argument<NonNullGraphType<StringGraphType>>("to")
            .Argument<ListGraphType<NonNullGraphType<RelationEnumType>>>("via")
            .Argument<IntGraphType>("maxHops", a => a.DefaultValue = 4)
            .WithComplexityImpact(20)
            .ResolveAsync(async c =>
            {
                var maxHops = c.GetArgument("maxHops", 4);
                var limit = c.Limits().MaxHops;
                if (maxHops < 1 || maxHops > limit)
                    throw new ExecutionError($"'maxHops' must be between 1 and {limit}; it was {maxHops}") { Code = ErrorCodes.BadUserInput };
                var directory = c.Service<StandardDirectory>();
                var from = directory.Node(Codes.Parse(c.GetArgument<string>("from")));
                var to = directory.Node(Codes.Parse(c.GetArgument<string>("to")));
                var via = c.GetArgument<List<Relation>?>("via") is { Count: > 0 } v ? v : Enum.GetValues<Relation>().ToList();
                return (object?)await c.Service<GraphWalker>().PathAsync(from, to, via, maxHops, c.CancellationToken);
            });
}
