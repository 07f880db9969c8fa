using StdGraph.Engine;
using StdGraph.Testing;

namespace StdGraph.Equivalents.Tests;

/// <summary>The engine over the real snapshot, built once per test run, and an equivalents service on a fixed clock.</summary>
public sealed class SnapshotFixture : IAsyncLifetime
{
    private readonly string dataDirectory = TestPaths.NewTempDirectory("equivalents");

    public StdGraphEngine Engine { get; private set; } = null!;

    public EquivalentsService Service { get; private set; } = null!;

    /// <summary>The report date the gap durations are measured to.</summary>
    public static readonly DateTimeOffset Today = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The shared snapshot; <c>STDGRAPH_TEST_CORPUS</c> points elsewhere (a worktree outside the usual layout).</summary>
    private static string Corpus => Environment.GetEnvironmentVariable("STDGRAPH_TEST_CORPUS") is { Length: > 0 } path ? path : TestPaths.SharedCorpus;

    public async Task InitializeAsync()
    {
        var options = new EngineOptions { CorpusPaths = [Corpus], DataDirectory = dataDirectory };
        await DataBuilder.BuildAsync(options);
        Engine = await StdGraphEngine.OpenAsync(options);
        Service = EquivalentsService.Create(Engine, clock: new FixedClock(Today));
    }

    public async Task DisposeAsync()
    {
        await Engine.DisposeAsync();
        Directory.Delete(dataDirectory, recursive: true);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

[CollectionDefinition(Name)]
public sealed class SnapshotCollection : ICollectionFixture<SnapshotFixture>
{
    public const string Name = "snapshot";
}
