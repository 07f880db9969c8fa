using GraphQL.DataLoader;

namespace StdGraph.Server.GraphQL.Loading;

/// <summary>
/// Collects keys while a selection level is being resolved and fetches them all in one call when the first
/// result is awaited. GraphQL.NET's execution strategy resolves every field of a level before it awaits the
/// <see cref="IDataLoaderResult"/>s it was handed, so the 50 <c>adopts</c> of a 50-hit page become one fetch.
/// Results are cached for the request, so a key is fetched at most once.
/// </summary>
internal sealed class BatchLoader<TKey, TValue>(
    Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
    TValue missing)
    where TKey : notnull
{
    private readonly object _gate = new();
    private readonly Dictionary<TKey, TaskCompletionSource<TValue>> _results = new();
    private List<TKey> _pending = [];

    public IDataLoaderResult<TValue> Load(TKey key)
    {
        lock (_gate)
        {
            if (!_results.TryGetValue(key, out var result))
            {
                _results[key] = result = new TaskCompletionSource<TValue>(TaskCreationOptions.RunContinuationsAsynchronously);
                _pending.Add(key);
            }

            return new Pending(this, result.Task);
        }
    }

    private async Task DispatchAsync(CancellationToken ct)
    {
        List<TKey> batch;
        lock (_gate)
        {
            if (_pending.Count == 0) return;
            batch = _pending;
            _pending = [];
        }

        try
        {
            var fetched = await fetch(batch, ct).ConfigureAwait(false);
            foreach (var key in batch)
                Completion(key).TrySetResult(fetched.TryGetValue(key, out var value) ? value : missing);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            foreach (var key in batch) Completion(key).TrySetCanceled(ct);
        }
        catch (Exception e)
        {
            foreach (var key in batch) Completion(key).TrySetException(e);
        }
    }

    private TaskCompletionSource<TValue> Completion(TKey key)
    {
        lock (_gate) return _results[key];
    }

    private sealed class Pending(BatchLoader<TKey, TValue> loader, Task<TValue> result) : IDataLoaderResult<TValue>
    {
        public async Task<TValue> GetResultAsync(CancellationToken cancellationToken = default)
        {
            if (!result.IsCompleted) await loader.DispatchAsync(cancellationToken).ConfigureAwait(false);
            return await result.ConfigureAwait(false);
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
