using System.Text.RegularExpressions;
using StdGraph.Testing;

namespace StdGraph.Cli.Tests.Reliability;

/// <summary>
/// The real <c>stdgraph serve</c> as a child process over an existing data directory. It listens on port 0 so the
/// operating system picks a free loopback port (no race with other tests), and the address is read back from the
/// program's own "Now listening on" line. Disposing kills it and its children with SIGKILL, whether the test passed
/// or not, which also frees the port.
/// </summary>
internal sealed partial class ServeProcess : IAsyncDisposable
{
    private readonly WatchedProcess _process;

    private ServeProcess(WatchedProcess process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>What the program wrote so far (its request log and any error), for failure messages.</summary>
    public string Output => _process.Stdout + _process.Stderr;

    /// <summary>Starts the server and returns once <c>/healthz</c> answers 200; a start past the deadline fails.</summary>
    public static async Task<ServeProcess> StartAsync(string dataDirectory, TimeSpan deadline)
    {
        var process = WatchedProcess.Start(TestPaths.RepositoryRoot, "serve", "--data", dataDirectory, "--urls", "http://127.0.0.1:0");
        try
        {
            using var give = new CancellationTokenSource(deadline);
            Uri? address = null;
            while (address is null)
            {
                if (process.HasExited) throw new InvalidOperationException($"stdgraph serve exited with {process.Result.ExitCode} before listening:\n{process.Stderr}{process.Stdout}");
                if (ListeningOn().Match(process.Stdout) is { Success: true } match) address = new Uri(match.Groups[1].Value);
                else await Task.Delay(100, give.Token);
            }

            using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            while (true)
            {
                using var health = await client.GetAsync("/healthz", give.Token);
                if (health.IsSuccessStatusCode) break;
                await Task.Delay(200, give.Token);
            }

            return new ServeProcess(process, address);
        }
        catch (OperationCanceledException)
        {
            var output = process.Stdout + process.Stderr;
            process.Dispose();
            throw new TimeoutException($"stdgraph serve was not ready within {deadline}:\n{output}");
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    /// <summary>A client for the server with room for <paramref name="connections"/> requests in flight.</summary>
    public HttpClient CreateClient(int connections, TimeSpan requestDeadline) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = Address,
            Timeout = requestDeadline,
        };

    /// <summary>Resident memory now and at its peak, from <c>/proc/&lt;pid&gt;/status</c> (VmRSS, VmHWM).</summary>
    public Memory ReadMemory()
    {
        long rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kilobytes(line) * 1024;
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = Kilobytes(line) * 1024;
        }

        return new Memory(rss, peak);

        static long Kilobytes(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
    }

    public async ValueTask DisposeAsync()
    {
        _process.KillTree(); // SIGKILL to the program and anything it started
        await _process.WaitForExitAsync(TimeSpan.FromSeconds(30)); // gone, so its port and memory are free for the next test
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();

    public readonly record struct Memory(long ResidentBytes, long PeakResidentBytes)
    {
        public static string Format(long bytes) => $"{bytes / (1024.0 * 1024):N0} MiB";

        public override string ToString() => $"RSS {Format(ResidentBytes)}, peak {Format(PeakResidentBytes)}";
    }
}
