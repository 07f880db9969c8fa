using StdGraph.Core.Codes;
using StdGraph.Search.Analysis;
using StdGraph.Search.Querying;

namespace StdGraph.Search.Tests.Analysis;

public sealed class CodeKeysTests
{
    [Theory]
    [InlineData("GB/T 22080-2016", "GB/T 22080-2016", QueryCodes.ExactWeight)]
    [InlineData("GBT22080-2016", "GB/T 22080-2016", QueryCodes.ExactWeight)]
    [InlineData("ＧＢ／Ｔ　２２０８０—２０１６", "GB/T 22080-2016", QueryCodes.ExactWeight)]
    [InlineData("gbt22080", "GB/T 22080-2016", QueryCodes.WorkWeight)]
    [InlineData("GB/T 22080", "GB/T 22080-2016", QueryCodes.WorkWeight)]
    [InlineData("22080-2016", "GB/T 22080-2016", QueryCodes.NumberYearWeight)]
    [InlineData("22080", "GB/T 22080-2016", QueryCodes.NumberWeight)]
    [InlineData("ISO/IEC 27001:2022", "ISO/IEC 27001:2022", QueryCodes.ExactWeight)]
    [InlineData("iso/iec 27001", "ISO/IEC 27001:2022", QueryCodes.WorkWeight)]
    [InlineData("ISO 27001", "ISO/IEC 27001:2022", QueryCodes.BodyNumberWeight)]
    [InlineData("27001:2022", "ISO/IEC 27001:2022", QueryCodes.NumberYearWeight)]
    [InlineData("62443-3-3", "IEC 62443-3-3:2013", QueryCodes.NumberWeight)]
    [InlineData("rfc9110", "RFC 9110", QueryCodes.WorkWeight)]
    public void every_spelling_of_a_code_reaches_the_edition_with_the_weight_of_what_it_states(string typed, string indexed, float weight)
    {
        var indexedKeys = CodeKeys.ForIndexedCode(StandardCode.Parse(indexed)).ToHashSet();
        var query = QueryCodes.Parse(typed);
        query.CodeKeys.Where(k => indexedKeys.Contains(k.Key)).Max(k => k.Weight).Should().Be(weight);
        query.Words.Should().BeEmpty();
    }

    [Fact]
    public void codes_inside_chinese_text_are_found_and_the_words_kept()
    {
        var query = QueryCodes.Parse("GB/T 22239和ISO/IEC 27001是什么关系");
        query.Codes.Should().Equal("GB/T 22239", "ISO/IEC 27001");
        query.Words.Should().Contain("和").And.Contain("是什么关系");
    }

    [Fact]
    public void words_that_look_like_bodies_are_not_codes()
    {
        var query = QueryCodes.Parse("Part 3 information security");
        query.Codes.Should().BeEmpty();
        query.Words.Should().Contain("Part").And.Contain("information security");
    }
}
