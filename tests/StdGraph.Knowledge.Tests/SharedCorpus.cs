using StdGraph.Testing;

namespace StdGraph.Knowledge.Tests;

/// <summary>
/// The shared snapshot. <see cref="TestPaths.SharedCorpus"/> assumes the repository sits beside <c>shared/</c>; a git
/// worktree one level deeper does not, so look further up when the default is missing.
/// </summary>
internal static class SharedCorpus
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        if (Directory.Exists(TestPaths.SharedCorpus)) return TestPaths.SharedCorpus;
        for (var dir = new DirectoryInfo(TestPaths.RepositoryRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "corpus");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("shared/corpus not found above " + TestPaths.RepositoryRoot);
    }
}
