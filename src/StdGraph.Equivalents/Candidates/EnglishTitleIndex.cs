using StdGraph.Core.Catalogue;
using StdGraph.Equivalents.Text;

namespace StdGraph.Equivalents.Candidates;

/// <summary>
/// An in-memory TF-IDF index over the English titles of adoptable international editions. Small and deterministic;
/// the similarity is a cosine in [0,1], which the candidate model uses directly as a feature.
/// </summary>
internal sealed class EnglishTitleIndex : ITitleRetriever
{
    private readonly StandardEdition[] editions;
    private readonly Dictionary<string, double>[] vectors;
    private readonly Dictionary<string, List<int>> postings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int[] Docs, double[] Weights)> weightedPostings = new(StringComparer.Ordinal);
    private readonly int[] workOf;
    private readonly string[] works;
    private readonly Dictionary<string, double> idf = new(StringComparer.Ordinal);
    private readonly Dictionary<StandardEdition, int> position = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, List<int>> byWork = new(StringComparer.Ordinal);

    public EnglishTitleIndex(IReadOnlyList<StandardEdition> pool)
    {
        editions = [.. pool];
        var termLists = new List<string>[editions.Length];
        for (var i = 0; i < editions.Length; i++)
        {
            termLists[i] = [.. TitleText.EnglishTerms(editions[i].Title("en"))];
            foreach (var t in termLists[i].Distinct())
            {
                if (!postings.TryGetValue(t, out var list)) postings[t] = list = [];
                list.Add(i);
            }

            position[editions[i]] = i;
            var work = editions[i].ParsedCode.WorkKey;
            if (!byWork.TryGetValue(work, out var w)) byWork[work] = w = [];
            w.Add(i);
        }

        foreach (var (term, list) in postings) idf[term] = Math.Log(1.0 + editions.Length / (double)list.Count);
        vectors = new Dictionary<string, double>[editions.Length];
        for (var i = 0; i < editions.Length; i++) vectors[i] = Normalise(termLists[i].GroupBy(t => t).ToDictionary(g => g.Key, g => (1 + Math.Log(g.Count())) * Idf(g.Key)));
        foreach (var (term, list) in postings) weightedPostings[term] = ([.. list], list.Select(i => vectors[i][term]).ToArray());
        works = [.. byWork.Keys];
        var workIds = works.Select((w, i) => (w, i)).ToDictionary(x => x.w, x => x.i, StringComparer.Ordinal);
        workOf = editions.Select(e => workIds[e.ParsedCode.WorkKey]).ToArray();
    }

    public int Count => editions.Length;

    public double Idf(string term) => idf.TryGetValue(term, out var v) ? v : Math.Log(1.0 + editions.Length);

    /// <summary>Turns weighted terms into a unit TF-IDF vector (terms the index does not know are dropped).</summary>
    public Dictionary<string, double> QueryVector(IReadOnlyDictionary<string, double> query) =>
        Normalise(query.Where(kv => postings.ContainsKey(kv.Key) && kv.Value > 0).ToDictionary(kv => kv.Key, kv => kv.Value * Idf(kv.Key)));

    public IReadOnlyList<TitleMatch> Retrieve(IReadOnlyDictionary<string, double> query, int works)
    {
        var q = QueryVector(query);
        if (q.Count == 0) return [];
        var scores = new double[editions.Length];
        var touched = new List<int>();
        foreach (var (term, weight) in q)
        {
            var (docs, weights) = weightedPostings[term];
            for (var k = 0; k < docs.Length; k++)
            {
                if (scores[docs[k]] == 0) touched.Add(docs[k]);
                scores[docs[k]] += weight * weights[k];
            }
        }

        var workScores = new Dictionary<int, double>();
        foreach (var i in touched)
        {
            if (scores[i] > workScores.GetValueOrDefault(workOf[i])) workScores[workOf[i]] = scores[i];
        }

        var bestWorks = workScores
            .OrderByDescending(w => w.Value).ThenBy(w => this.works[w.Key], StringComparer.Ordinal)
            .Take(works);
        var matches = new List<TitleMatch>();
        foreach (var (work, _) in bestWorks)
        {
            foreach (var i in byWork[this.works[work]])
                matches.Add(Match(q, i, scores[i]));
        }

        return matches;
    }

    public TitleMatch Score(IReadOnlyDictionary<string, double> query, StandardEdition edition)
    {
        if (!position.TryGetValue(edition, out var i)) return new TitleMatch(edition, 0, []);
        var q = QueryVector(query);
        var score = q.Sum(kv => vectors[i].TryGetValue(kv.Key, out var d) ? kv.Value * d : 0);
        return Match(q, i, score);
    }

    private TitleMatch Match(Dictionary<string, double> q, int i, double score) =>
        new(editions[i], Math.Clamp(score, 0, 1), q.Keys.Where(vectors[i].ContainsKey).OrderByDescending(t => q[t]).ToList());

    private static Dictionary<string, double> Normalise(Dictionary<string, double> v)
    {
        var norm = Math.Sqrt(v.Values.Sum(x => x * x));
        if (norm == 0) return v;
        foreach (var k in v.Keys.ToList()) v[k] /= norm;
        return v;
    }
}
