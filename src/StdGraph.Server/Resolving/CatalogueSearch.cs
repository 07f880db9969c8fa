using System.Globalization;
using System.Text;
using StdGraph.Core.Catalogue;

namespace StdGraph.Server.Resolving;

/// <summary>
/// Search by scanning the catalogue: code and title substrings, the filters, facets over all matches.
/// The stand-in until the Lucene index is wired in; same contract.
/// </summary>
internal sealed class CatalogueSearch(StandardDirectory directory, IFieldTaxonomy taxonomy) : ISearchService
{
    private static readonly string[] FacetNames = ["status", "body", "type", "committee", "ics", "year"];

    public Task<SearchPage> SearchAsync(SearchQuery query, CancellationToken ct)
    {
        var offset = DecodeCursor(query.After);
        var terms = query.Text.Split((char[])[' ', '\t', '\u3000'], StringSplitOptions.RemoveEmptyEntries);
        HashSet<string>? inField = query.Filter.Field is { } field ? [.. taxonomy.Members(field)] : null;
        var matches = new List<(StandardEdition Edition, double Score)>();
        var n = 0;
        foreach (var e in directory.Catalogue.Editions.Values)
        {
            if ((++n & 4095) == 0) ct.ThrowIfCancellationRequested();
            if (!Passes(e, query.Filter, inField)) continue;
            var score = Score(e, terms);
            if (score > 0) matches.Add((e, score));
        }

        matches.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : StandardDirectory.NewestFirst(a.Edition, b.Edition));
        var page = matches.Skip(offset).Take(query.First)
            .Select((m, i) => new SearchHit(directory.Node(m.Edition), m.Score, EncodeCursor(offset + i + 1), Highlights(m.Edition, terms)))
            .ToList();
        var facets = FacetNames.Select(name => new Facet(name, Count(matches.Select(m => m.Edition), name))).ToList();
        var end = page.Count > 0 ? page[^1].Cursor : query.After;
        return Task.FromResult(new SearchPage(matches.Count, page, facets, end, offset + page.Count < matches.Count));
    }

    private static bool Passes(StandardEdition e, SearchFilter f, HashSet<string>? inField)
    {
        if (f.Status is { Count: > 0 } statuses && (e.Status is not { } s || !statuses.Contains(s))) return false;
        if (f.Type is { Count: > 0 } types && !types.Contains(e.Type ?? "", StringComparer.OrdinalIgnoreCase)) return false;
        if (f.Body is { Count: > 0 } bodies && !bodies.Any(b => IsBody(e, b))) return false;
        if (f.Committee is { } committee && !string.Equals(e.Committee, committee, StringComparison.OrdinalIgnoreCase)) return false;
        if (f.Ics is { } ics && !e.Ics.Any(c => c == ics || c.StartsWith(ics + ".", StringComparison.Ordinal))) return false;
        if (f.Year is { } year && e.Issued?.Year != year) return false;
        var adoptions = e.Relations.Where(r => r.Type == RelationType.Adopts).ToList();
        if (f.HasAdoption is { } has && has != adoptions.Count > 0) return false;
        if (f.Degree is { } degree && !adoptions.Any(a => a.Degree == degree)) return false;
        if (inField is not null && !inField.Contains(e.ParsedCode.Canonical)) return false;
        return true;
    }

    /// <summary>A body as the facet names it (SAC, ISO, IETF) or as a code prints it (GB, GB/T, RFC).</summary>
    private static bool IsBody(StandardEdition e, string body) =>
        string.Equals(e.ParsedCode.Body, body, StringComparison.OrdinalIgnoreCase)
        || string.Equals(e.ParsedCode.Prefix, body, StringComparison.OrdinalIgnoreCase)
        || string.Equals(e.ParsedCode.Prefix.Split('/')[0], body, StringComparison.OrdinalIgnoreCase);

    private static double Score(StandardEdition e, string[] terms)
    {
        if (terms.Length == 0) return 1;
        double score = 0;
        foreach (var term in terms)
        {
            var hit = 0.0;
            if (e.ParsedCode.Canonical.Contains(term, StringComparison.OrdinalIgnoreCase) || e.Code.Contains(term, StringComparison.OrdinalIgnoreCase)) hit += 5;
            foreach (var title in e.Titles.Values)
                if (title.Contains(term, StringComparison.OrdinalIgnoreCase)) hit += 2;
            if (hit == 0) return 0;
            score += hit;
        }

        return score;
    }

    private static IReadOnlyList<string> Highlights(StandardEdition e, string[] terms)
    {
        var result = new List<string>();
        foreach (var title in e.Titles.Values)
        {
            var marked = title;
            var any = false;
            foreach (var term in terms)
            {
                var at = marked.IndexOf(term, StringComparison.OrdinalIgnoreCase);
                if (at < 0) continue;
                marked = marked[..at] + "<em>" + marked.Substring(at, term.Length) + "</em>" + marked[(at + term.Length)..];
                any = true;
            }

            if (any) result.Add(marked);
        }

        return result;
    }

    private static IReadOnlyList<FacetValue> Count(IEnumerable<StandardEdition> editions, string facet)
    {
        IEnumerable<string> Values(StandardEdition e) => facet switch
        {
            "status" => e.Status is { } s ? [s.ToName()] : [],
            "body" => [e.ParsedCode.Body],
            "type" => e.Type is { } t ? [t] : [],
            "committee" => e.Committee is { } c ? [c] : [],
            "ics" => e.Ics.Select(i => i.Split('.')[0]).Distinct(),
            "year" => e.Issued is { } d ? [d.Year.ToString(CultureInfo.InvariantCulture)] : [],
            _ => [],
        };

        return editions.SelectMany(Values).GroupBy(v => v)
            .Select(g => new FacetValue(g.Key, g.Count()))
            .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal)
            .Take(20).ToList();
    }

    private static string EncodeCursor(int position) => Convert.ToBase64String(Encoding.UTF8.GetBytes("o:" + position.ToString(CultureInfo.InvariantCulture)));

    private static int DecodeCursor(string? cursor)
    {
        if (cursor is null) return 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith("o:", StringComparison.Ordinal) && int.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        }
        catch (FormatException)
        {
        }

        throw new SearchRequestException($"'{cursor}' is not a cursor this server issued");
    }
}
