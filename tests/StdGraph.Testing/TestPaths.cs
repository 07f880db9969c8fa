namespace StdGraph.Testing;

/// <summary>Where the tests find the repository, the shared snapshot and the W3C suites.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The catalogue snapshot kept beside the repository (read-only in CI).</summary>
    /// <summary>The <c>shared/</c> folder beside the repository (or beside a folder above it, for git worktrees).</summary>
    public static string Shared { get; } = FindShared();

    public static string SharedCorpus => Path.Combine(Shared, "corpus");

    public static string Conformance => Path.Combine(Shared, "conformance", "w3c-rdf-tests");

    public static string Fixtures => Path.Combine(RepositoryRoot, "corpus", "fixtures");

    public static string Ontology => Path.Combine(RepositoryRoot, "ontology");

    /// <summary>A fresh directory under the system temp folder, removed by the caller when done.</summary>
    public static string NewTempDirectory(string purpose)
    {
        var dir = Path.Combine(Path.GetTempPath(), "stdgraph-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindShared()
    {
        for (var dir = new DirectoryInfo(RepositoryRoot).Parent; dir is not null; dir = dir.Parent)
        {
            var shared = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(shared, "corpus"))) return shared;
        }

        return Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "StdGraph.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("StdGraph.sln not found above " + AppContext.BaseDirectory);
    }
}
