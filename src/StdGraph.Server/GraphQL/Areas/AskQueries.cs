using GraphQL;
using GraphQL.Types;
using StdGraph.Answers;
using StdGraph.Server.GraphQL.Types;
using StdGraph.Server.Hosting;

namespace StdGraph.Server.GraphQL.Areas;

/// <summary><c>ask</c>: a grounded answer to a question in Chinese or English.</summary>
internal sealed class AskQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<AnswerType>>("ask")
            .Description("Answers from the graph and index, in the question's language, citing codes; a language model is used only when one is configured. For streaming use POST /ask.")
            .Argument<NonNullGraphType<StringGraphType>>("question")
            .Argument<AnswerFilterInputType>("filter")
            .WithComplexityImpact(500)
            .ResolveAsync(async c =>
            {
                try
                {
                    return (object?)await c.Service<FeatureServices>().Answers.AnswerAsync(
                        c.GetArgument<string>("question"), c.GetArgument<AnswerFilter?>("filter") ?? AnswerFilter.None, c.CancellationToken);
                }
                catch (ArgumentException e)
                {
                    throw new ExecutionError(e.Message) { Code = ErrorCodes.BadUserInput };
                }
            });
}
