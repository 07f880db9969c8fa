using Xunit.Abstractions;

namespace StdGraph.Cli.Tests.Reliability;

/// <summary>
/// The real <c>stdgraph serve</c> over the whole snapshot, kept saturated by concurrent clients sending the mixed
/// workload of <see cref="QueryMix"/>: every answer must be right and memory must level off. The measured phase lasts
/// <c>STDGRAPH_LOAD_SECONDS</c> seconds (15 by default, for CI; <c>./test.sh --full-load</c> sets 60). Throughput
/// and memory figures are printed, never asserted beyond the bounds below: machines are noisy.
/// </summary>
[Collection(SnapshotDataCollection.Name)]
public sealed class SustainedLoadTests(SnapshotDataFixture snapshot, ITestOutputHelper output)
{
    /// <summary>Enough requests in flight to keep two cores busy while others wait on the network.</summary>
    private const int Clients = 12;

    private const int DefaultSeconds = 15;

    /// <summary>The product's serving-memory target (peak RSS of serve ≤ 1,536 MiB, bench/run-performance.sh).</summary>
    private const long PeakLimitBytes = 1536L * 1024 * 1024;

    /// <summary>
    /// Growth allowed between the end of the warm-up and the end of the run: 384 MiB. The workstation GC lets the heap
    /// climb between full collections: on this workload (12 clients, ~470 requests/s on 2 cores) RSS rose steadily
    /// from 853 to 1,160 MiB over the first 80 s after the warm-up, then a full collection brought it back to 915 MiB
    /// and it levelled off near 1,110 MiB (a 240-second run). The margin is that sawtooth plus room; a leak of 15 KB
    /// per request outgrows it within the 60-second run, and the peak stays bounded by the 1.5 GiB target below.
    /// </summary>
    private const long GrowthLimitBytes = 384L * 1024 * 1024;

    private static readonly TimeSpan StartDeadline = TimeSpan.FromMinutes(5);

    /// <summary>A request still unanswered after this is a hang (the server's own execution limit is 10 s).</summary>
    private static readonly TimeSpan RequestDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task sixty_seconds_of_mixed_queries_at_saturation_answer_without_errors_and_with_stable_memory()
    {
        snapshot.Index.ExitCode.Should().Be(0, snapshot.Index.Stderr);
        var duration = TimeSpan.FromSeconds(LoadSeconds());
        var warmUp = TimeSpan.FromSeconds(Math.Clamp(duration.TotalSeconds / 3, 5, 15));

        await using var server = await ServeProcess.StartAsync(snapshot.DataDirectory, StartDeadline);
        using var client = server.CreateClient(Clients, RequestDeadline);
        var started = server.ReadMemory();

        using (var warming = new CancellationTokenSource(warmUp))
        {
            var warm = await ClientLoop.RunAsync(client, QueryMix.All, Clients, warming.Token);
            output.WriteLine($"warm-up: {warm.Requests:N0} requests in {warm.Elapsed.TotalSeconds:N1} s, {warm.Failed} failed");
            warm.Failures.Should().BeEmpty("every answer during the warm-up is right too");
        }

        var afterWarmUp = server.ReadMemory();
        var samples = new List<long>();
        ClientLoop run;
        using (var running = new CancellationTokenSource(duration))
        {
            var sampling = SampleAsync(server, samples, running.Token);
            run = await ClientLoop.RunAsync(client, QueryMix.All, Clients, running.Token);
            await sampling;
        }

        var end = server.ReadMemory();
        output.WriteLine($"{Clients} clients, {QueryMix.All.Count} kinds of request, {duration.TotalSeconds:N0} s measured (STDGRAPH_LOAD_SECONDS)");
        output.WriteLine($"requests: {run.Requests:N0} in {run.Elapsed.TotalSeconds:N1} s = {run.Requests / run.Elapsed.TotalSeconds:N0} requests/s; failed: {run.Failed}");
        output.WriteLine($"memory: started {ServeProcess.Memory.Format(started.ResidentBytes)}, after warm-up {ServeProcess.Memory.Format(afterWarmUp.ResidentBytes)}, " +
                         $"end {ServeProcess.Memory.Format(end.ResidentBytes)} (growth {ServeProcess.Memory.Format(end.ResidentBytes - afterWarmUp.ResidentBytes)}), " +
                         $"highest sampled {ServeProcess.Memory.Format(samples.DefaultIfEmpty(end.ResidentBytes).Max())}, peak VmHWM {ServeProcess.Memory.Format(end.PeakResidentBytes)}");
        output.WriteLine("RSS each second (MiB): " + string.Join(" ", samples.Select(b => b / (1024 * 1024))));

        run.Failures.Should().BeEmpty($"every one of {run.Requests:N0} answers must be a 200 with the expected data ({run.Failed} were not)");
        run.Requests.Should().BePositive();
        server.HasExited.Should().BeFalse("the server survives the load");
        using (var health = await client.GetAsync("/healthz"))
            ((int)health.StatusCode).Should().Be(200, "the server still answers after the load");
        (end.ResidentBytes - afterWarmUp.ResidentBytes).Should().BeLessThanOrEqualTo(GrowthLimitBytes,
            $"resident memory levels off after the warm-up ({afterWarmUp} → {end})");
        end.PeakResidentBytes.Should().BeLessThanOrEqualTo(PeakLimitBytes, "the server stays within its 1.5 GiB serving-memory target");
    }

    /// <summary>The measured duration: <c>STDGRAPH_LOAD_SECONDS</c>, or 15 s.</summary>
    private static int LoadSeconds() =>
        int.TryParse(Environment.GetEnvironmentVariable("STDGRAPH_LOAD_SECONDS"), out var seconds) && seconds > 0 ? seconds : DefaultSeconds;

    private static async Task SampleAsync(ServeProcess server, List<long> samples, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested && !server.HasExited)
        {
            samples.Add(server.ReadMemory().ResidentBytes);
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
