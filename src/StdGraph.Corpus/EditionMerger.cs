using StdGraph.Core.Catalogue;

namespace StdGraph.Corpus;

/// <summary>
/// Merges records that name one edition (the same canonical code, however spelt). The rule: the record read first
/// keeps its printed code and every value it has; later records only fill what it lacks (per language for titles
/// and abstracts); lists (ICS, CCS, sources) and relations are united, a relation counted once per
/// (type, target edition), and a declared adoption degree wins over a missing one.
/// </summary>
internal static class EditionMerger
{
    public static StandardEdition Merge(StandardEdition first, StandardEdition later) => first with
    {
        Titles = Union(first.Titles, later.Titles),
        Status = first.Status ?? later.Status,
        Type = first.Type ?? later.Type,
        Stage = first.Stage ?? later.Stage,
        Issued = first.Issued ?? later.Issued,
        Effective = first.Effective ?? later.Effective,
        Withdrawn = first.Withdrawn ?? later.Withdrawn,
        Edition = first.Edition ?? later.Edition,
        Ics = first.Ics.Union(later.Ics).ToList(),
        Ccs = first.Ccs.Union(later.Ccs).ToList(),
        Committee = first.Committee ?? later.Committee,
        Category = first.Category ?? later.Category,
        Abstracts = Union(first.Abstracts, later.Abstracts),
        Relations = MergeRelations(first.Relations, later.Relations),
        Sources = first.Sources.Union(later.Sources).ToList(),
    };

    private static IReadOnlyDictionary<string, string> Union(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
    {
        if (b.Count == 0) return a;
        var merged = new Dictionary<string, string>(a, StringComparer.Ordinal);
        foreach (var (lang, text) in b) merged.TryAdd(lang, text);
        return merged;
    }

    private static IReadOnlyList<StandardRelation> MergeRelations(IReadOnlyList<StandardRelation> a, IReadOnlyList<StandardRelation> b)
    {
        if (b.Count == 0) return a;
        var merged = a.ToList();
        var positions = new Dictionary<(RelationType, string), int>(merged.Count + b.Count);
        for (var i = 0; i < merged.Count; i++) positions.TryAdd((merged[i].Type, merged[i].ParsedTarget.Canonical), i);
        foreach (var r in b)
        {
            if (!positions.TryGetValue((r.Type, r.ParsedTarget.Canonical), out var same))
            {
                positions[(r.Type, r.ParsedTarget.Canonical)] = merged.Count;
                merged.Add(r);
            }
            else if (merged[same].Degree is null && r.Degree is not null)
            {
                merged[same] = r;
            }
        }

        return merged;
    }

    /// <summary>Drops repeated relations inside one record (same type and target edition).</summary>
    public static IReadOnlyList<StandardRelation> Distinct(IReadOnlyList<StandardRelation> relations) =>
        relations.Count < 2 ? relations : MergeRelations([], relations);
}
