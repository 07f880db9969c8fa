using System.Text;
using System.Text.RegularExpressions;

namespace StdGraph.Answers.Retrieval;

/// <summary>
/// The topic of a question with the question words, codes and punctuation taken out: Chinese runs (matched by
/// character bigrams, as there is no word segmentation to trust) and English words (matched by stem prefix).
/// </summary>
internal sealed partial class QueryTerms
{
    private static readonly string[] ChineseStopPhrases =
    [
        "国家标准", "国际标准", "行业标准", "标准化", "标准", "国标", "有哪些", "哪些", "是什么", "什么", "怎么", "如何", "关系",
        "方面", "领域", "现行有效", "现行", "有效", "最新", "相关", "关于", "我国", "中国", "请问", "目前", "采用", "对应",
        "代替", "替代", "取代", "引用", "规定", "适用", "包括", "哪个", "哪项", "一下", "介绍", "列出", "的", "吗", "呢",
        "和", "与", "及",
    ];

    private static readonly HashSet<string> EnglishStopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "which", "what", "whats", "who", "how", "are", "is", "was", "were", "be", "been", "do", "does",
        "did", "there", "any", "some", "all", "list", "show", "tell", "me", "about", "of", "on", "in", "for", "to", "and",
        "or", "with", "by", "from", "as", "at", "that", "this", "these", "those", "it", "its", "standard", "standards",
        "national", "chinese", "china", "international", "valid", "current", "currently", "force", "adopt", "adopts",
        "adopted", "adopting", "adoption", "replace", "replaces", "replaced", "replacing", "supersede", "superseded",
        "cite", "cites", "cited", "relation", "relationship", "between", "related", "latest", "new", "newest", "edition",
        "editions", "version", "still", "have", "has", "field", "area", "topic", "gb", "iso", "iec", "please", "can", "you",
        "does", "covering", "cover", "covers", "regarding", "concerning", "exist", "exists",
    };

    private QueryTerms(string text, IReadOnlyList<string> chinese, IReadOnlyList<string> english)
    {
        Text = text;
        ChineseRuns = chinese;
        EnglishWords = english;
        Bigrams = chinese.SelectMany(ToBigrams).Distinct().ToList();
    }

    /// <summary>The topic as printed back to the reader.</summary>
    public string Text { get; }

    public IReadOnlyList<string> ChineseRuns { get; }

    public IReadOnlyList<string> EnglishWords { get; }

    public IReadOnlyList<string> Bigrams { get; }

    public bool IsEmpty => Bigrams.Count == 0 && EnglishWords.Count == 0;

    /// <summary>
    /// The share of the topic a title must cover to count as about it: all of a short topic ("大数据" must not find
    /// every title with 数据), most of a longer one.
    /// </summary>
    public double MinCoverage => Bigrams.Count + EnglishWords.Count <= 3 ? 0.999 : 0.6;

    public static QueryTerms From(string question, IEnumerable<CodeMention> mentions)
    {
        var text = question;
        foreach (var m in mentions.OrderByDescending(m => m.Start)) text = text.Remove(m.Start, m.Length).Insert(m.Start, " ");
        text = text.Normalize(NormalizationForm.FormKC);

        var chinese = new List<string>();
        foreach (Match run in ChineseRun().Matches(text))
        {
            var pieces = new List<string> { run.Value };
            foreach (var stop in ChineseStopPhrases)
                pieces = pieces.SelectMany(p => p.Split(stop, StringSplitOptions.RemoveEmptyEntries)).ToList();
            chinese.AddRange(pieces.Where(p => p.Length >= 2));
        }

        var english = new List<string>();
        foreach (Match word in LatinWord().Matches(text))
        {
            var w = word.Value.ToLowerInvariant();
            if (w.Length < 2 || EnglishStopWords.Contains(w) || w.All(char.IsDigit)) continue;
            english.Add(Stem(w));
        }

        var printed = string.Join(" ", chinese.Concat(LatinWord().Matches(text).Select(m => m.Value)
            .Where(w => w.Length >= 2 && !EnglishStopWords.Contains(w) && !w.All(char.IsDigit))));
        return new QueryTerms(printed.Trim(), chinese, english.Distinct().ToList());
    }

    /// <summary>How much of the query a title covers: the larger of the Chinese bigram and English word fractions.</summary>
    public double Coverage(string? titleZhLower, string? titleEnLower)
    {
        double zh = 0, en = 0;
        if (Bigrams.Count > 0 && titleZhLower is not null)
            zh = (double)Bigrams.Count(titleZhLower.Contains) / Bigrams.Count;
        if (EnglishWords.Count > 0)
        {
            var title = titleEnLower ?? titleZhLower;
            if (title is not null) en = (double)EnglishWords.Count(w => ContainsWord(title, w)) / EnglishWords.Count;
        }
        return Math.Max(zh, en);
    }

    /// <summary>
    /// Coverage plus a bonus for the query's English words standing next to each other in the title, so
    /// "information security management systems" ranks the title holding that phrase above one holding its words apart.
    /// </summary>
    public double Relevance(string? titleZhLower, string? titleEnLower)
    {
        var coverage = Coverage(titleZhLower, titleEnLower);
        if (EnglishWords.Count < 2 || (titleEnLower ?? titleZhLower) is not { } title) return coverage;
        var pairs = 0;
        for (var i = 0; i + 1 < EnglishWords.Count; i++)
            if (System.Text.RegularExpressions.Regex.IsMatch(title, $@"\b{System.Text.RegularExpressions.Regex.Escape(EnglishWords[i])}\w*\W+{System.Text.RegularExpressions.Regex.Escape(EnglishWords[i + 1])}"))
                pairs++;
        return coverage + 0.5 * pairs / (EnglishWords.Count - 1);
    }

    /// <summary>True when every word of an English <paramref name="label"/> is one of the query's words ("smart city" for "smart cities").</summary>
    public bool NamesAllWordsOf(string label)
    {
        var words = LatinWord().Matches(label.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length >= 3).ToList();
        return words.Count > 0 && words.All(w => EnglishWords.Any(s => w.StartsWith(s, StringComparison.Ordinal) || s.StartsWith(w, StringComparison.Ordinal)));
    }

    private static bool ContainsWord(string title, string stem)
    {
        var at = 0;
        while ((at = title.IndexOf(stem, at, StringComparison.Ordinal)) >= 0)
        {
            if (at == 0 || !char.IsLetterOrDigit(title[at - 1])) return true;
            at += stem.Length;
        }
        return false;
    }

    private static IEnumerable<string> ToBigrams(string run)
    {
        if (run.Length == 1) { yield return run; yield break; }
        for (var i = 0; i + 1 < run.Length; i++) yield return run.Substring(i, 2).ToLowerInvariant();
    }

    private static string Stem(string word) =>
        word.Length > 5 && word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3]
        : word.Length > 4 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1]
        : word.Length > 6 && word.EndsWith("ing", StringComparison.Ordinal) ? word[..^3]
        : word;

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\p{IsCJKUnifiedIdeographsExtensionA}]+")]
    private static partial Regex ChineseRun();

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9.\-]*[A-Za-z0-9]|[A-Za-z]{2,}")]
    private static partial Regex LatinWord();
}
