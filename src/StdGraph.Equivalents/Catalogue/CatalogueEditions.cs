using StdGraph.Core.Catalogue;
using StdGraph.Core.Codes;

namespace StdGraph.Equivalents.Catalogue;

/// <summary>Editions and replacement history read from the engine's catalogue.</summary>
internal sealed class CatalogueEditions : IEditionCatalogue, IEditionHistory
{
    private readonly StdGraph.Corpus.Catalogue catalogue;
    private readonly Dictionary<string, List<StandardEdition>> byWork = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<StandardCode>> declaredSuccessors = new(StringComparer.Ordinal);

    public CatalogueEditions(StdGraph.Corpus.Catalogue catalogue)
    {
        this.catalogue = catalogue;
        var national = new List<StandardEdition>();
        var adoptable = new List<StandardEdition>();
        foreach (var e in catalogue.Editions.Values)
        {
            var code = e.ParsedCode;
            if (!byWork.TryGetValue(code.WorkKey, out var list)) byWork[code.WorkKey] = list = [];
            list.Add(e);
            if (code.IsNational) national.Add(e);
            else if (code.IsInternational && IsIssuedBaseEdition(e) && e.Title("en") is not null) adoptable.Add(e);

            if (!IsIssued(e)) continue;
            foreach (var r in e.Relations)
            {
                if (r.Type == RelationType.Replaces) AddSuccessor(r.ParsedTarget, code);
                else if (r.Type == RelationType.ReplacedBy && r.ParsedTarget.Stage is null) AddSuccessor(code, r.ParsedTarget);
            }
        }

        foreach (var list in byWork.Values) list.Sort((a, b) => Order(a).CompareTo(Order(b)));
        national.Sort((a, b) => string.CompareOrdinal(a.ParsedCode.Canonical, b.ParsedCode.Canonical));
        adoptable.Sort((a, b) => string.CompareOrdinal(a.ParsedCode.Canonical, b.ParsedCode.Canonical));
        National = national;
        AdoptableInternational = adoptable;
    }

    public IReadOnlyList<StandardEdition> National { get; }

    public IReadOnlyList<StandardEdition> AdoptableInternational { get; }

    public StandardEdition? Find(StandardCode code) => catalogue.Editions.GetValueOrDefault(code.Canonical);

    public IReadOnlyList<StandardEdition> EditionsOfWork(string workKey) => byWork.TryGetValue(workKey, out var list) ? list : [];

    public Committee? FindCommittee(string code) => catalogue.Committees.GetValueOrDefault(code);

    public IReadOnlyList<Succession> SuccessorsOf(StandardCode code)
    {
        if (declaredSuccessors.TryGetValue(code.Canonical, out var declared))
        {
            // A base edition is succeeded by base editions; amendments and drafts that "replace" it are not successors.
            var usable = declared.Where(c => c.Stage is null && (code.HasSupplement || !c.HasSupplement)).ToList();
            if (usable.Count > 0)
                return usable.OrderBy(c => Find(c)?.Issued?.Earliest ?? new DateOnly(c.Year ?? 9999, 12, 31)).Select(c => new Succession(c, false)).ToList();
        }

        // No declared link (the IEC file has none): the next issued edition of the same work, when this one is no longer valid.
        var self = Find(code);
        if (self?.Status is not (EditionStatus.Superseded or EditionStatus.Withdrawn) || code.HasSupplement || code.Year is null) return [];
        var next = EditionsOfWork(code.WorkKey)
            .Where(e => IsIssuedBaseEdition(e) && e.ParsedCode.Year > code.Year)
            .OrderBy(Order)
            .FirstOrDefault();
        return next is null ? [] : [new Succession(next.ParsedCode, true)];
    }

    internal static bool IsIssued(StandardEdition e) => e.ParsedCode.Stage is null && e.Status is not EditionStatus.Draft;

    internal static bool IsIssuedBaseEdition(StandardEdition e) =>
        IsIssued(e) && !e.ParsedCode.HasSupplement && e.ParsedCode.Variant is null && e.ParsedCode.Year is not null;

    private static DateOnly Order(StandardEdition e) => e.Issued?.Earliest ?? new DateOnly(e.ParsedCode.Year ?? 1, 1, 1);

    private void AddSuccessor(StandardCode replaced, StandardCode successor)
    {
        if (replaced.Equals(successor)) return;
        if (!declaredSuccessors.TryGetValue(replaced.Canonical, out var list)) declaredSuccessors[replaced.Canonical] = list = [];
        if (!list.Contains(successor)) list.Add(successor);
    }
}
