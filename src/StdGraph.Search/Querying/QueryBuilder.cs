using Lucene.Net.Index;
using Lucene.Net.Search;
using StdGraph.Search.Analysis;
using StdGraph.Search.Indexing;

namespace StdGraph.Search.Querying;

/// <summary>A Lucene query built from user text, with the terms each text field should highlight.</summary>
internal sealed record BuiltQuery(Query Query, IReadOnlyDictionary<string, HashSet<string>> HighlightTerms, bool HasWords, bool HasCodes);

/// <summary>
/// Builds queries from user text without a query syntax (so no input can fail to parse): detected codes become weighted
/// code-key clauses; the remaining words are analysed per language and matched in titles (weighted) and abstracts, with
/// adjacent terms rewarded as phrases so <c>网络安全</c> means the compound, not two loose words.
/// </summary>
internal sealed class QueryBuilder(TextAnalysis analysis)
{
    private const float TitleBoost = 3f;
    private const float AbstractBoost = 1f;
    private const float PairBoost = 1.5f;
    private const float PhraseBoost = 2f;

    /// <param name="relaxed">Second pass for few hits: any one term suffices and English/French terms tolerate typos.</param>
    public BuiltQuery Build(string text, bool relaxed)
    {
        var parsed = QueryCodes.Parse(text);
        var top = new BooleanQuery(disableCoord: true);
        foreach (var key in parsed.CodeKeys)
        {
            top.Add(Constant(new TermQuery(new Term(IndexFields.Code, key.Key)), key.Weight), Occur.SHOULD);
            if (key.Key.StartsWith("w:", StringComparison.Ordinal))
                top.Add(Constant(new TermQuery(new Term(IndexFields.AdoptedCode, key.Key)), QueryCodes.AdoptedWorkWeight), Occur.SHOULD);
        }

        var highlights = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var hasWords = false;
        if (parsed.Words.Length > 0)
        {
            var nonHan = new string(parsed.Words.Select(c => QueryCodes.IsHan(c) ? ' ' : c).ToArray()).Trim();
            foreach (var language in IndexFields.Languages)
            {
                var words = language == "zh" ? parsed.Words : nonHan;
                if (words.Length == 0) continue;
                var analyzer = analysis.ForLanguage(language);
                var terms = TextAnalysis.Terms(analyzer, IndexFields.Title(language), words);
                if (terms.Count == 0) continue;
                hasWords = true;
                var fuzzy = relaxed && language != "zh";
                foreach (var (field, boost) in new[] { (IndexFields.Title(language), TitleBoost), (IndexFields.Abstract(language), AbstractBoost) })
                {
                    top.Add(FieldQuery(field, terms, boost, relaxed, fuzzy), Occur.SHOULD);
                    var set = highlights.TryGetValue(field, out var s) ? s : highlights[field] = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var (term, _) in terms) set.Add(term);
                }
            }
        }

        Query query = top.Clauses.Count > 0 ? top
            : string.IsNullOrWhiteSpace(text) ? new MatchAllDocsQuery()
            : new BooleanQuery();
        return new BuiltQuery(query, highlights, hasWords, parsed.CodeKeys.Count > 0);
    }

    /// <summary>A query for the code lookup: code keys only.</summary>
    public static Query CodeLookup(IReadOnlyList<CodeKey> keys)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var key in keys) query.Add(Constant(new TermQuery(new Term(IndexFields.Code, key.Key)), key.Weight), Occur.SHOULD);
        return query;
    }

    private static Query FieldQuery(string field, List<(string Term, int Position)> terms, float boost, bool relaxed, bool fuzzy)
    {
        var distinct = terms.Select(t => t.Term).Distinct(StringComparer.Ordinal).ToList();
        var bag = new BooleanQuery();
        foreach (var term in distinct)
        {
            bag.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
            if (fuzzy && term.Length >= 4)
                bag.Add(new FuzzyQuery(new Term(field, term), term.Length >= 8 ? 2 : 1, prefixLength: 1) { Boost = 0.5f }, Occur.SHOULD);
        }

        bag.MinimumNumberShouldMatch = relaxed ? 1 : MinimumToMatch(distinct.Count);
        if (terms.Count < 2) { bag.Boost = boost; return bag; }

        var query = new BooleanQuery { { bag, Occur.MUST } };
        for (var i = 0; i + 1 < terms.Count; i++)
        {
            var pair = new PhraseQuery { Boost = PairBoost };
            pair.Add(new Term(field, terms[i].Term), 0);
            pair.Add(new Term(field, terms[i + 1].Term), terms[i + 1].Position - terms[i].Position);
            query.Add(pair, Occur.SHOULD);
        }

        if (terms.Count > 2)
        {
            var phrase = new PhraseQuery { Slop = 2, Boost = PhraseBoost };
            foreach (var (term, position) in terms) phrase.Add(new Term(field, term), position - terms[0].Position);
            query.Add(phrase, Occur.SHOULD);
        }

        query.Boost = boost;
        return query;
    }

    /// <summary>All of one or two terms; three fifths of longer queries (rounded up).</summary>
    internal static int MinimumToMatch(int terms) => terms <= 2 ? terms : (terms * 3 + 4) / 5;

    private static ConstantScoreQuery Constant(Query query, float weight) => new(query) { Boost = weight };
}
