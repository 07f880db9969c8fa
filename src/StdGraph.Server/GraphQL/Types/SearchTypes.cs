using GraphQL.Types;
using StdGraph.Server.Resolving;

namespace StdGraph.Server.GraphQL.Types;

internal sealed class SearchFilterInputType : InputObjectGraphType<SearchFilter>
{
    public SearchFilterInputType()
    {
        Name = "SearchFilter";
        Description = "Restrictions of a search. Members combine with AND; the values of a list member are alternatives (OR).";
        Field<ListGraphType<NonNullGraphType<StatusType>>>("status");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("type").Description("Document types: IS, TS, TR, GB/T, RFC…");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("body").Description("Issuing bodies as the body facet names them (SAC, ISO, IEC, ISO/IEC, IETF) or as codes print them (GB, GB/T, RFC).");
        Field<StringGraphType>("committee").Description("Committee code, e.g. ISO/IEC JTC 1/SC 27.");
        Field<StringGraphType>("ics").Description("An ICS class; its subclasses match too (35 matches 35.030).");
        Field<StringGraphType>("field").Description("A field of the taxonomy (see Query.fields).");
        Field<IntGraphType>("year").Description("Year of issue.");
        Field<BooleanGraphType>("hasAdoption").Description("True: only national standards that adopt an international one; false: only those that do not.");
        Field<DegreeType>("degree").Description("Only standards with an adoption of this degree.");
    }
}

internal sealed class SearchConnectionType : ObjectGraphType<SearchPage>
{
    public SearchConnectionType()
    {
        Name = "SearchConnection";
        Description = "A page of search hits with facets over all matches.";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("Matches in all, over all pages.").Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SearchEdgeType>>>>("edges").Resolve(c => c.Source.Hits);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StandardType>>>>("nodes").Description("The hits' editions, without scores.").Resolve(c => c.Source.Hits.Select(h => h.Node));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacetType>>>>("facets").Resolve(c => c.Source.Facets);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(c => c.Source);
    }
}

internal sealed class SearchEdgeType : ObjectGraphType<SearchHit>
{
    public SearchEdgeType()
    {
        Name = "SearchEdge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Pass as `after` to continue after this hit.").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<FloatGraphType>>("score").Resolve(c => c.Source.Score);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("highlights").Description("Matching passages with <em> around the matched terms.").Resolve(c => c.Source.Highlights);
        Field<NonNullGraphType<StandardType>>("node").Resolve(c => c.Source.Node);
    }
}

internal sealed class FacetType : ObjectGraphType<Facet>
{
    public FacetType()
    {
        Name = "Facet";
        Field<NonNullGraphType<StringGraphType>>("name").Description("status, body, type, committee, ics, year, field…").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacetValueType>>>>("values").Resolve(c => c.Source.Values);
    }
}

internal sealed class FacetValueType : ObjectGraphType<FacetValue>
{
    public FacetValueType()
    {
        Name = "FacetValue";
        Field<NonNullGraphType<StringGraphType>>("value").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
    }
}

internal sealed class PageInfoType : ObjectGraphType<SearchPage>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(c => c.Source.HasNextPage);
        Field<StringGraphType>("endCursor").Resolve(c => c.Source.EndCursor);
    }
}
