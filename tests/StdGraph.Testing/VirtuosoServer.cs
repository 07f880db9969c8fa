using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StdGraph.Sparql.Remote;

namespace StdGraph.Testing;

/// <summary>
/// A throwaway Virtuoso on loopback: a fresh database in a temporary folder (so dba/dba works), free ports, the
/// configuration written by scripts/virtuoso.sh. Kill and restart it to test a server that goes away.
/// </summary>
public sealed class VirtuosoServer : IAsyncDisposable
{
    private Process? _process;

    private VirtuosoServer(string directory, int sqlPort, int httpPort)
    {
        Directory = directory;
        SqlPort = sqlPort;
        HttpPort = httpPort;
    }

    public string Directory { get; }
    public int SqlPort { get; }
    public int HttpPort { get; }
    public Uri QueryEndpoint => new($"http://127.0.0.1:{HttpPort}/sparql");
    public Uri UpdateEndpoint => new($"http://127.0.0.1:{HttpPort}/sparql-auth");
    public Uri GraphStoreEndpoint => new($"http://127.0.0.1:{HttpPort}/sparql-graph-crud-auth");

    public SparqlGraphStoreOptions Options(string graphIri) => new()
    {
        Endpoint = QueryEndpoint,
        UpdateEndpoint = UpdateEndpoint,
        GraphStoreEndpoint = GraphStoreEndpoint,
        GraphIri = graphIri,
        User = "dba",
        Password = "dba",
        Timeout = TimeSpan.FromSeconds(60),
    };

    public static async Task<VirtuosoServer> StartAsync()
    {
        var binary = FindOnPath("virtuoso-t")
            ?? throw new InvalidOperationException(
                "virtuoso-t is not installed, so the SPARQL backend tests cannot run. Install it with `apt-get install -y virtuoso-opensource` (./test.sh does this when run as root).");
        var directory = TestPaths.NewTempDirectory("virtuoso");
        var server = new VirtuosoServer(directory, FreePort(), FreePort());
        await server.WriteConfigAsync().ConfigureAwait(false);
        await server.StartProcessAsync(binary).ConfigureAwait(false);
        return server;
    }

    private async Task WriteConfigAsync()
    {
        var script = Path.Combine(TestPaths.RepositoryRoot, "scripts", "virtuoso.sh");
        var psi = new ProcessStartInfo("bash", [script, "ini", Directory, SqlPort.ToString(), HttpPort.ToString()])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var p = Process.Start(psi)!;
        var error = await p.StandardError.ReadToEndAsync().ConfigureAwait(false);
        await p.WaitForExitAsync().ConfigureAwait(false);
        if (p.ExitCode != 0) throw new InvalidOperationException($"{script} ini failed: {error}");
    }

    private async Task StartProcessAsync(string binary)
    {
        var psi = new ProcessStartInfo(binary, ["+foreground", "+configfile", Path.Combine(Directory, "virtuoso.ini")])
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(psi) ?? throw new InvalidOperationException("virtuoso-t did not start");
        // Drain its output so a chatty server never blocks on a full pipe.
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(180))
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"virtuoso-t exited with {_process.ExitCode} during start-up; log:\n{LogTail()}");
            try
            {
                using var response = await http.GetAsync(QueryEndpoint + "?query=ASK%7B%7D").ConfigureAwait(false);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250).ConfigureAwait(false);
        }
        Kill();
        throw new InvalidOperationException($"Virtuoso did not answer {QueryEndpoint} within 180 s; log:\n{LogTail()}");
    }

    /// <summary>Kills the server process at once (no checkpoint), as a crash would.</summary>
    public void Kill()
    {
        if (_process is null) return;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
        _process = null;
    }

    /// <summary>Starts the server again on the same database and ports.</summary>
    public async Task RestartAsync()
    {
        Kill();
        File.Delete(Path.Combine(Directory, "virtuoso.lck"));
        await StartProcessAsync(FindOnPath("virtuoso-t")!).ConfigureAwait(false);
    }

    private string LogTail()
    {
        var log = Path.Combine(Directory, "virtuoso.log");
        return File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(20)) : "(no log)";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    public ValueTask DisposeAsync()
    {
        Kill();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return ValueTask.CompletedTask;
    }
}
