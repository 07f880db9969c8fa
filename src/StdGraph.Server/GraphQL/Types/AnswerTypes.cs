using GraphQL.Types;
using StdGraph.Answers;

namespace StdGraph.Server.GraphQL.Types;

internal sealed class AnswerCitationType : ObjectGraphType<AnswerCitation>
{
    public AnswerCitationType()
    {
        Name = "Citation";
        Field(x => x.Code);
        Field(x => x.Title, nullable: true);
    }
}

internal sealed class RetrievedStandardType : ObjectGraphType<RetrievedStandard>
{
    public RetrievedStandardType()
    {
        Name = "RetrievedStandard";
        Field(x => x.Code);
        Field(x => x.Title, nullable: true);
        Field(x => x.Status, nullable: true);
        Field(x => x.Reason).Description("Why retrieval put it in the context.");
    }
}

internal sealed class AnswerType : ObjectGraphType<Answer>
{
    public AnswerType()
    {
        Name = "Answer";
        Description = "A grounded answer: every cited code was retrieved from the catalogue and graph.";
        Field<NonNullGraphType<StringGraphType>>("answer").Resolve(c => c.Source.Text);
        Field(x => x.Language).Description("zh or en, the question's language.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AnswerCitationType>>>>("citations").Resolve(c => c.Source.Citations);
        Field(x => x.UsedLlm);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RetrievedStandardType>>>>("retrieved").Resolve(c => c.Source.Retrieved);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("unverified").Description("Codes a model wrote that were not retrieved (removed or flagged).").Resolve(c => c.Source.Unverified);
        Field(x => x.Found).Description("False when the corpus holds nothing that answers the question.");
        Field(x => x.FallbackReason, nullable: true);
    }
}

internal sealed class AnswerFilterInputType : InputObjectGraphType<AnswerFilter>
{
    public AnswerFilterInputType()
    {
        Name = "AnswerFilter";
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("status").Description("valid, superseded, …");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("body").Description("SAC, ISO, IEC, ISO/IEC, IETF");
        Field<StringGraphType>("field").Description("A field id of the taxonomy.");
        Field<IntGraphType>("maxStandards");
    }
}
