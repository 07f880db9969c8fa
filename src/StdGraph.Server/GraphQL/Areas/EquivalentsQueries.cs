using GraphQL;
using GraphQL.Types;
using StdGraph.Equivalents;
using StdGraph.Server.GraphQL.Types;
using StdGraph.Server.Hosting;

namespace StdGraph.Server.GraphQL.Areas;

/// <summary><c>equivalents</c>, <c>suggestEquivalents</c>, <c>adoptionGaps</c>: international counterparts for liaison officers.</summary>
internal sealed class EquivalentsQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ExplicitEquivalentsType>>("equivalents")
            .Description("Declared counterparts of a code in both directions, with degree and what is known of the adopted edition now.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "Any spelling the code parser accepts.")
            .Argument<IntGraphType>("first", "At most this many links each way.", a => a.DefaultValue = 50)
            .WithComplexityImpact(20)
            .ResolveAsync(async c =>
            {
                var first = c.First(50);
                try
                {
                    var result = await c.Service<FeatureServices>().Equivalents.ExplicitAsync(c.GetArgument<string>("code"), c.CancellationToken);
                    return (object?)(result with { Adopts = result.Adopts.Take(first).ToList(), AdoptedBy = result.AdoptedBy.Take(first).ToList() });
                }
                catch (ArgumentException e)
                {
                    throw new ExecutionError(e.Message) { Code = ErrorCodes.InvalidCode };
                }
            });

        query.Field<NonNullGraphType<CandidateResultType>>("suggestEquivalents")
            .Description("Ranked candidate international editions for a standard or draft that declares no adoption, each with a confidence and reasons.")
            .Argument<NonNullGraphType<CandidateInputType>>("input")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 10)
            .WithComplexityImpact(200)
            .ResolveAsync(async c =>
            {
                var first = c.First(10);
                var input = c.GetArgument<CandidateInput>("input");
                // Members left out of the GraphQL input arrive as null, whatever the record's defaults say.
                input = input with { Ics = (IReadOnlyList<string>?)input.Ics ?? [] };
                if (string.IsNullOrWhiteSpace(input.TitleEn) && string.IsNullOrWhiteSpace(input.TitleZh) && input.Ics.Count == 0 && input.Committee is null && input.Code is null)
                    throw new ExecutionError("give at least a title, ICS codes, a committee or a code") { Code = ErrorCodes.BadUserInput };
                try
                {
                    return (object?)await c.Service<FeatureServices>().Equivalents.SuggestAsync(input, first, c.CancellationToken);
                }
                catch (ArgumentException e)
                {
                    throw new ExecutionError(e.Message) { Code = ErrorCodes.BadUserInput };
                }
            });

        query.Field<NonNullGraphType<AdoptionGapConnectionType>>("adoptionGaps")
            .Description("National adoptions whose international edition has been superseded or withdrawn: successor, how long, and whether a newer national adoption closed the gap.")
            .Argument<GapFilterInputType>("filter")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 20)
            .Argument<StringGraphType>("after")
            .WithComplexityImpact(50)
            .ResolveAsync(async c =>
            {
                var first = c.First(20);
                var filter = c.GetArgument<GapFilter?>("filter") ?? new GapFilter();
                int offset;
                IReadOnlyList<AdoptionGap> gaps;
                try
                {
                    offset = GapCursor.Decode(c.GetArgument<string?>("after"));
                    gaps = await c.Service<FeatureServices>().Equivalents.GapsAsync(filter, c.CancellationToken);
                }
                catch (ArgumentException e)
                {
                    throw new ExecutionError(e.Message) { Code = ErrorCodes.BadUserInput };
                }

                var page = gaps.Skip(offset).Take(first).ToList();
                return (object?)new GapPage(gaps.Count, page, offset, offset + page.Count < gaps.Count);
            });
    }
}
