using StdGraph.Equivalents.Text;

namespace StdGraph.Equivalents.Learning;

/// <summary>
/// A zh→en term lexicon learned from parallel titles: the Chinese and English titles of national standards, and the
/// Chinese title of each national standard against the English title of the international edition it adopts.
/// Chinese units are whole phrases (between spaces and punctuation) and character bigrams; a unit translates to the
/// English terms it co-occurs with most consistently (Dice coefficient over title pairs).
/// </summary>
internal sealed class TitleLexicon
{
    private const double MinimumDice = 0.25;
    private const int TermsPerUnit = 3;

    private readonly Dictionary<string, int> unitCount = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> termCount = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, int>> together = new(StringComparer.Ordinal);

    public int Pairs { get; private set; }

    public static TitleLexicon Learn(IEnumerable<(string Zh, string En)> pairs)
    {
        var lexicon = new TitleLexicon();
        foreach (var (zh, en) in pairs) lexicon.Add(zh, en);
        return lexicon;
    }

    private void Add(string zh, string en)
    {
        var units = TitleText.ChineseUnits(zh).Distinct().ToList();
        var terms = TitleText.EnglishTerms(en).Distinct().ToList();
        if (units.Count == 0 || terms.Count == 0) return;
        Pairs++;
        foreach (var t in terms) termCount[t] = termCount.GetValueOrDefault(t) + 1;
        foreach (var u in units)
        {
            unitCount[u] = unitCount.GetValueOrDefault(u) + 1;
            if (!together.TryGetValue(u, out var row)) together[u] = row = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var t in terms) row[t] = row.GetValueOrDefault(t) + 1;
        }
    }

    /// <summary>Weighted English terms for a Chinese title, and the phrase translations that produced them.</summary>
    public Translation Translate(string zh)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var explained = new List<string>();
        foreach (var t in TitleText.LatinTermsInChinese(zh)) weights[t] = 1.0;
        foreach (var phrase in TitleText.ChinesePhrases(zh))
        {
            var phraseTerms = Best("P:" + phrase, 1.0);
            if (phraseTerms.Count > 0)
            {
                foreach (var (t, w) in phraseTerms) weights[t] = Math.Max(weights.GetValueOrDefault(t), w);
                explained.Add($"{phrase} → {string.Join(" ", phraseTerms.Select(p => p.Term))}");
            }

            var fromBigrams = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var i = 0; i + 1 < phrase.Length; i++)
            {
                foreach (var (t, w) in Best("B:" + phrase.Substring(i, 2), 0.7))
                    fromBigrams[t] = Math.Max(fromBigrams.GetValueOrDefault(t), w);
            }

            foreach (var (t, w) in fromBigrams) weights[t] = Math.Max(weights.GetValueOrDefault(t), w);
            if (phraseTerms.Count == 0 && fromBigrams.Count > 0)
                explained.Add($"{phrase} → {string.Join(" ", fromBigrams.OrderByDescending(kv => kv.Value).Take(4).Select(kv => kv.Key))}");
        }

        return new Translation(weights, explained);
    }

    private List<(string Term, double Weight)> Best(string unit, double scale)
    {
        if (!together.TryGetValue(unit, out var row)) return [];
        var cu = unitCount[unit];
        return row
            .Select(kv => (Term: kv.Key, Together: kv.Value, Dice: 2.0 * kv.Value / (cu + termCount[kv.Key])))
            // A bigram seen once says little; a whole phrase seen once is still a fair guess, at half weight.
            .Where(x => x.Dice >= MinimumDice && (x.Together >= 2 || unit.StartsWith("P:", StringComparison.Ordinal)))
            .OrderByDescending(x => x.Dice).ThenBy(x => x.Term, StringComparer.Ordinal)
            .Take(TermsPerUnit)
            .Select(x => (x.Term, scale * x.Dice * (x.Together >= 2 ? 1.0 : 0.5)))
            .ToList();
    }
}

internal sealed record Translation(IReadOnlyDictionary<string, double> Terms, IReadOnlyList<string> Phrases);
