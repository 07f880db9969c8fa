using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Util;
using StdGraph.Search.Indexing;

namespace StdGraph.Search.Analysis;

/// <summary>How Chinese text is cut into terms. The index records its choice; queries must use the same.</summary>
internal enum ChineseAnalysis
{
    /// <summary>Word segmentation by the SmartCn HMM dictionary.</summary>
    SmartCn,

    /// <summary>Overlapping character bigrams (<c>CJKAnalyzer</c>), the dictionary-free baseline.</summary>
    Bigram,
}

/// <summary>The analyzers of each language and the per-field analyzer of the index.</summary>
internal sealed class TextAnalysis : IDisposable
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public TextAnalysis(ChineseAnalysis chinese)
    {
        ChineseMode = chinese;
        Chinese = chinese == ChineseAnalysis.SmartCn ? new SmartChineseAnalyzer(Version) : new CJKAnalyzer(Version);
        English = new EnglishAnalyzer(Version);
        French = new FrenchAnalyzer(Version);
        Code = new CodeAnalyzer();
        PerField = new PerFieldAnalyzerWrapper(English, new Dictionary<string, Analyzer>
        {
            [IndexFields.Code] = Code,
            [IndexFields.AdoptedCode] = Code,
            [IndexFields.Title("zh")] = Chinese,
            [IndexFields.Abstract("zh")] = Chinese,
            [IndexFields.Title("en")] = English,
            [IndexFields.Abstract("en")] = English,
            [IndexFields.Title("fr")] = French,
            [IndexFields.Abstract("fr")] = French,
        });
    }

    public ChineseAnalysis ChineseMode { get; }
    public Analyzer Chinese { get; }
    public Analyzer English { get; }
    public Analyzer French { get; }
    public Analyzer Code { get; }
    public Analyzer PerField { get; }

    public Analyzer ForLanguage(string language) => language switch
    {
        "zh" => Chinese,
        "fr" => French,
        _ => English,
    };

    /// <summary>The terms of <paramref name="text"/> with their positions (gaps kept, so phrases line up with the index).</summary>
    public static List<(string Term, int Position)> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var increment = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            terms.Add((term.ToString(), Math.Max(position, 0)));
        }

        stream.End();
        return terms;
    }

    public void Dispose()
    {
        PerField.Dispose();
        Chinese.Dispose();
        English.Dispose();
        French.Dispose();
        Code.Dispose();
    }
}
