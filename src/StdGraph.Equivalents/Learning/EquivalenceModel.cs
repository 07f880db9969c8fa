using StdGraph.Core.Catalogue;
using StdGraph.Equivalents.Candidates;

namespace StdGraph.Equivalents.Learning;

/// <summary>
/// The learned tables plus, per input kind (English title; Chinese title only), two logistic models. The first scores
/// each candidate from its features; it is fitted on features computed with tables learned without the example's own
/// group (inner folds), so it learns how much to trust the tables on records they have not seen, as at prediction
/// time. The second turns that score into the confidence shown: fitted on the top five of each training list, from
/// the candidate's score and its margin over the best other candidate, it says how often a candidate so placed is the
/// adopted edition (a candidate's chance depends on its competitors, which the first model cannot see).
/// </summary>
internal sealed class EquivalenceModel
{
    private const int InnerFolds = 5;

    private const int CalibratedTop = 5;

    private EquivalenceModel(
        LearnedTables tables, IReadOnlyDictionary<QueryMode, LogisticModel> models, IReadOnlyDictionary<QueryMode, LogisticModel> calibrators, int examples)
    {
        Tables = tables;
        Models = models;
        Calibrators = calibrators;
        Examples = examples;
    }

    public IReadOnlyDictionary<QueryMode, LogisticModel> Calibrators { get; }

    public LearnedTables Tables { get; }

    public IReadOnlyDictionary<QueryMode, LogisticModel> Models { get; }

    public int Examples { get; }

    public static EquivalenceModel Learn(IReadOnlyList<StandardEdition> nationals, IReadOnlyList<DeclaredAdoption> adoptions, CandidateRanker ranker)
    {
        var groups = AdoptionGroups.Assign(nationals);
        var tables = LearnedTables.Learn(nationals, adoptions);
        var examples = new Dictionary<QueryMode, List<(double[], bool)>> { [QueryMode.English] = [], [QueryMode.Chinese] = [] };
        var lists = new Dictionary<QueryMode, List<List<(double[] X, bool Y)>>> { [QueryMode.English] = [], [QueryMode.Chinese] = [] };
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
                    var list = retrieved.Candidates.Select(c => (c.Features, targets.Any(t => ReferenceEquals(t, c.Edition)))).ToList();
                    examples[mode].AddRange(list);
                    lists[mode].Add(list);
                }
            }
        }

        var models = examples.ToDictionary(kv => kv.Key, kv => LogisticModel.Fit(kv.Value, CandidateRanker.FeatureNames.Length));
        var calibrators = lists.ToDictionary(kv => kv.Key, kv =>
        {
            var top = new List<(double[], bool)>();
            foreach (var list in kv.Value)
            {
                var logits = list.Select(c => models[kv.Key].Logit(c.X)).ToArray();
                top.AddRange(CalibrationInputs(logits).Select((x, i) => (x, list[i].Y)).OrderByDescending(p => p.x[0]).Take(CalibratedTop));
            }

            return LogisticModel.Fit(top, 2);
        });
        return new EquivalenceModel(tables, models, calibrators, examples.Values.Sum(e => e.Count));
    }

    /// <summary>Per candidate: its score (logit) and its margin over the best other candidate of the same list.</summary>
    private static double[][] CalibrationInputs(double[] logits)
    {
        var best = double.NegativeInfinity;
        var second = double.NegativeInfinity;
        foreach (var l in logits)
        {
            if (l > best) (best, second) = (l, best);
            else if (l > second) second = l;
        }

        return logits.Select(l => new[] { l, l - (l == best ? (double.IsNegativeInfinity(second) ? l : second) : best) }).ToArray();
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
        var candidates = retrieved.Candidates;
        var inputs = CalibrationInputs(candidates.Select(c => model.Logit(c.Features)).ToArray());
        for (var i = 0; i < candidates.Count; i++) candidates[i].Confidence = Calibrators[retrieved.Mode].Predict(inputs[i]);
        return candidates
            .Select((c, i) => (c, Logit: inputs[i][0]))
            .OrderByDescending(x => x.c.Confidence)
            .ThenByDescending(x => x.Logit)
            .ThenByDescending(x => x.c.Title.Similarity)
            .ThenBy(x => x.c.Edition.ParsedCode.Canonical, StringComparer.Ordinal)
            .Select(x => x.c)
            .ToList();
    }
}
