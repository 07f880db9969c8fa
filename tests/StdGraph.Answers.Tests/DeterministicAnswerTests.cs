using StdGraph.Answers.Tests.Fixtures;

namespace StdGraph.Answers.Tests;

/// <summary>Answers without a language model, on the real snapshot: the default path, useful on its own.</summary>
[Collection(AnswerDataCollection.Name)]
public sealed class DeterministicAnswerTests(AnswerData data)
{
    private static IEnumerable<string> Codes(Answer a) => a.Citations.Select(c => c.Code);

    [Fact]
    public async Task relation_question_in_chinese_says_identical_adoption_and_replacement()
    {
        using var service = data.Service();
        var answer = await service.AnswerAsync("GB/T 22080-2016 和 ISO/IEC 27001 是什么关系？");

        answer.Language.Should().Be("zh");
        answer.UsedLlm.Should().BeFalse();
        answer.Found.Should().BeTrue();
        answer.Text.Should().Contain("GB/T 22080-2016").And.Contain("等同采用 (IDT) ISO/IEC 27001:2013").And.Contain("已被 GB/T 22080-2025 代替");
        Codes(answer).Should().Contain(["GB/T 22080-2016", "ISO/IEC 27001:2013", "GB/T 22080-2025"]);
        answer.Unverified.Should().BeEmpty();
        answer.Retrieved.Select(r => r.Code).Should().Contain(["GB/T 22080-2016", "GB/T 22080-2025"]);
    }

    [Fact]
    public async Task adopters_question_in_english_cites_the_national_adoption()
    {
        using var service = data.Service();
        var answer = await service.AnswerAsync("Which Chinese national standards adopt ISO/IEC 17788?");

        answer.Language.Should().Be("en");
        answer.Text.Should().Contain("GB/T 32400-2015").And.Contain("ISO/IEC 17788:2014").And.Contain("identical");
        answer.Text.Should().NotContainAny("采用", "现行");
        Codes(answer).Should().Contain("GB/T 32400-2015");
        answer.Citations.Single(c => c.Code == "GB/T 32400-2015").Title.Should().Contain("Cloud computing");
    }

    [Fact]
    public async Task topic_without_a_national_standard_says_so_and_invents_no_national_code()
    {
        using var service = data.Service();
        var answer = await service.AnswerAsync("量子密钥分发网络的国家标准有哪些？");

        answer.Language.Should().Be("zh");
        answer.Found.Should().BeFalse();
        answer.Text.Should().Contain("没有").And.Contain("量子密钥分发网络");
        answer.Citations.Should().NotContain(c => c.Code.StartsWith("GB", StringComparison.Ordinal));
        answer.Text.Should().NotContain("GB");
        // It may point to international work on the topic that the catalogue does hold, each of it in the catalogue.
        answer.Citations.Should().OnlyContain(c => data.Engine.Catalogue.Find(c.Code) != null && !data.Engine.Catalogue.Find(c.Code)!.ParsedCode.IsNational);
    }

    [Fact]
    public async Task related_international_standards_are_offered_when_no_national_one_exists()
    {
        using var service = data.Service();
        var answer = await service.AnswerAsync("量子密钥分发网络的国家标准有哪些？");

        answer.Citations.Should().Contain(c => c.Title != null && c.Title.Contains("quantum key distribution", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task valid_national_standards_in_a_field_are_listed()
    {
        using var service = data.Service();
        var answer = await service.AnswerAsync("云计算方面现行的国家标准有哪些？");

        answer.Found.Should().BeTrue();
        answer.Citations.Should().NotBeEmpty().And.OnlyContain(c => c.Code.StartsWith("GB", StringComparison.Ordinal));
        Codes(answer).Should().Contain("GB/T 32400-2015");
        var editions = answer.Citations.Select(c => data.Engine.Catalogue.Find(c.Code)!).ToList();
        editions.Should().OnlyContain(e => e.Status == Core.Catalogue.EditionStatus.Valid);
    }

    [Fact]
    public async Task a_field_filter_keeps_only_standards_the_rules_place_in_that_field()
    {
        using var service = data.Service();
        var answer = await service.AnswerAsync("云计算方面的国家标准有哪些？", new AnswerFilter { Field = "information-security" });

        Codes(answer).Should().Contain("GB/T 31168-2023").And.NotContain("GB/T 32400-2015");
    }

    [Fact]
    public async Task what_replaced_an_edition_names_its_successor()
    {
        using var service = data.Service();
        var answer = await service.AnswerAsync("What replaced GB/T 22080-2008?");

        answer.Language.Should().Be("en");
        answer.Text.Should().Contain("was replaced by GB/T 22080-2016");
        Codes(answer).Should().Contain("GB/T 22080-2016");
    }

    [Fact]
    public async Task an_unknown_code_is_reported_as_not_in_the_catalogue()
    {
        using var service = data.Service();
        var answer = await service.AnswerAsync("GB/T 99999-2098 是什么标准？");

        answer.Found.Should().BeFalse();
        answer.Text.Should().Be("目录中没有 GB/T 99999-2098。");
        answer.Citations.Should().BeEmpty();
    }

    [Fact]
    public async Task any_spelling_of_a_code_resolves_exactly()
    {
        using var service = data.Service();
        var answer = await service.AnswerAsync("ＧＢ／Ｔ　２２０８０－２０１６是什么？");

        answer.Retrieved.First().Code.Should().Be("GB/T 22080-2016");
        answer.Text.Should().StartWith("GB/T 22080-2016《信息技术 安全技术 信息安全管理体系 要求》");
    }

    [Fact]
    public async Task an_undated_code_resolves_to_its_works_editions_valid_first()
    {
        using var service = data.Service();
        var answer = await service.AnswerAsync("What is GB/T 22080?");

        answer.Retrieved.Where(r => r.Reason == "named in the question").Select(r => r.Code).Should().Equal("GB/T 22080-2025", "GB/T 22080-2016", "GB/T 22080-2008");
    }

    [Fact]
    public async Task every_fact_in_a_deterministic_answer_is_cited_from_the_context()
    {
        using var service = data.Service();
        foreach (var q in new[] { "GB/T 22239-2019 和 ISO/IEC 27001 是什么关系？", "Describe ISO/IEC 27001:2022", "哪些国家标准采用 ISO/IEC 27002？" })
        {
            var answer = await service.AnswerAsync(q);
            answer.Unverified.Should().BeEmpty(q);
        }
    }

    [Fact]
    public async Task an_empty_question_is_refused()
    {
        using var service = data.Service();
        var act = () => service.AnswerAsync("   ");
        await act.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task streaming_without_a_model_ends_with_the_whole_answer()
    {
        using var service = data.Service();
        var chunks = new List<AnswerChunk>();
        await foreach (var c in service.StreamAsync("Which Chinese national standards adopt ISO/IEC 17788?")) chunks.Add(c);

        chunks.Last().IsFinal.Should().BeTrue();
        var final = chunks.Last().Final!;
        string.Concat(chunks.Select(c => c.Text)).Should().Be(final.Text);
        final.Citations.Select(c => c.Code).Should().Contain("GB/T 32400-2015");
    }
}
