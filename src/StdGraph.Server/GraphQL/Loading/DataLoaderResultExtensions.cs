using GraphQL.DataLoader;

namespace StdGraph.Server.GraphQL.Loading;

internal static class DataLoaderResultExtensions
{
    /// <summary>A pending result transformed once it arrives (still pending, so batching is kept).</summary>
    public static IDataLoaderResult<TOut> Then<TIn, TOut>(this IDataLoaderResult<TIn> pending, Func<TIn, TOut> map) => new Mapped<TIn, TOut>(pending, map);

    private sealed class Mapped<TIn, TOut>(IDataLoaderResult<TIn> inner, Func<TIn, TOut> map) : IDataLoaderResult<TOut>
    {
        public async Task<TOut> GetResultAsync(CancellationToken cancellationToken = default) =>
            map(await inner.GetResultAsync(cancellationToken).ConfigureAwait(false));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
