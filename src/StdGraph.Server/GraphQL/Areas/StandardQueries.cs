using GraphQL;
using GraphQL.Types;
using StdGraph.Core.Codes;
using StdGraph.Server.GraphQL.Types;
using StdGraph.Server.Resolving;

namespace StdGraph.Server.GraphQL.Areas;

/// <summary><c>standard</c>, <c>standards</c>, <c>work</c>: editions by code.</summary>
internal sealed class StandardQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<StandardType>("standard")
            .Description("One edition by code, in any spelling the code parser accepts (GB/T 22080-2016, GBT22080-2016, ＧＢ／Ｔ 22080—2016). Null when the snapshot has no such edition.")
            .Argument<NonNullGraphType<StringGraphType>>("code")
            .Resolve(c => c.Service<StandardDirectory>().Find(Codes.Parse(c.GetArgument<string>("code")).Canonical));

        query.Field<NonNullGraphType<ListGraphType<StandardType>>>("standards")
            .Description("Editions by code, in the order asked; null for codes the snapshot does not hold.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("codes")
            .WithComplexityImpact(1, 10)
            .Resolve(c =>
            {
                var codes = c.GetArgument<List<string>>("codes");
                var max = c.Limits().MaxCodesPerRequest;
                if (codes.Count > max)
                    throw new ExecutionError($"at most {max} codes per request; {codes.Count} given") { Code = ErrorCodes.PageSize };
                var directory = c.Service<StandardDirectory>();
                return codes.Select(code => directory.Find(Codes.Parse(code).Canonical)).ToList();
            });

        query.Field<WorkType>("work")
            .Description("A work with all its editions, by its undated code (ISO/IEC 27001) or any edition's code.")
            .Argument<NonNullGraphType<StringGraphType>>("key")
            .Resolve(c =>
            {
                var key = Codes.Parse(c.GetArgument<string>("key")).WorkKey;
                return c.Service<StandardDirectory>().Work(key).Count > 0 ? key : null;
            });
    }
}

internal static class Codes
{
    public static StandardCode Parse(string text) =>
        StandardCode.TryParse(text, out var code, out var error)
            ? code
            : throw new ExecutionError($"'{text}' is not a standard code: {error}") { Code = ErrorCodes.InvalidCode };
}
