using Microsoft.Playwright;
using Xunit.Abstractions;

namespace StdGraph.Server.BrowserTests;

[Collection(WebCollection.Name)]
public sealed class OtherPagesTests(WebAppFixture web, ITestOutputHelper output)
{
    [Fact]
    public async Task equivalents_of_pasted_codes_mark_the_gap_and_download_as_csv()
    {
        await using var s = await web.OpenAsync();
        await s.GoAsync("/equivalents");
        await s.Page.GetByLabel("标准号（每行一个）").FillAsync("GB/T 99961-2099\nGB/T 22080-2016\nGB/T 99962-2099\nGB/T 99998-2099");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();

        var rows = s.Page.Locator("#eq-table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(4);
        var gap = s.Page.Locator("#eq-table tr.gap");
        await Assertions.Expect(gap).ToHaveCountAsync(1);
        await Assertions.Expect(gap).ToContainTextAsync("ISO/IEC 99961:2090");
        await Assertions.Expect(gap).ToContainTextAsync("ISO/IEC 99961:2098");
        await Assertions.Expect(rows.Filter(new() { HasText = "GB/T 22080-2016" })).ToContainTextAsync("IDT");
        await Assertions.Expect(rows.Filter(new() { HasText = "GB/T 99998-2099" })).ToContainTextAsync("目录中无此标准");
        await s.ScreenshotAsync("equivalents");

        var download = await s.Page.RunAndWaitForDownloadAsync(() => s.Page.Locator("#eq-csv").ClickAsync());
        download.SuggestedFilename.Should().Be("equivalents.csv");
        var path = Path.Combine(WebAppFixture.Artifacts, "..", "equivalents.csv");
        await download.SaveAsAsync(path);
        var csv = await File.ReadAllTextAsync(path);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("code,status,title,relation,degree,counterpart,counterpart_status,counterpart_title,gap,successor,note");
        lines.Should().HaveCount(5);
        lines.Should().Contain(l => l.StartsWith("GB/T 99961-2099,valid,信息技术 云计算 网页测试夹具 参考架构,adopts,IDT,ISO/IEC 99961:2090,superseded,") && l.Contains(",yes,ISO/IEC 99961:2098,"));
    }

    [Fact]
    public async Task the_candidate_form_answers_or_says_the_server_lacks_it()
    {
        await using var s = await web.OpenAsync();
        await s.GoAsync("/equivalents");
        await s.Page.GetByLabel("英文标题").FillAsync("Information technology - Cloud computing - Reference architecture");
        await s.Page.GetByLabel("ICS（逗号分隔）").FillAsync("35.210");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "推荐" }).ClickAsync();
        // suggestEquivalents comes with the equivalents branch; until it is merged the page must say so plainly.
        await Assertions.Expect(s.Page.Locator("#cand-out table, #cand-out .note")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task an_answer_streams_in_and_its_citations_open_standard_pages()
    {
        output.WriteLine(web.AskIsStubbed ? "POST /ask: test stub (the answers branch is not merged yet)" : "POST /ask: the server's own");
        await using var s = await web.OpenAsync();
        await s.GoAsync("/ask");
        await s.Page.GetByLabel("问题").FillAsync("GB/T 99961-2099 和 ISO/IEC 99961 是什么关系？");
        await s.Page.Keyboard.PressAsync("Enter");

        var answer = s.Page.Locator("#chat li.a").Last;
        // Streaming: text shows while the answer is still being written.
        await Assertions.Expect(answer).ToHaveAttributeAsync("aria-busy", "true");
        await Assertions.Expect(answer.Locator(".answer-text")).Not.ToBeEmptyAsync();
        await Assertions.Expect(answer).Not.ToHaveAttributeAsync("aria-busy", "true", new() { Timeout = 60_000 });
        await Assertions.Expect(answer.Locator(".cites a").First).ToBeVisibleAsync();
        var cited = answer.Locator(".cites a", new() { HasText = "GB/T 99961-2099" });
        if (web.AskIsStubbed) await Assertions.Expect(cited).ToHaveCountAsync(1);
        await s.ScreenshotAsync("ask");

        await answer.Locator(".cites a").First.ClickAsync();
        await Assertions.Expect(s.Page.Locator("h1 .code")).ToBeVisibleAsync();
        s.Page.Url.Should().Contain("/standard/");
    }

    [Fact]
    public async Task the_fields_page_shows_the_taxonomy_with_counts_and_drills_down_to_a_filtered_search()
    {
        await using var s = await web.OpenAsync();
        await s.GoAsync("/fields");
        await Assertions.Expect(s.Page.Locator("#fields")).ToBeVisibleAsync();
        (await s.Page.Locator("#fields > li").CountAsync()).Should().Be(8, "the Action Plan has eight key fields");
        var cloud = s.Page.Locator("#fields a[data-field]", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^云计算$") });
        await Assertions.Expect(cloud).ToHaveCountAsync(1);
        var id = await cloud.GetAttributeAsync("data-field");
        await s.ScreenshotAsync("fields");

        await cloud.ClickAsync();
        s.Page.Url.Should().EndWith("/?field=" + Uri.EscapeDataString(id!));
        await Assertions.Expect(s.Page.Locator("ol.results > li").First).ToBeVisibleAsync();
        await Assertions.Expect(s.Page.Locator("fieldset[data-facet=field] input:checked")).ToHaveCountAsync(1);

        await s.Page.Locator("ol.results > li .title a").First.ClickAsync();
        await Assertions.Expect(s.Page.Locator("h1 .code")).ToBeVisibleAsync();
        await Assertions.Expect(s.Page.Locator("main table", new() { Has = s.Page.Locator($"a[href='/?field={Uri.EscapeDataString(id!)}']") })).ToBeVisibleAsync();
    }
}
