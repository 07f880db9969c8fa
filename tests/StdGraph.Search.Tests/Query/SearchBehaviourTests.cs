using StdGraph.Search.Tests.Index;

namespace StdGraph.Search.Tests.Query;

public sealed class SearchBehaviourTests(SmallCatalogue catalogue) : IClassFixture<SmallCatalogue>
{
    private SearchResult Search(string text, int first = 10, bool preferValid = true, Dictionary<string, IReadOnlyList<string>>? filters = null) =>
        catalogue.Index.Search(new SearchRequest(text) { First = first, PreferValid = preferValid, Filters = filters ?? [] });

    private List<string> Codes(string text, int first = 10) => Search(text, first).Hits.Select(h => h.Code).ToList();

    [Theory]
    [InlineData("gbt22080")]
    [InlineData("GB/T 22080")]
    [InlineData("GB 22080")]
    [InlineData("ＧＢ／Ｔ　２２０８０")]
    [InlineData("22080")]
    public void gbt22080_finds_gb_t_22080_editions_valid_first(string text)
    {
        var codes = Codes(text);
        codes.Take(3).Should().Equal("GB/T 22080-2025", "GB/T 22080-2008", "GB/T 22080-2016");
    }

    [Theory]
    [InlineData("GB/T 22080-2016")]
    [InlineData("GBT22080-2016")]
    [InlineData("gb/t22080—2016")]
    [InlineData("ＧＢ／Ｔ　２２０８０－２０１６")]
    [InlineData("22080-2016")]
    public void an_exact_edition_ranks_first_and_its_work_follows(string text)
    {
        var codes = Codes(text);
        codes[0].Should().Be("GB/T 22080-2016");
        codes.Skip(1).Take(2).Should().BeEquivalentTo("GB/T 22080-2025", "GB/T 22080-2008");
    }

    [Theory]
    [InlineData("ISO 27001")]
    [InlineData("iso/iec 27001")]
    [InlineData("27001")]
    [InlineData("ISO/IEC 27001 对应的国家标准")]
    public void iso_27001_finds_the_joint_work_valid_edition_first(string text)
    {
        var codes = Codes(text);
        codes[0].Should().Be("ISO/IEC 27001:2022");
        codes.Should().Contain("ISO/IEC 27001:2013").And.Contain("ISO/IEC 27001:2022/Amd 1:2024");
    }

    [Fact]
    public void a_superseded_edition_asked_for_exactly_still_comes_first()
    {
        Codes("ISO/IEC 27001:2013")[0].Should().Be("ISO/IEC 27001:2013");
    }

    [Fact]
    public void searching_an_international_work_also_finds_the_national_standards_adopting_it()
    {
        var codes = Codes("ISO/IEC 27001", 20);
        codes.Should().Contain("GB/T 22080-2025");
        codes.IndexOf("GB/T 22080-2025").Should().BeGreaterThan(codes.IndexOf("ISO/IEC 27001:2013"));
    }

    [Fact]
    public void without_prefer_valid_editions_of_one_work_tie_and_fall_back_to_code_order()
    {
        var hits = Search("gbt22080", preferValid: false).Hits;
        hits.Take(3).Select(h => h.Code).Should().Equal("GB/T 22080-2008", "GB/T 22080-2016", "GB/T 22080-2025");
        hits[0].Score.Should().Be(hits[2].Score);
    }

    [Fact]
    public void chinese_adjacent_words_outrank_the_same_words_scattered()
    {
        var codes = Codes("网络安全等级保护");
        codes[0].Should().Be("GB/T 22239-2019");
        codes.Should().Contain("GB/Z 99999-2020");
        codes.IndexOf("GB/T 22239-2008").Should().BeLessThan(codes.IndexOf("GB/Z 99999-2020"));
    }

    [Fact]
    public void chinese_query_is_not_a_loose_bag_of_words()
    {
        // 信息 and 技术 alone occur in many titles; the query asks for all of 信息安全管理体系.
        Codes("信息安全管理体系").Should().OnlyContain(c => c.StartsWith("GB/T 22080", StringComparison.Ordinal));
    }

    [Fact]
    public void english_words_are_stemmed()
    {
        Codes("security technique requirement").Should().Contain("ISO/IEC 27001:2013").And.Contain("GB/T 22080-2016");
    }

    [Fact]
    public void french_titles_are_searchable()
    {
        Codes("systèmes de management de la qualité")[0].Should().Be("ISO 9001:2015");
    }

    [Fact]
    public void misspelled_english_words_fall_back_to_fuzzy_matching()
    {
        Codes("informaton securty managment").Should().Contain("ISO/IEC 27001:2022");
    }

    [Theory]
    [InlineData("AND OR NOT")]
    [InlineData("title:(security")]
    [InlineData("\"unclosed phrase")]
    [InlineData("[2019 TO")]
    [InlineData("*?~^\\ !!")]
    [InlineData("security)")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("、。，")]
    public void query_syntax_characters_are_plain_text_and_never_throw(string text)
    {
        var act = () => Search(text);
        act.Should().NotThrow();
    }

    [Fact]
    public void operators_are_searched_as_words()
    {
        Codes("security AND (requirements").Should().Contain("ISO/IEC 27001:2022");
    }

