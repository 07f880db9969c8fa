using System.Diagnostics;
using StdGraph.Engine;
using StdGraph.Testing;

namespace StdGraph.Server.Tests.Backends;

/// <summary>
/// The subset served on the sparql backend over a real socket, with a Virtuoso of its own that tests kill and restart.
/// Every test leaves the server running (see <see cref="WhileDownAsync"/>), so the tests of a class can follow each other.
/// </summary>
public sealed class GraphOutageFixture : IAsyncLifetime
{
    /// <summary>How long a restarted Virtuoso may take to answer graph queries again before a test gives up.</summary>
    public static readonly TimeSpan RecoveryBound = TimeSpan.FromMinutes(3);

    private string? _root;
    private VirtuosoServer? _virtuoso;
    private StdGraphEngine? _engine;

    public VirtuosoServer Virtuoso => _virtuoso ?? throw new InvalidOperationException("Virtuoso was not started");

    public TestApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _root = TestPaths.NewTempDirectory("graph-outage");
        var corpus = Directory.CreateDirectory(Path.Combine(_root, "corpus")).FullName;
        SubsetCorpus.Write(corpus);
        _virtuoso = await VirtuosoServer.StartAsync();
        (_engine, _) = await SubsetData.BuildAndOpenAsync(SubsetData.Sparql(corpus, Path.Combine(_root, "data"), _virtuoso));
        App = await SubsetData.StartOnSocketAsync(_engine);
    }

    /// <summary>Kills Virtuoso (no checkpoint, as a crash), runs <paramref name="whileDown"/>, and always starts it again on the same database.</summary>
    public async Task WhileDownAsync(Func<Task> whileDown)
    {
        Virtuoso.Kill();
        try
        {
            await whileDown();
        }
        finally
        {
            await Virtuoso.RestartAsync();
        }
    }

    /// <summary>Polls <paramref name="query"/> until it answers without errors, within <see cref="RecoveryBound"/>; the last answer otherwise.</summary>
    public async Task<GraphQLAnswer> AnswerOnceRecoveredAsync(string query)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var answer = await App.PostAsync(query);
            if ((answer.Status == 200 && !answer.HasErrors) || clock.Elapsed > RecoveryBound) return answer;
            await Task.Delay(200);
        }
    }

    public async Task DisposeAsync()
    {
        if (App is not null) await App.DisposeAsync();
        if (_engine is not null) await _engine.DisposeAsync();
        if (_virtuoso is not null) await _virtuoso.DisposeAsync();
        SubsetData.RemoveDirectory(_root);
    }
}
