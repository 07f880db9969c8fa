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

    /// <summary>The shared snapshot beside the repository (found from git worktrees too, see <see cref="TestPaths.Shared"/>).</summary>
    public static string Corpus => TestPaths.SharedCorpus;

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
