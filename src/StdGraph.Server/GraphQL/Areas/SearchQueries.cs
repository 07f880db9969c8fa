using GraphQL;
using GraphQL.Types;
using StdGraph.Server.GraphQL.Types;
using StdGraph.Server.Resolving;

namespace StdGraph.Server.GraphQL.Areas;

/// <summary><c>search</c>: full text with filters, facets and cursor pagination.</summary>
internal sealed class SearchQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<SearchConnectionType>>("search")
            .Description("Full-text search over codes and titles (Chinese, English, code spellings), with filters and facets. Page with first/after.")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .Argument<SearchFilterInputType>("filter")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 10)
            .Argument<StringGraphType>("after", "The cursor of the last edge of the previous page.")
            // A search is worth many field reads: it is what an attacker would multiply with aliases.
            .WithComplexityImpact(200)
            .ResolveAsync(async c =>
            {
                var first = c.First(c.Limits().DefaultPageSize);
                var filter = c.GetArgument<SearchFilter?>("filter") ?? new SearchFilter();
                try
                {
                    return (object?)await c.Service<ISearchService>()
                        .SearchAsync(new SearchQuery(c.GetArgument<string>("text"), filter, first, c.GetArgument<string?>("after"),
                            Highlights: c.Selects("edges", "highlights"), Facets: c.Selects("facets")), c.CancellationToken);
                }
                catch (SearchRequestException e)
                {
                    throw new ExecutionError(e.Message) { Code = ErrorCodes.BadUserInput };
                }
            });
}
