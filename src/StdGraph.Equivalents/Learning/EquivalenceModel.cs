using StdGraph.Core.Catalogue;
using StdGraph.Equivalents.Candidates;

namespace StdGraph.Equivalents.Learning;

/// <summary>
/// The learned tables plus one logistic model per input kind (English title; Chinese title only). The logistic
/// models are fitted on features computed with tables learned without the example's own group (inner folds), so
/// they learn how much to trust the tables on records the tables have not seen — as at prediction time.
/// </summary>
internal sealed class EquivalenceModel
{
    private const int InnerFolds = 5;

    private EquivalenceModel(LearnedTables tables, IReadOnlyDictionary<QueryMode, LogisticModel> models, int examples)
    {
        Tables = tables;
        Models = models;
        Examples = examples;
    }

    public LearnedTables Tables { get; }

    public IReadOnlyDictionary<QueryMode, LogisticModel> Models { get; }

    public int Examples { get; }

    public static EquivalenceModel Learn(IReadOnlyList<StandardEdition> nationals, IReadOnlyList<DeclaredAdoption> adoptions, CandidateRanker ranker)
    {
        var groups = AdoptionGroups.Assign(nationals);
        var tables = LearnedTables.Learn(nationals, adoptions);
        var examples = new Dictionary<QueryMode, List<(double[], bool)>> { [QueryMode.English] = [], [QueryMode.Chinese] = [] };
        var byNational = adoptions.GroupBy(a => a.National, ReferenceEqualityComparer.Instance as IEqualityComparer<StandardEdition>)
            .ToDictionary(g => g.Key, g => g.Select(a => a.International).ToList(), ReferenceEqualityComparer.Instance as IEqualityComparer<StandardEdition>);
        for (var fold = 0; fold < InnerFolds; fold++)
        {
            bool InFold(StandardEdition n) => AdoptionGroups.Fold(groups[n], InnerFolds) == fold;
            var inner = LearnedTables.Learn(nationals.Where(n => !InFold(n)).ToList(), adoptions.Where(a => !InFold(a.National)).ToList());
            foreach (var (national, targets) in byNational)
            {
                if (!InFold(national)) continue;
                foreach (var mode in ModesOf(national))
                {
                    var retrieved = ranker.Retrieve(CandidateQuery.From(national, chineseOnly: mode == QueryMode.Chinese), inner, targets);
                    foreach (var c in retrieved.Candidates)
                        examples[mode].Add((c.Features, targets.Any(t => ReferenceEquals(t, c.Edition))));
                }
            }
        }

        var models = examples.ToDictionary(kv => kv.Key, kv => LogisticModel.Fit(kv.Value, CandidateRanker.FeatureNames.Length));
        return new EquivalenceModel(tables, models, examples.Values.Sum(e => e.Count));
    }

    /// <summary>The input kinds a national record can be asked with: its English title (with the Chinese), and its Chinese title alone.</summary>
    public static IEnumerable<QueryMode> ModesOf(StandardEdition national)
    {
        if (national.Title("en") is not null) yield return QueryMode.English;
        if (national.Title("zh") is not null) yield return QueryMode.Chinese;
    }

    /// <summary>Scores and orders candidates, best first (ties: title similarity, then code).</summary>
    public List<ScoredCandidate> Rank(RetrievedCandidates retrieved)
    {
        if (!Models.TryGetValue(retrieved.Mode, out var model)) return [];
        foreach (var c in retrieved.Candidates) c.Confidence = model.Predict(c.Features);
        return retrieved.Candidates
            .OrderByDescending(c => c.Confidence)
            .ThenByDescending(c => c.Title.Similarity)
            .ThenBy(c => c.Edition.ParsedCode.Canonical, StringComparer.Ordinal)
            .ToList();
    }
}
