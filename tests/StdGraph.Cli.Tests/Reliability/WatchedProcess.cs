using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace StdGraph.Cli.Tests.Reliability;

/// <summary>
/// The real <c>stdgraph</c> program started as a child process whose output is watched line by line, which can be
/// killed with SIGKILL at any moment and which is never waited for longer than a deadline (a hang fails the test
/// instead of stalling CI).
/// </summary>
internal sealed class WatchedProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly ConcurrentQueue<string> _stderrLines = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WatchedProcess(Process process) => _process = process;

    public static WatchedProcess Start(string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(StdGraphProcess.Assembly);
        foreach (var a in args) psi.ArgumentList.Add(a);
        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var watched = new WatchedProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (watched._stdout) watched._stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (watched._stderr) watched._stderr.AppendLine(e.Data);
            watched._stderrLines.Enqueue(e.Data);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _ = process.WaitForExitAsync().ContinueWith(_ => watched._exited.TrySetResult(), TaskScheduler.Default);
        return watched;
    }

    /// <summary>Runs to completion; a run longer than <paramref name="deadline"/> is killed and reported as a hang.</summary>
    public static async Task<StdGraphProcess.Result> RunAsync(TimeSpan deadline, string workingDirectory, params string[] args)
    {
        using var process = Start(workingDirectory, args);
        var finished = await process.WaitForExitAsync(deadline);
        if (!finished)
        {
            process.KillTree();
            throw new TimeoutException($"stdgraph {string.Join(' ', args)} did not finish within {deadline}; stderr so far:\n{process.Stderr}");
        }

        return process.Result;
    }

    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>The operating system's process id (<c>dotnet stdgraph.dll</c> hosts the program in this process).</summary>
    public int Id => _process.Id;

    public string Stdout { get { lock (_stdout) return _stdout.ToString(); } }

    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    public StdGraphProcess.Result Result => new(_process.ExitCode, Stdout, Stderr);

    /// <summary>True once a progress line <c>[step] …</c> of the given step has been printed.</summary>
    public bool HasReported(string step) => _stderrLines.Any(l => l.StartsWith($"[{step}]", StringComparison.Ordinal));

    public async Task<bool> WaitForExitAsync(TimeSpan deadline)
    {
        var done = await Task.WhenAny(_exited.Task, Task.Delay(deadline));
        if (done != _exited.Task) return false;
        _process.WaitForExit(); // drains the redirected output
        return true;
    }

    /// <summary>SIGKILL to the program and every child it started: no handler, no finally block, no flush runs.</summary>
    public void KillTree()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public void Dispose()
    {
        if (!HasExited) KillTree();
        _process.Dispose();
    }
}
