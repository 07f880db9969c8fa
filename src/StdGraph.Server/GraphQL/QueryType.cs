using GraphQL.Types;

namespace StdGraph.Server.GraphQL;

/// <summary>Adds root fields to <c>Query</c>. Each area of the API is one of these, registered in DI; a new area adds its own.</summary>
public interface IQueryFields
{
    void AddTo(ObjectGraphType query);
}

internal sealed class QueryType : ObjectGraphType
{
    public QueryType(IEnumerable<IQueryFields> areas)
    {
        Name = "Query";
        foreach (var area in areas) area.AddTo(this);
    }
}

internal sealed class StdGraphSchema : Schema
{
    public StdGraphSchema(IServiceProvider services, QueryType query) : base(services)
    {
        Query = query;
        Description = "StdGraph: technical standards (GB, ISO, IEC, ISO/IEC JTC 1, IETF) and the relations between them.";
    }
}
