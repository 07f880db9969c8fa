using StdGraph.Core.Catalogue;
using StdGraph.Core.Codes;
using StdGraph.Equivalents.Catalogue;

namespace StdGraph.Equivalents.Adoptions;

/// <summary>One declared adoption as printed: the national edition, the relation, and the international edition when the catalogue has it.</summary>
internal sealed record Adoption(StandardEdition National, StandardRelation Relation, StandardEdition? International)
{
    public StandardCode Target => Relation.ParsedTarget;
}

/// <summary>The declared adoptions in both directions, and where each adopted edition stands now.</summary>
internal sealed class AdoptionIndex
{
    private readonly IEditionCatalogue editions;
    private readonly IEditionHistory history;
    private readonly Dictionary<StandardEdition, List<Adoption>> byNational = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, List<Adoption>> byInternationalWork = new(StringComparer.Ordinal);

    public AdoptionIndex(IEditionCatalogue editions, IEditionHistory history)
    {
        this.editions = editions;
        this.history = history;
        foreach (var n in editions.National)
        {
            foreach (var r in n.Relations.Where(r => r.Type == RelationType.Adopts))
            {
                var a = new Adoption(n, r, Resolve(r.ParsedTarget, n.Issued));
                if (!byNational.TryGetValue(n, out var list)) byNational[n] = list = [];
                list.Add(a);
                var work = r.ParsedTarget.WorkKey;
                if (!byInternationalWork.TryGetValue(work, out var adopters)) byInternationalWork[work] = adopters = [];
                adopters.Add(a);
            }
        }
    }

    public IEnumerable<Adoption> All => byNational.Values.SelectMany(a => a);

    public IReadOnlyList<Adoption> AdoptionsBy(StandardEdition national) => byNational.TryGetValue(national, out var list) ? list : [];

    public IReadOnlyList<Adoption> AdoptersOfWork(string work) => byInternationalWork.TryGetValue(work, out var list) ? list : [];

    /// <summary>The edition that directly replaced <paramref name="code"/> (the earliest, when several are declared).</summary>
    public Succession? Successor(StandardCode code) => history.SuccessorsOf(code).FirstOrDefault();

    /// <summary>The editions along the replacement chain after <paramref name="code"/>, nearest first.</summary>
    public IReadOnlyList<StandardCode> Chain(StandardCode code)
    {
        var chain = new List<StandardCode>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { code.Canonical };
        var current = code;
        while (Successor(current) is { } next && seen.Add(next.Successor.Canonical))
        {
            chain.Add(next.Successor);
            current = next.Successor;
        }

        return chain;
    }

    /// <summary>
    /// A national adoption that is newer than <paramref name="adoption"/>: another national record adopting an edition of
    /// the same international work issued later, or an edition on its replacement chain. Prefers the one adopting the
    /// most recent edition.
    /// </summary>
    public Adoption? NewerNationalAdoption(Adoption adoption)
    {
        var target = adoption.Target;
        var chain = Chain(target);
        var works = chain.Select(c => c.WorkKey).Append(target.WorkKey).ToHashSet(StringComparer.Ordinal);
        var chainCodes = chain.Select(c => c.Canonical).ToHashSet(StringComparer.Ordinal);
        return works
            .SelectMany(AdoptersOfWork)
            .Where(a => !ReferenceEquals(a.National, adoption.National) &&
                        (chainCodes.Contains(a.Target.Canonical) || a.Target.WorkKey == target.WorkKey && a.Target.Year > target.Year))
            .OrderByDescending(a => chain.Select(c => c.Canonical).ToList().IndexOf(a.Target.Canonical))
            .ThenByDescending(a => a.Target.Year ?? 0)
            .ThenByDescending(a => a.National.Issued?.Earliest ?? DateOnly.MinValue)
            .FirstOrDefault();
    }

    /// <summary>The catalogue edition a target names; an undated target resolves to the work's latest edition issued by the national date.</summary>
    private StandardEdition? Resolve(StandardCode target, PartialDate? nationalIssued)
    {
        if (editions.Find(target) is { } exact) return exact;
        if (!target.IsUndated) return null;
        var all = editions.EditionsOfWork(target.WorkKey).Where(CatalogueEditions.IsIssuedBaseEdition).ToList();
        return nationalIssued is { } d ? all.LastOrDefault(e => e.Issued is null || e.Issued.Value.Earliest <= d.Earliest) : all.LastOrDefault();
    }
}
