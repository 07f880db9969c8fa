using StdGraph.Core.Catalogue;
using StdGraph.Core.Codes;
using StdGraph.Corpus;
using StdGraph.Knowledge;
using StdGraph.Knowledge.Fields;

namespace StdGraph.Answers.Retrieval;

/// <summary>
/// Retrieval straight from the catalogue: inverse relations, works and field memberships are indexed once, on first
/// use, and title matching scans prepared lower-case titles. Thread-safe after construction.
/// </summary>
internal sealed class CatalogueStandardsSource : IStandardsSource
{
    private readonly Catalogue _catalogue;
    private readonly FieldClassifier? _classifier;
    private readonly Lazy<Indexes> _indexes;
    private readonly Lazy<Dictionary<Knowledge.FieldConcept, List<StandardEdition>>> _fieldMembers;

    public CatalogueStandardsSource(Catalogue catalogue, FieldClassifier? classifier)
    {
        _catalogue = catalogue;
        _classifier = classifier;
        _indexes = new Lazy<Indexes>(() => new Indexes(catalogue), LazyThreadSafetyMode.ExecutionAndPublication);
        _fieldMembers = new Lazy<Dictionary<Knowledge.FieldConcept, List<StandardEdition>>>(IndexFields, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public StandardEdition? Edition(StandardCode code) => _catalogue.Editions.GetValueOrDefault(code.Canonical);

    public IReadOnlyList<StandardEdition> EditionsOfWork(StandardCode code) =>
        _indexes.Value.Works.TryGetValue(code.WorkKey, out var editions) ? editions : [];

    public IReadOnlyList<Adoption> AdoptionsOf(StandardCode code)
    {
        if (!_indexes.Value.Adopters.TryGetValue(code.WorkKey, out var adoptions)) return [];
        return code.IsDated ? adoptions.Where(a => a.Target.Equals(code) || a.Target.IsUndated).ToList() : adoptions;
    }

    public IReadOnlyList<StandardCode> Successors(StandardEdition edition) =>
        Related(edition, RelationType.ReplacedBy, _indexes.Value.ReplacedByInverse);

    public IReadOnlyList<StandardCode> Predecessors(StandardEdition edition) =>
        Related(edition, RelationType.Replaces, _indexes.Value.ReplacesInverse);

    public IReadOnlyList<StandardEdition> CitedBy(StandardEdition edition)
    {
        var i = _indexes.Value;
        var byEdition = i.CitedBy.GetValueOrDefault(edition.ParsedCode.Canonical) ?? [];
        var byWork = i.CitedBy.GetValueOrDefault(edition.ParsedCode.WorkKey) ?? [];
        return byEdition.Concat(byWork).Distinct().ToList();
    }

    public IReadOnlyList<FieldMembership> Fields(StandardEdition edition) => _classifier?.Classify(edition) ?? [];

    public IReadOnlyList<TopicField> TopicsIn(string text, QueryTerms terms)
    {
        if (_classifier is null) return [];
        var lower = text.ToLowerInvariant();
        var found = new Dictionary<Knowledge.FieldConcept, TopicField>();
        foreach (var rule in _classifier.Ontology.Rules)
        {
            if (rule.Keywords.Count == 0) continue;
            var hit = rule.Keywords.FirstOrDefault(k => lower.Contains(k.Text.ToLowerInvariant(), StringComparison.Ordinal));
            if (hit is null) continue;
            var field = _classifier.Ontology.Concept(rule.Assigns);
            if (field is not null && !found.ContainsKey(field)) found[field] = new TopicField(field, rule.Keywords, hit.Text, ByLabel: false);
        }
        foreach (var concept in _classifier.Ontology.Concepts)
        {
            var label = concept.Labels.Values.FirstOrDefault(l => l.Length >= 2 && (lower.Contains(l.ToLowerInvariant(), StringComparison.Ordinal) || terms.NamesAllWordsOf(l)));
            if (label is null) continue;
            found[concept] = new TopicField(concept, found.TryGetValue(concept, out var byKeyword) ? byKeyword.Keywords : [], label, ByLabel: true);
        }
        // The narrowest fields named: drop a field when a narrower one it contains was also named.
        return found.Values
            .Where(t => !found.Keys.Any(other => other != t.Field && _classifier.Ontology.SelfAndAncestors(other).Skip(1).Contains(t.Field)))
            .ToList();
    }

    public IReadOnlyList<StandardEdition> InField(Knowledge.FieldConcept field, Func<StandardEdition, bool> keep) =>
        _fieldMembers.Value.TryGetValue(field, out var members) ? members.Where(keep).ToList() : [];

    public IReadOnlyList<ScoredEdition> Search(QueryTerms terms, Func<StandardEdition, bool> keep, int max)
    {
        if (terms.IsEmpty) return [];
        var hits = new List<ScoredEdition>();
        foreach (var (edition, zh, en) in _indexes.Value.Titles)
        {
            var coverage = terms.Coverage(zh, en);
            if (coverage > 0 && keep(edition)) hits.Add(new ScoredEdition(edition, coverage, coverage));
        }
        // The phrase bonus is dearer to compute, so only the candidates that could be shown pay for it.
        hits = hits.OrderByDescending(h => h.Coverage).ThenBy(h => Ranking.StatusRank(h.Edition)).ThenByDescending(h => h.Edition.ParsedCode.IsNational).Take(max * 4)
            .Select(h => h with { Score = terms.Relevance(h.Edition.Title("zh")?.ToLowerInvariant(), h.Edition.Title("en")?.ToLowerInvariant()) })
            .ToList();
        return hits
            .OrderByDescending(h => h.Score)
            .ThenBy(h => Ranking.StatusRank(h.Edition))
            .ThenByDescending(h => h.Edition.ParsedCode.IsNational)
            .ThenByDescending(h => h.Edition.Issued?.Earliest)
            .ThenBy(h => h.Edition.ParsedCode.Canonical, StringComparer.Ordinal)
            .Take(max)
            .ToList();
    }

    private IReadOnlyList<StandardCode> Related(StandardEdition edition, RelationType declared, Dictionary<string, List<StandardCode>> inverse)
    {
        var codes = edition.Relations.Where(r => r.Type == declared).Select(r => r.ParsedTarget).ToList();
        if (inverse.TryGetValue(edition.ParsedCode.Canonical, out var more)) codes.AddRange(more);
        return codes.Distinct().ToList();
    }

    private Dictionary<Knowledge.FieldConcept, List<StandardEdition>> IndexFields()
    {
        var members = new Dictionary<Knowledge.FieldConcept, List<StandardEdition>>();
        if (_classifier is null) return members;
        var classified = _catalogue.Editions.Values.AsParallel()
            .Select(e => (Edition: e, Fields: _classifier.Fields(e)))
            .Where(x => x.Fields.Count > 0)
            .ToList();
        foreach (var (edition, fields) in classified.OrderBy(x => Ranking.StatusRank(x.Edition)).ThenByDescending(x => x.Edition.Issued?.Earliest).ThenBy(x => x.Edition.ParsedCode.Canonical, StringComparer.Ordinal))
            foreach (var field in fields)
            {
                if (!members.TryGetValue(field, out var list)) members[field] = list = [];
                list.Add(edition);
            }
        return members;
    }

    /// <summary>Inverse relations and prepared titles, built in one pass over the catalogue.</summary>
    private sealed class Indexes
    {
        public Indexes(Catalogue catalogue)
        {
            var works = new Dictionary<string, List<StandardEdition>>(StringComparer.Ordinal);
            foreach (var e in catalogue.Editions.Values)
            {
                if (!works.TryGetValue(e.ParsedCode.WorkKey, out var list)) works[e.ParsedCode.WorkKey] = list = [];
                list.Add(e);
                Titles.Add((e, e.Title("zh")?.ToLowerInvariant(), e.Title("en")?.ToLowerInvariant()));
                foreach (var r in e.Relations)
                {
                    switch (r.Type)
                    {
                        case RelationType.Adopts:
                            Add(Adopters, r.ParsedTarget.WorkKey, new Adoption(e, r.ParsedTarget, r.Degree));
                            break;
                        case RelationType.Replaces:
                            Add(ReplacedByInverse, r.ParsedTarget.Canonical, e.ParsedCode);
                            break;
                        case RelationType.ReplacedBy:
                            Add(ReplacesInverse, r.ParsedTarget.Canonical, e.ParsedCode);
                            break;
                        case RelationType.Cites:
                            Add(CitedBy, r.ParsedTarget.Canonical, e);
                            break;
                    }
                }
            }
            Works = works.ToDictionary(
                w => w.Key,
                w => w.Value.OrderBy(Ranking.StatusRank).ThenByDescending(e => e.ParsedCode.Year).ThenBy(e => e.ParsedCode.Canonical, StringComparer.Ordinal).ToList(),
                StringComparer.Ordinal);
            foreach (var list in Adopters.Values) list.Sort((a, b) => Ranking.StatusRank(a.National).CompareTo(Ranking.StatusRank(b.National)) is var c and not 0 ? c : string.CompareOrdinal(a.National.ParsedCode.Canonical, b.National.ParsedCode.Canonical));
        }

        public Dictionary<string, List<StandardEdition>> Works { get; }
        public Dictionary<string, List<Adoption>> Adopters { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, List<StandardCode>> ReplacedByInverse { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, List<StandardCode>> ReplacesInverse { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, List<StandardEdition>> CitedBy { get; } = new(StringComparer.Ordinal);
        public List<(StandardEdition Edition, string? Zh, string? En)> Titles { get; } = [];

        private static void Add<T>(Dictionary<string, List<T>> index, string key, T value)
        {
            if (!index.TryGetValue(key, out var list)) index[key] = list = [];
            list.Add(value);
        }
    }
}

/// <summary>The order standards are offered in: valid editions first, drafts and withdrawn ones last.</summary>
internal static class Ranking
{
    public static int StatusRank(StandardEdition e) => e.Status switch
    {
        EditionStatus.Valid => 0,
        EditionStatus.Upcoming => 1,
        null => 2,
        EditionStatus.Superseded => 3,
        EditionStatus.Withdrawn => 4,
        EditionStatus.Draft => 5,
        _ => 6,
    };
}
