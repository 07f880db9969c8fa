using StdGraph.Core.Catalogue;

namespace StdGraph.Equivalents.Learning;

/// <summary>A declared adoption whose international edition is in the catalogue: one training (or test) example.</summary>
internal sealed record DeclaredAdoption(StandardEdition National, StandardEdition International, AdoptionDegree? Degree);

/// <summary>
/// Everything learned from a set of national records and their declared adoptions: the title lexicon, which
/// international committees and ICS classes national committees and ICS classes correspond to, and how long after
/// the international edition national adoptions are issued.
/// </summary>
internal sealed class LearnedTables
{
    private readonly Dictionary<string, Dictionary<string, int>> committees = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> committeeTotals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, int>> ics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> icsTotals = new(StringComparer.Ordinal);
    private readonly int[] lagBins = new int[LagBinCount];

    /// <summary>Lag bins: whole years from -1 (international edition up to a year later) to 8, then "9 or more".</summary>
    private const int LagBinCount = 11;

    private LearnedTables(TitleLexicon lexicon) => Lexicon = lexicon;

    public TitleLexicon Lexicon { get; }

    public int Adoptions { get; private set; }

    public static LearnedTables Learn(IReadOnlyCollection<StandardEdition> nationals, IReadOnlyList<DeclaredAdoption> adoptions)
    {
        var pairs = new List<(string, string)>();
        foreach (var n in nationals)
        {
            if (n.Title("zh") is { } zh && n.Title("en") is { } en) pairs.Add((zh, en));
        }

        foreach (var a in adoptions)
        {
            if (a.National.Title("zh") is { } zh && a.International.Title("en") is { } en) pairs.Add((zh, en));
        }

        var tables = new LearnedTables(TitleLexicon.Learn(pairs));
        foreach (var a in adoptions) tables.Add(a);
        return tables;
    }

    private void Add(DeclaredAdoption a)
    {
        Adoptions++;
        if (a.National.Committee is { } nc && a.International.Committee is { } ic)
        {
            committeeTotals[nc] = committeeTotals.GetValueOrDefault(nc) + 1;
            if (!committees.TryGetValue(nc, out var row)) committees[nc] = row = new Dictionary<string, int>(StringComparer.Ordinal);
            row[ic] = row.GetValueOrDefault(ic) + 1;
        }

        foreach (var n in a.National.Ics.Select(IcsGroup).Distinct())
        {
            icsTotals[n] = icsTotals.GetValueOrDefault(n) + 1;
            if (!ics.TryGetValue(n, out var row)) ics[n] = row = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var i in a.International.Ics.Select(IcsGroup).Distinct()) row[i] = row.GetValueOrDefault(i) + 1;
        }

        if (LagYears(a.National.Issued, a.International.Issued) is { } lag) lagBins[LagBin(lag)]++;
    }

    /// <summary>How often national committee <paramref name="national"/> adopted work of <paramref name="international"/> (count, of total), shrunk toward 0 for rare committees.</summary>
    public (double Probability, int Together, int Total) Committee(string national, string? international)
    {
        var total = committeeTotals.GetValueOrDefault(national);
        if (total == 0 || international is null) return (0, 0, total);
        var together = committees[national].GetValueOrDefault(international);
        return (together / (total + 1.0), together, total);
    }

    /// <summary>The best learned ICS correspondence between the national and international classes (probability, the pair, its count).</summary>
    public (double Probability, string? National, string? International, int Together) Ics(IReadOnlyList<string> national, IReadOnlyList<string> international)
    {
        (double, string?, string?, int) best = (0, null, null, 0);
        foreach (var n in national.Select(IcsGroup).Distinct())
        {
            if (!ics.TryGetValue(n, out var row)) continue;
            foreach (var i in international.Select(IcsGroup).Distinct())
            {
                var together = row.GetValueOrDefault(i);
                var p = together / (icsTotals[n] + 1.0);
                if (p > best.Item1) best = (p, n, i, together);
            }
        }

        return best;
    }

    /// <summary>How typical a lag is, relative to the most common lag (1 = the most common), with add-one smoothing.</summary>
    public double LagTypicality(double lagYears)
    {
        var max = lagBins.Max() + 1.0;
        return (lagBins[LagBin(lagYears)] + 1.0) / max;
    }

    /// <summary>The share of learned adoptions issued 0–5 years after their international edition.</summary>
    public double ShareWithinFiveYears
    {
        get
        {
            var total = lagBins.Sum();
            return total == 0 ? 0 : lagBins.Skip(1).Take(6).Sum() / (double)total;
        }
    }

    public static double? LagYears(PartialDate? national, PartialDate? international) =>
        national is { } n && international is { } i ? (n.Earliest.DayNumber - i.Earliest.DayNumber) / 365.25 : null;

    public static string IcsGroup(string code)
    {
        var parts = code.Split('.');
        return parts.Length <= 2 ? code : parts[0] + "." + parts[1];
    }

    private static int LagBin(double lag) => lag < 0 ? 0 : Math.Min(LagBinCount - 1, 1 + (int)Math.Floor(lag));
}
