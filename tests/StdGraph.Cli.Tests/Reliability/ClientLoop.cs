using System.Collections.Concurrent;
using System.Diagnostics;

namespace StdGraph.Cli.Tests.Reliability;

/// <summary>
/// Concurrent clients that each send the probes of a mix back to back, in a fixed order (client <c>c</c> starts at
/// probe <c>c</c>), until told to stop, and count every answer and every failure.
/// </summary>
internal sealed class ClientLoop
{
    private const int FailuresKept = 50;

    private readonly ConcurrentQueue<string> _failures = new();
    private long _requests;
    private long _failed;

    public long Requests => Interlocked.Read(ref _requests);

    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>The first failures, with what was wrong with each.</summary>
    public IReadOnlyCollection<string> Failures => _failures;

    public TimeSpan Elapsed { get; private set; }

    /// <summary>Completes when every client has stopped.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>Starts the clients and returns at once; <see cref="Requests"/> counts as they go.</summary>
    public static ClientLoop Start(HttpClient client, IReadOnlyList<Probe> mix, int clients, CancellationToken stop)
    {
        var loop = new ClientLoop();
        var clock = Stopwatch.StartNew();
        var all = Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(() => loop.ClientAsync(client, mix, c, stop), CancellationToken.None)));
        loop.Completion = all.ContinueWith(t =>
        {
            loop.Elapsed = clock.Elapsed;
            return t;
        }, TaskScheduler.Default).Unwrap();
        return loop;
    }

    public static async Task<ClientLoop> RunAsync(HttpClient client, IReadOnlyList<Probe> mix, int clients, CancellationToken stop)
    {
        var loop = Start(client, mix, clients, stop);
        await loop.Completion;
        return loop;
    }

    private async Task ClientAsync(HttpClient client, IReadOnlyList<Probe> mix, int start, CancellationToken stop)
    {
        for (var i = start; !stop.IsCancellationRequested; i++)
        {
            string? failure;
            try
            {
                failure = await QueryMix.RunAsync(client, mix[i % mix.Count], stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break; // cut off by the end of the run
            }

            Interlocked.Increment(ref _requests);
            if (failure is null) continue;
            if (Interlocked.Increment(ref _failed) <= FailuresKept) _failures.Enqueue(failure);
        }
    }
}
