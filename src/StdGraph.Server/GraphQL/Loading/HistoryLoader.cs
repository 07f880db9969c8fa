using GraphQL.DataLoader;
using StdGraph.Server.Resolving;

namespace StdGraph.Server.GraphQL.Loading;

/// <summary>Replacement chains of all editions on a selection level, walked together (scoped per request).</summary>
internal sealed class HistoryLoader
{
    private readonly BatchLoader<string, IReadOnlyList<StandardNode>> _loader;

    public HistoryLoader(GraphWalker walker, StandardDirectory directory)
    {
        _loader = new((codes, ct) => walker.HistoriesAsync(codes, c => directory.Find(c) ?? directory.Node(Core.Codes.StandardCode.Parse(c)), ct), []);
    }

    public IDataLoaderResult<IReadOnlyList<StandardNode>> Load(string canonical) => _loader.Load(canonical);
}
