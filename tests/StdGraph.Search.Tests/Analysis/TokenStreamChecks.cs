using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace StdGraph.Search.Tests.Analysis;

internal sealed record TokenInfo(string Term, int Start, int End, int Increment, int Length);

/// <summary>
/// Token stream invariants in the spirit of Lucene's BaseTokenStreamTestCase: offsets inside the text and never going
/// backwards, positions never going backwards, a final offset equal to the text length, and the same tokens when the
/// analyzer's components are reused.
/// </summary>
internal static class TokenStreamChecks
{
    public static (List<TokenInfo> Tokens, int FinalOffset) Consume(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<TokenInfo>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var length = stream.AddAttribute<IPositionLengthAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            tokens.Add(new TokenInfo(term.ToString(), offset.StartOffset, offset.EndOffset, increment.PositionIncrement, length.PositionLength));
        stream.End();
        var final = offset.EndOffset;
        return (tokens, final);
    }

    public static void Check(Analyzer analyzer, string field, string text)
    {
        var (tokens, final) = Consume(analyzer, field, text);
        final.Should().Be(text.Length, "the final offset must be the text length for '{0}'", text);
        var lastStart = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var because = $"token {i} '{t.Term}' of '{text}'";
            t.Term.Should().NotBeEmpty(because);
            t.Start.Should().BeInRange(0, text.Length, because);
            t.End.Should().BeInRange(t.Start, text.Length, because);
            t.Start.Should().BeGreaterThanOrEqualTo(lastStart, "offsets must not go backwards: " + because);
            t.Increment.Should().BeGreaterThanOrEqualTo(i == 0 ? 1 : 0, because);
            t.Length.Should().BeGreaterThanOrEqualTo(1, because);
            lastStart = t.Start;
        }

        var again = Consume(analyzer, field, text);
        again.Tokens.Should().Equal(tokens, "a reused analyzer must give the same tokens for '{0}'", text);
    }

    private static readonly string[] Pieces =
    [
        "GB/T 22080-2016", "ISO/IEC 27001:2022", "ＧＢ／Ｔ　２２０８０—２０１６", "gbt22239-2019", "IEC 62443-3-3:2013", "RFC 9110",
        "信息安全管理体系", "网络安全等级保护", "云计算", "第3部分：", "数据", "，", "。", "（所有部分）",
        "information", "security", "Techniques", "requirements", "sécurité", "l'information", "systèmes",
        "27001", "2.0", "—", "-", ":", "/", " ", "  ", "\t", "\n", "😀", "Ａｂｃ", "x", "Ü", "\u00A0", "\u3000",
    ];

    public static string RandomText(Random random)
    {
        var sb = new StringBuilder();
        var count = random.Next(0, 12);
        for (var i = 0; i < count; i++)
        {
            switch (random.Next(4))
            {
                case 0:
                    // Random BMP characters, avoiding lone surrogates, which no real text contains.
                    for (var j = random.Next(1, 6); j > 0; j--)
                    {
                        var c = (char)random.Next(0x20, 0xD7FF);
                        sb.Append(c);
                    }

                    break;
                default:
                    sb.Append(Pieces[random.Next(Pieces.Length)]);
                    break;
            }

            if (random.Next(3) == 0) sb.Append(' ');
        }

        return sb.ToString();
    }
}
