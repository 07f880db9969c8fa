using System.Globalization;
using StdGraph.Core.Codes;

namespace StdGraph.Search;

/// <summary>One relevance judgement: how useful <see cref="Code"/> is for <see cref="Query"/> (0 = not, 3 = the answer).</summary>
public sealed record Judgement(string Query, string Code, int Grade);

/// <summary>The figures of one query; <see cref="Retrieved"/> is the ranked top k, canonical codes.</summary>
public sealed record QueryEvaluation(string Query, double Ndcg, double ReciprocalRank, double Recall, IReadOnlyList<string> Retrieved);

public sealed record RelevanceReport(IReadOnlyList<QueryEvaluation> Queries, double MeanNdcg, double MeanReciprocalRank, double MeanRecall, int K);

/// <summary>
/// nDCG@k (gain 2^grade − 1), MRR (first hit with grade ≥ 1) and recall@k (share of grade ≥ 1 codes in the top k) of a
/// <see cref="SearchIndex"/> against judgements read from a TSV of <c>query \t code \t grade</c> (# starts a comment).
/// </summary>
public static class RelevanceEvaluation
{
    public static RelevanceReport Evaluate(SearchIndex index, string qrelsPath, int k = 10) => Evaluate(index, ReadQrels(qrelsPath), k);

    public static RelevanceReport Evaluate(SearchIndex index, IEnumerable<Judgement> judgements, int k = 10)
    {
        ArgumentNullException.ThrowIfNull(index);
        var byQuery = judgements.GroupBy(j => j.Query, StringComparer.Ordinal).ToList();
        var results = new List<QueryEvaluation>(byQuery.Count);
        foreach (var group in byQuery)
        {
            var grades = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var j in group) grades[Canonical(j.Code)] = Math.Max(j.Grade, grades.GetValueOrDefault(Canonical(j.Code)));
            var hits = index.Search(new SearchRequest(group.Key) { First = k, Highlight = false, Facets = false }).Hits.Select(h => h.Code).ToList();
            results.Add(Score(group.Key, hits, grades, k));
        }

        return new RelevanceReport(
            results,
            results.Count == 0 ? 0 : results.Average(r => r.Ndcg),
            results.Count == 0 ? 0 : results.Average(r => r.ReciprocalRank),
            results.Count == 0 ? 0 : results.Average(r => r.Recall),
            k);
    }

    internal static QueryEvaluation Score(string query, IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> grades, int k)
    {
        double dcg = 0;
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
            dcg += Gain(grades.GetValueOrDefault(ranked[i])) / Math.Log2(i + 2);
        var ideal = grades.Values.OrderByDescending(g => g).Take(k).Select((g, i) => Gain(g) / Math.Log2(i + 2)).Sum();
        var firstRelevant = ranked.Take(k).Select((code, i) => (code, i)).FirstOrDefault(x => grades.GetValueOrDefault(x.code) > 0, (code: "", i: -1)).i;
        var relevant = grades.Count(g => g.Value > 0);
        var found = ranked.Take(k).Count(code => grades.GetValueOrDefault(code) > 0);
        return new QueryEvaluation(
            query,
            ideal == 0 ? 0 : dcg / ideal,
            firstRelevant < 0 ? 0 : 1.0 / (firstRelevant + 1),
            relevant == 0 ? 0 : (double)found / relevant,
            ranked.Take(k).ToList());
    }

    /// <summary>Reads a qrels TSV; a malformed line is a <see cref="FormatException"/> naming file, line and reason.</summary>
    public static IReadOnlyList<Judgement> ReadQrels(string path)
    {
        var judgements = new List<Judgement>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#')) continue;
            var cells = line.Split('\t');
            if (cells.Length != 3)
                throw new FormatException($"{path}:{lineNumber}: expected 3 tab-separated columns (query, code, grade), found {cells.Length}");
            if (!int.TryParse(cells[2].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var grade) || grade > 3)
                throw new FormatException($"{path}:{lineNumber}: grade '{cells[2]}' is not an integer from 0 to 3");
            if (!StandardCode.TryParse(cells[1], out _, out var error))
                throw new FormatException($"{path}:{lineNumber}: {error}");
            judgements.Add(new Judgement(cells[0].Trim(), cells[1].Trim(), grade));
        }

        return judgements;
    }

    private static double Gain(int grade) => Math.Pow(2, grade) - 1;

    private static string Canonical(string code) => StandardCode.TryParse(code, out var parsed, out _) ? parsed.Canonical : code;
}
