using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using StdGraph.Search.Indexing;

namespace StdGraph.Search.Querying;

/// <summary>Multiplies each hit's score by its status rank (<see cref="StatusRank"/>), so valid editions lead their work.</summary>
internal sealed class StatusRankQuery(Query inner) : CustomScoreQuery(inner)
{
    protected override CustomScoreProvider GetCustomScoreProvider(AtomicReaderContext context) => new Provider(context);

    public override string ToString(string field) => "statusRank(" + SubQuery.ToString(field) + ")";

    private sealed class Provider(AtomicReaderContext context) : CustomScoreProvider(context)
    {
        private readonly NumericDocValues? _ranks = context.AtomicReader.GetNumericDocValues(IndexFields.Rank);

        public override float CustomScore(int doc, float subQueryScore, float valSrcScore) =>
            subQueryScore * (_ranks is null ? StatusRank.Neutral : _ranks.Get(doc)) / 100f;
    }
}
