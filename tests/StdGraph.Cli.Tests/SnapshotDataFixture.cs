using StdGraph.Testing;

namespace StdGraph.Cli.Tests;

/// <summary>One data directory built from the whole snapshot by the real program, shared by the tests that read it.</summary>
public sealed class SnapshotDataFixture : IAsyncLifetime
{
    public string DataDirectory { get; } = TestPaths.NewTempDirectory("cli-snapshot");

    internal StdGraphProcess.Result Index { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Index = await StdGraphProcess.RunAsync(TestPaths.RepositoryRoot, "index", "--corpus", TestPaths.SharedCorpus, "--data", DataDirectory, "--json");

    public Task DisposeAsync()
    {
        Directory.Delete(DataDirectory, recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class SnapshotDataCollection : ICollectionFixture<SnapshotDataFixture>
{
    public const string Name = "snapshot data";
}