    [Fact]
    public void filters_restrict_results_and_combine_across_fields()
    {
        var valid = Search("", 100, filters: new() { ["status"] = ["Valid"] });
        valid.Hits.Should().OnlyContain(h => h.Status == "valid");
        var sacIn35 = Search("", 100, filters: new() { ["body"] = ["sac"], ["ics"] = ["35.040"] });
        sacIn35.Hits.Select(h => h.Code).Should().BeEquivalentTo("GB/T 22080-2008", "GB/T 22080-2016", "GB/T 22239-2019", "GB/T 22239-2008");
        var either = Search("", 100, filters: new() { ["degree"] = ["IDT"], ["hasAdoption"] = ["true"] });
        either.Total.Should().Be(4);
    }

    [Fact]
    public void an_ics_filter_on_a_broad_class_matches_every_narrower_class()
    {
        Search("", 100, filters: new() { ["ics"] = ["35"] }).Total.Should().Be(catalogue.Documents.Count(d => d.Edition.Ics.Any(i => i.StartsWith("35", StringComparison.Ordinal))));
    }

    [Fact]
    public void an_unknown_filter_is_a_clear_argument_error()
    {
        var act = () => Search("x", filters: new() { ["colour"] = ["red"] });
        act.Should().Throw<ArgumentException>().WithMessage("*colour*status*");
    }

    [Fact]
    public void facets_count_the_whole_result_set_not_the_page()
    {
        var result = Search("数据", first: 2);
        result.Total.Should().Be(SmallCatalogue.FillerCount);
        result.Hits.Should().HaveCount(2);
        result.Facets["status"].Should().BeEquivalentTo(new[] { new FacetValue("valid", 16), new FacetValue("superseded", 9) });
        result.Facets["ics"].Select(f => (f.Value, f.Count)).Should().BeEquivalentTo(new[] { ("35", 25L), ("35.240", 25L), ("35.240.01", 25L) });
        result.Facets["body"].Should().Equal(new FacetValue("SAC", 25));
    }

    [Fact]
    public void facets_are_ordered_by_count_and_cut_to_the_facet_size()
    {
        var result = catalogue.Index.Search(new SearchRequest("") { FacetSize = 2 });
        result.Facets["ics"].Should().HaveCount(2);
        result.Facets["ics"][0].Count.Should().BeGreaterThanOrEqualTo(result.Facets["ics"][1].Count);
    }

    [Fact]
    public void cursor_pages_cover_every_hit_once_in_the_order_of_one_big_page()
    {
        var all = Search("数据 信息", first: 100).Hits.Select(h => h.Code).ToList();
        all.Should().HaveCountGreaterThan(20);
        var paged = new List<string>();
        string? after = null;
        do
        {
            var page = catalogue.Index.Search(new SearchRequest("数据 信息") { First = 4, After = after, Facets = false, Highlight = false });
            paged.AddRange(page.Hits.Select(h => h.Code));
            after = page.NextCursor;
        }
        while (after is not null);

        paged.Should().Equal(all);
    }

    [Fact]
    public void a_cursor_that_is_not_ours_is_an_argument_error()
    {
        var act = () => catalogue.Index.Search(new SearchRequest("x") { After = "not a cursor!" });
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void chinese_highlights_merge_adjacent_tokens_into_one_span()
    {
        var hit = Search("网络安全等级保护").Hits.Single(h => h.Code == "GB/T 22239-2019");
        hit.Highlights["title.zh"].Should().Equal("信息<em>安全</em>技术 <em>网络安全等级保护</em>基本要求");
    }

    [Fact]
    public void english_highlights_merge_words_separated_by_spaces_and_keep_the_original_text()
    {
        var hit = Search("information security management").Hits.Single(h => h.Code == "ISO/IEC 27001:2022");
        var title = hit.Highlights["title.en"].Single();
        title.Should().Contain("<em>Information security management</em> systems");
        title.Replace("<em>", "").Replace("</em>", "").Should().Be(hit.Titles["en"]);
    }

    [Fact]
    public void abstract_highlights_are_fragments_around_the_match()
    {
        var hit = Search("stateless protocol").Hits.Single(h => h.Code == "RFC 9110");
        hit.Highlights["abstract.en"][0].Should().Contain("<em>stateless</em> application-level <em>protocol</em>");
    }

    [Fact]
    public void hits_carry_titles_status_and_display_code()
    {
        var hit = Search("RFC 9110").Hits[0];
        hit.Should().BeEquivalentTo(new { Code = "RFC 9110", DisplayCode = "RFC 9110", Status = "valid" });
        hit.Titles["en"].Should().Be("HTTP Semantics");
    }

    [Fact]
    public void find_codes_resolves_any_spelling_exact_edition_first()
    {
        catalogue.Index.FindCodes("22080-2016").Take(3).Should().Equal("GB/T 22080-2016", "GB/T 22080-2025", "GB/T 22080-2008");
        catalogue.Index.FindCodes("GBT22080")[0].Should().Be("GB/T 22080-2025");
        catalogue.Index.FindCodes("27001", 2).Should().Equal("ISO/IEC 27001:2022", "ISO/IEC 27001:2022/Amd 1:2024");
        catalogue.Index.FindCodes("no code here").Should().BeEmpty();
    }
}
