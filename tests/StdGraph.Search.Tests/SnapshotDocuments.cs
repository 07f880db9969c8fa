using StdGraph.Core.Catalogue;
using StdGraph.Corpus;
using StdGraph.Testing;

namespace StdGraph.Search.Tests;

/// <summary>The shared snapshot as search documents, with adoption facts taken from the records' own relations.</summary>
internal static class SnapshotDocuments
{
    public static async Task<IReadOnlyList<SearchDocument>> LoadAsync(string? corpus = null)
    {
        var catalogue = await CatalogueReader.ReadAsync([corpus ?? Corpus]);
        return FromEditions(catalogue.Editions.Values);
    }

    /// <summary>
    /// The shared snapshot: beside the repository, or, when the tests run in a git worktree elsewhere, beside the main
    /// checkout the worktree belongs to.
    /// </summary>
    public static string Corpus { get; } = FindCorpus();

    private static string FindCorpus()
    {
        if (Directory.Exists(TestPaths.SharedCorpus)) return TestPaths.SharedCorpus;
        var gitFile = Path.Combine(TestPaths.RepositoryRoot, ".git");
        if (File.Exists(gitFile))
        {
            var gitDir = File.ReadAllText(gitFile).Trim().Replace("gitdir:", "").Trim();
            var common = Path.Combine(gitDir, "commondir");
            var commonDir = File.Exists(common) ? Path.GetFullPath(Path.Combine(gitDir, File.ReadAllText(common).Trim())) : gitDir;
            var candidate = Path.GetFullPath(Path.Combine(commonDir, "..", "..", "shared", "corpus"));
            if (Directory.Exists(candidate)) return candidate;
        }

        return TestPaths.SharedCorpus;
    }

    public static IReadOnlyList<SearchDocument> FromEditions(IEnumerable<StandardEdition> editions)
    {
        var all = editions.ToList();
        var adoptedWorks = new HashSet<string>(StringComparer.Ordinal);
        var adoptedEditions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var edition in all)
            foreach (var relation in edition.Relations.Where(r => r.Type == RelationType.Adopts))
            {
                adoptedEditions.Add(relation.ParsedTarget.Canonical);
                adoptedWorks.Add(relation.ParsedTarget.WorkKey);
            }

        return all.Select(edition => new SearchDocument(edition)
        {
            Adopts = edition.Relations.Where(r => r.Type == RelationType.Adopts).Select(r => (r.ParsedTarget.Canonical, r.Degree)).ToList(),
            AdoptedByNational = adoptedEditions.Contains(edition.ParsedCode.Canonical),
        }).ToList();
    }
}
