using System.Collections.Concurrent;
using System.Globalization;
using StdGraph.Core.Catalogue;
using StdGraph.Equivalents.Catalogue;
using StdGraph.Equivalents.Learning;
using StdGraph.Equivalents.Text;

namespace StdGraph.Equivalents.Candidates;

/// <summary>A retrieved international edition with its feature vector (see <see cref="CandidateRanker.FeatureNames"/>).</summary>
internal sealed record ScoredCandidate(StandardEdition Edition, TitleMatch Title, double[] Features)
{
    public double Confidence { get; set; }
}

/// <summary>What a query retrieved, before the model scores it.</summary>
internal sealed record RetrievedCandidates(IReadOnlyList<ScoredCandidate> Candidates, QueryMode Mode, IReadOnlyDictionary<string, double> Terms, IReadOnlyList<string> Translations);

/// <summary>Retrieves international editions by title and describes each one by features the model weighs.</summary>
internal sealed class CandidateRanker(ITitleRetriever titles, IEditionCatalogue editions)
{
    /// <summary>How many works the title search keeps; every adoptable edition of each is then considered.</summary>
    public const int RetrievedWorks = 25;

    public static readonly string[] FeatureNames =
    [
        "titleSimilarity", "titleRelative", "icsExact", "icsGroup", "icsLearned", "committeeLearned", "committeeMismatch",
        "committeeSame", "lagTypicality", "issuedAfterNational", "latestEditionBeforeNational", "latestEditionOfWork",
        "partMatch", "partMismatch", "deliverableMismatch",
    ];

    private const int RetrievalCacheLimit = 4096;
    private readonly ConcurrentDictionary<string, IReadOnlyList<TitleMatch>> retrievals = new(StringComparer.Ordinal);

    public RetrievedCandidates Retrieve(CandidateQuery query, LearnedTables tables, IReadOnlyCollection<StandardEdition>? mustInclude = null)
    {
        var (terms, translations) = Terms(query, tables);
        var matches = terms.Count == 0 ? [] : CachedRetrieve(terms).ToList();
        foreach (var required in mustInclude ?? [])
        {
            if (!matches.Any(m => ReferenceEquals(m.Edition, required))) matches.Add(titles.Score(terms, required));
        }

        var best = matches.Count == 0 ? 0 : matches.Max(m => m.Similarity);
        var scored = matches.Select(m => new ScoredCandidate(m.Edition, m, Features(query, m, best, tables))).ToList();
        return new RetrievedCandidates(scored, query.Mode, terms, translations);
    }

