using StdGraph.Search.Analysis;
using StdGraph.Search.Indexing;

namespace StdGraph.Search.Tests.Analysis;

public sealed class AnalyzerTokenStreamTests
{
    public static TheoryData<string, string> Analyzers() => new()
    {
        { "SmartCn", IndexFields.Title("zh") },
        { "Bigram", IndexFields.Title("zh") },
        { "SmartCn", IndexFields.Title("en") },
        { "SmartCn", IndexFields.Title("fr") },
        { "SmartCn", IndexFields.Code },
    };

    [Theory]
    [MemberData(nameof(Analyzers))]
    public void random_text_keeps_offsets_positions_and_final_offset_consistent(string chinese, string field)
    {
        using var analysis = new TextAnalysis(Enum.Parse<ChineseAnalysis>(chinese));
        var random = new Random(field.GetHashCode(StringComparison.Ordinal) ^ chinese.Length * 7919);
        for (var i = 0; i < 400; i++)
            TokenStreamChecks.Check(analysis.PerField, field, TokenStreamChecks.RandomText(random));
    }

    [Theory]
    [InlineData("SmartCn")]
    [InlineData("Bigram")]
    public void chinese_token_offsets_point_at_the_characters_of_the_token(string chinese)
    {
        using var analysis = new TextAnalysis(Enum.Parse<ChineseAnalysis>(chinese));
        var random = new Random(42);
        for (var i = 0; i < 300; i++)
        {
            var text = TokenStreamChecks.RandomText(random);
            foreach (var token in TokenStreamChecks.Consume(analysis.Chinese, IndexFields.Title("zh"), text).Tokens)
            {
                if (!token.Term.All(c => c is >= '\u4E00' and <= '\u9FFF')) continue;
                text[token.Start..token.End].Should().Be(token.Term, "offsets of Chinese tokens drive highlighting in '{0}'", text);
            }
        }
    }

    [Fact]
    public void smartcn_segments_words_not_characters()
    {
        using var analysis = new TextAnalysis(ChineseAnalysis.SmartCn);
        var tokens = TokenStreamChecks.Consume(analysis.Chinese, IndexFields.Title("zh"), "信息安全技术 网络安全等级保护基本要求").Tokens;
        tokens.Select(t => t.Term).Should().ContainInOrder("信息", "安全", "技术", "网络", "安全", "等级", "保护");
        tokens.Should().OnlyContain(t => t.Term.Length >= 1);
    }

    [Fact]
    public void a_code_value_becomes_its_lookup_keys_at_one_position_spanning_the_code()
    {
        using var analysis = new TextAnalysis(ChineseAnalysis.SmartCn);
        var (tokens, final) = TokenStreamChecks.Consume(analysis.Code, IndexFields.Code, " GB/T 22080-2016 ");
        tokens.Select(t => t.Term).Should().BeEquivalentTo(
            "e:gb/t 22080-2016", "w:gb/t 22080", "n:22080", "y:22080-2016", "p:gb 22080", "p:gb/t 22080");
        tokens[0].Increment.Should().Be(1);
        tokens.Skip(1).Should().OnlyContain(t => t.Increment == 0);
        tokens.Should().OnlyContain(t => t.Start == 1 && t.End == 16);
        final.Should().Be(17);
    }

    [Fact]
    public void text_that_is_not_a_code_falls_back_to_words_with_offsets()
    {
        using var analysis = new TextAnalysis(ChineseAnalysis.SmartCn);
        var tokens = TokenStreamChecks.Consume(analysis.Code, IndexFields.Code, "not a code!").Tokens;
        tokens.Should().Equal(new TokenInfo("not", 0, 3, 1, 1), new TokenInfo("a", 4, 5, 1, 1), new TokenInfo("code", 6, 10, 1, 1));
    }
}
