using System.Diagnostics;
using StdGraph.Testing;

namespace StdGraph.Search.Tests.Snapshot;

/// <summary>The whole shared snapshot, read and indexed once for every test of the collection.</summary>
public sealed class SnapshotIndex : IAsyncLifetime
{
    private string _directory = "";

    public IReadOnlyList<SearchDocument> Documents { get; private set; } = [];
    public SearchIndex Index { get; private set; } = null!;
    public TimeSpan BuildTime { get; private set; }

    public async Task InitializeAsync()
    {
        Documents = await SnapshotDocuments.LoadAsync();
        _directory = TestPaths.NewTempDirectory("search-snapshot");
        var watch = Stopwatch.StartNew();
        SearchIndex.Build(_directory, Documents);
        BuildTime = watch.Elapsed;
        Index = SearchIndex.Open(_directory);
    }

    public Task DisposeAsync()
    {
        Index?.Dispose();
        if (_directory.Length > 0) Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class SnapshotCollection : ICollectionFixture<SnapshotIndex>
{
    public const string Name = "whole snapshot index";
}