    /// <summary>The evaluation asks the same English query once per fold: the title search does not depend on what was learned.</summary>
    private IReadOnlyList<TitleMatch> CachedRetrieve(IReadOnlyDictionary<string, double> terms)
    {
        var key = string.Join("|", terms.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key + ":" + t.Value.ToString("R", CultureInfo.InvariantCulture)));
        if (retrievals.TryGetValue(key, out var cached)) return cached;
        var found = titles.Retrieve(terms, RetrievedWorks);
        if (retrievals.Count < RetrievalCacheLimit) retrievals.TryAdd(key, found);
        return found;
    }

    public static (IReadOnlyDictionary<string, double> Terms, IReadOnlyList<string> Translations) Terms(CandidateQuery query, LearnedTables tables)
    {
        switch (query.Mode)
        {
            case QueryMode.English:
                return (TitleText.EnglishTerms(query.TitleEn).GroupBy(t => t).ToDictionary(g => g.Key, g => (double)g.Count()), []);
            case QueryMode.Chinese:
                var t = tables.Lexicon.Translate(query.TitleZh!);
                return (t.Terms, t.Phrases);
            default:
                return (new Dictionary<string, double>(), []);
        }
    }

    private double[] Features(CandidateQuery q, TitleMatch m, double best, LearnedTables tables)
    {
        var e = m.Edition;
        var f = new double[FeatureNames.Length];
        f[0] = m.Similarity;
        f[1] = best > 0 ? m.Similarity / best : 0;
        if (q.Ics.Count > 0 && e.Ics.Count > 0)
        {
            f[2] = q.Ics.Intersect(e.Ics).Any() ? 1 : 0;
            f[3] = q.Ics.Select(LearnedTables.IcsGroup).Intersect(e.Ics.Select(LearnedTables.IcsGroup)).Any() ? 1 : 0;
            f[4] = tables.Ics(q.Ics, e.Ics).Probability;
        }

        if (q.Committee is { } committee)
        {
            if (string.Equals(committee, e.Committee, StringComparison.OrdinalIgnoreCase)) f[7] = 1;
            var learned = tables.Committee(committee, e.Committee);
            f[5] = learned.Probability;
            f[6] = learned.Total >= 2 && learned.Together == 0 && f[7] == 0 ? 1 : 0;
        }

        if (LearnedTables.LagYears(q.Issued, e.Issued) is { } lag)
        {
            f[8] = tables.LagTypicality(lag);
            f[9] = lag < -0.25 ? 1 : 0;
            f[10] = ReferenceEquals(LatestBefore(e.ParsedCode.WorkKey, q.Issued!.Value), e) ? 1 : 0;
        }

        f[11] = ReferenceEquals(Latest(e.ParsedCode.WorkKey), e) ? 1 : 0;
        var qp = TitleText.LastPartComponent(q.Part);
        var ep = TitleText.LastPartComponent(e.ParsedCode.Part);
        if (qp is not null && ep is not null)
        {
            f[12] = qp == ep ? 1 : 0;
            f[13] = qp == ep ? 0 : 1;
        }

        var candidateIsReport = e.ParsedCode.Type is "TR" or "TS" || e.Type is "TR" or "TS";
        if (q.Type is { } type) f[14] = type == "GB/Z" ? (candidateIsReport ? 0 : 1) : (candidateIsReport ? 1 : 0);
        return f;
    }

    /// <summary>The newest adoptable edition of a work issued no later than a quarter-year after <paramref name="date"/>.</summary>
    public StandardEdition? LatestBefore(string work, PartialDate date)
    {
        var limit = date.Earliest.AddDays(91);
        return editions.EditionsOfWork(work).Where(CatalogueEditions.IsIssuedBaseEdition).LastOrDefault(e => (e.Issued?.Earliest ?? new DateOnly(e.ParsedCode.Year!.Value, 1, 1)) <= limit);
    }

    private StandardEdition? Latest(string work) => editions.EditionsOfWork(work).LastOrDefault(CatalogueEditions.IsIssuedBaseEdition);

    /// <summary>Why a candidate ranks where it does, in words a liaison officer can check.</summary>
    public IReadOnlyList<string> Reasons(CandidateQuery q, ScoredCandidate c, LearnedTables tables, IReadOnlyList<string> translations)
    {
        var e = c.Edition;
        var f = c.Features;
        var reasons = new List<string>();
        if (c.Title.Similarity > 0)
        {
            var via = q.Mode == QueryMode.Chinese ? "Chinese title (translated with the learned lexicon)" : "English title";
            reasons.Add($"{via} matches \"{e.Title("en")}\" (similarity {c.Title.Similarity.ToString("0.00", CultureInfo.InvariantCulture)}; shared terms: {string.Join(", ", c.Title.SharedTerms.Take(8))})");
            if (q.Mode == QueryMode.Chinese && translations.Count > 0) reasons.Add("translation: " + string.Join("; ", translations.Take(6)));
        }

        if (f[2] > 0) reasons.Add($"shares ICS {string.Join(", ", q.Ics.Intersect(e.Ics))}");
        else if (f[3] > 0) reasons.Add($"same ICS group {string.Join(", ", q.Ics.Select(LearnedTables.IcsGroup).Intersect(e.Ics.Select(LearnedTables.IcsGroup)).Distinct())}");
        if (f[4] > 0 && f[2] == 0)
        {
            var ics = tables.Ics(q.Ics, e.Ics);
            reasons.Add($"ICS {ics.National} corresponds to {ics.International} in {ics.Together} declared adoptions");
        }

        if (f[7] > 0) reasons.Add($"same committee {e.Committee}");
        else if (q.Committee is { } committee && e.Committee is not null)
        {
            var learned = tables.Committee(committee, e.Committee);
            if (learned.Together > 0) reasons.Add($"committee {committee} ↔ {e.Committee}: {learned.Together} of {learned.Total} declared adoptions by {committee} are of {e.Committee} work");
            else if (f[6] > 0) reasons.Add($"committee {e.Committee} is not among those {committee} has adopted from ({learned.Total} declared adoptions)");
        }

        if (LearnedTables.LagYears(q.Issued, e.Issued) is { } lag)
        {
            var share = Math.Round(100 * tables.ShareWithinFiveYears);
            if (lag is >= -0.25 and < 6)
                reasons.Add($"issued {e.Issued}, {TitleText.Years(Math.Max(0, lag))} years before the national issue date {q.Issued} (consistent: {share}% of declared adoptions follow their international edition within 0–5 years)");
            else if (lag >= 6)
                reasons.Add($"issued {e.Issued}, {TitleText.Years(lag)} years before the national issue date {q.Issued} (a longer lag than usual: {share}% of declared adoptions follow within 0–5 years)");
            else reasons.Add($"issued {e.Issued}, after the national issue date {q.Issued}: cannot be the edition adopted then");
            if (f[10] > 0) reasons.Add($"the latest edition of {e.ParsedCode.WorkKey} issued by the national issue date");
        }
        else if (f[11] > 0) reasons.Add($"the latest edition of {e.ParsedCode.WorkKey}");

        if (f[12] > 0) reasons.Add($"part {q.Part} lines up with part {e.ParsedCode.Part}");
        else if (f[13] > 0) reasons.Add($"part numbers differ ({q.Part} vs {e.ParsedCode.Part})");
        if (f[14] > 0) reasons.Add($"deliverable types differ ({q.Type} vs {e.Type ?? e.ParsedCode.Type ?? "IS"})");
        return reasons;
    }
}
