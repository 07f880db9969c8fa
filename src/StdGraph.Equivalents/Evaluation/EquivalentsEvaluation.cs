using StdGraph.Core.Catalogue;
using StdGraph.Equivalents.Candidates;
using StdGraph.Equivalents.Learning;

namespace StdGraph.Equivalents.Evaluation;

/// <summary>Recall of the declared adoption among the candidates, for the exact edition and for its work.</summary>
public sealed record RecallFigures(int Items, double EditionAt1, double EditionAt5, double WorkAt1, double WorkAt5);

/// <summary>Held-out top-5 candidates whose confidence fell in [From, To): how many, their mean confidence, and how many were right.</summary>
public sealed record CalibrationBin(double From, double To, int Count, double MeanConfidence, double Accuracy);

public sealed record EquivalentsEvaluationReport(
    string Method,
    int Folds,
    int NationalRecords,
    int Adoptions,
    int SkippedNotInCatalogue,
    RecallFigures EnglishAndChinese,
    RecallFigures ChineseOnly,
    double BrierScore,
    IReadOnlyList<CalibrationBin> Calibration);

/// <summary>
/// Hides the declared adoptions group by group (k folds over groups of national and international works, see
/// <see cref="AdoptionGroups"/>): for each fold everything is learned from the other folds only, then each held-out
/// record asks for candidates from its own titles, ICS, committee, issue date and code, never its relations.
/// </summary>
internal static class EquivalentsEvaluation
{
    public const string MethodDescription =
        "k-fold cross-validation over groups (a group joins national records of one national work and records adopting one international work); " +
        "lexicon, committee and ICS correspondences, lag distribution and the logistic models are learned from the other folds only; " +
        "an item is one declared adoption whose international edition is in the catalogue; recall@k counts it when the adopted edition (or any edition of its work) is among the first k candidates.";

    public static EquivalentsEvaluationReport Run(
        IReadOnlyList<StandardEdition> nationals, IReadOnlyList<DeclaredAdoption> adoptions, int declaredTotal, CandidateRanker ranker, int folds, CancellationToken ct)
    {
        var groups = AdoptionGroups.Assign(nationals);
        var perFold = new FoldResult[folds];
        // Folds are independent; their results are merged in fold order, so the report does not depend on scheduling.
        Parallel.For(0, folds, new ParallelOptions { CancellationToken = ct }, fold => perFold[fold] = RunFold(nationals, adoptions, groups, ranker, folds, fold, ct));
        var hits = new Dictionary<QueryMode, List<(bool E1, bool E5, bool W1, bool W5)>> { [QueryMode.English] = [], [QueryMode.Chinese] = [] };
        var calibration = new List<(double Confidence, bool Correct)>();
        foreach (var f in perFold)
        {
            foreach (var (mode, h) in f.Hits) hits[mode].AddRange(h);
            calibration.AddRange(f.Calibration);
        }

        return Report(adoptions, declaredTotal, folds, hits, calibration);
    }

    private sealed record FoldResult(Dictionary<QueryMode, List<(bool E1, bool E5, bool W1, bool W5)>> Hits, List<(double Confidence, bool Correct)> Calibration);

    private static FoldResult RunFold(
        IReadOnlyList<StandardEdition> nationals, IReadOnlyList<DeclaredAdoption> adoptions, Dictionary<StandardEdition, string> groups,
        CandidateRanker ranker, int folds, int fold, CancellationToken ct)
    {
        var hits = new Dictionary<QueryMode, List<(bool E1, bool E5, bool W1, bool W5)>> { [QueryMode.English] = [], [QueryMode.Chinese] = [] };
        var calibration = new List<(double Confidence, bool Correct)>();
        {
            ct.ThrowIfCancellationRequested();
            bool Held(StandardEdition n) => AdoptionGroups.Fold(groups[n], folds) == fold;
            var model = EquivalenceModel.Learn(
                nationals.Where(n => !Held(n)).ToList(), adoptions.Where(a => !Held(a.National)).ToList(), ranker);
            foreach (var test in adoptions.Where(a => Held(a.National)).GroupBy(a => a.National, ReferenceEqualityComparer.Instance as IEqualityComparer<StandardEdition>))
            {
                foreach (var mode in EquivalenceModel.ModesOf(test.Key))
                {
                    var ranked = model.Rank(ranker.Retrieve(CandidateQuery.From(test.Key, chineseOnly: mode == QueryMode.Chinese), model.Tables));
                    foreach (var adoption in test)
                    {
                        var target = adoption.International;
                        var work = target.ParsedCode.WorkKey;
                        int Edition(int k) => ranked.Take(k).Any(c => ReferenceEquals(c.Edition, target)) ? 1 : 0;
                        int Work(int k) => ranked.Take(k).Any(c => c.Edition.ParsedCode.WorkKey == work) ? 1 : 0;
                        hits[mode].Add((Edition(1) == 1, Edition(5) == 1, Work(1) == 1, Work(5) == 1));
                    }

                    var targets = test.Select(a => a.International).ToList();
                    calibration.AddRange(ranked.Take(5).Select(c => (c.Confidence, targets.Any(t => ReferenceEquals(t, c.Edition)))));
                }
            }
        }

        return new FoldResult(hits, calibration);
    }

    private static EquivalentsEvaluationReport Report(
        IReadOnlyList<DeclaredAdoption> adoptions, int declaredTotal, int folds,
        Dictionary<QueryMode, List<(bool E1, bool E5, bool W1, bool W5)>> hits, List<(double Confidence, bool Correct)> calibration)
    {
        return new EquivalentsEvaluationReport(
            MethodDescription,
            folds,
            adoptions.Select(a => a.National).Distinct().Count(),
            adoptions.Count,
            declaredTotal - adoptions.Count,
            Figures(hits[QueryMode.English]),
            Figures(hits[QueryMode.Chinese]),
            calibration.Count == 0 ? 0 : Math.Round(calibration.Average(c => Math.Pow(c.Confidence - (c.Correct ? 1 : 0), 2)), 4),
            Bins(calibration));
    }

    private static RecallFigures Figures(List<(bool E1, bool E5, bool W1, bool W5)> h)
    {
        double Rate(Func<(bool E1, bool E5, bool W1, bool W5), bool> f) => h.Count == 0 ? 0 : Math.Round(h.Count(f) / (double)h.Count, 3);
        return new RecallFigures(h.Count, Rate(x => x.E1), Rate(x => x.E5), Rate(x => x.W1), Rate(x => x.W5));
    }

    private static List<CalibrationBin> Bins(List<(double Confidence, bool Correct)> all)
    {
        var bins = new List<CalibrationBin>();
        for (var i = 0; i < 5; i++)
        {
            var from = i * 0.2;
            var to = i == 4 ? 1.0000001 : from + 0.2;
            var inBin = all.Where(c => c.Confidence >= from && c.Confidence < to).ToList();
            bins.Add(new CalibrationBin(
                Math.Round(from, 1), Math.Round(Math.Min(to, 1), 1), inBin.Count,
                inBin.Count == 0 ? 0 : Math.Round(inBin.Average(c => c.Confidence), 3),
                inBin.Count == 0 ? 0 : Math.Round(inBin.Count(c => c.Correct) / (double)inBin.Count, 3)));
        }

        return bins;
    }
}
