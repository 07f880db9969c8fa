using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace StdGraph.Server.BrowserTests;

[Collection(WebCollection.Name)]
public sealed class SearchPageTests(WebAppFixture web, ITestOutputHelper output)
{
    [Fact]
    public async Task a_shared_url_renders_its_results_with_highlighted_titles_and_badges()
    {
        await using var s = await web.OpenAsync();
        await s.GoAsync("/?q=" + Uri.EscapeDataString("云计算 网页测试夹具"));
        var results = s.Page.Locator("ol.results > li");
        await Assertions.Expect(results.First).ToBeVisibleAsync();

        var first = results.Filter(new() { HasText = "GB/T 99961-2099" });
        await Assertions.Expect(first).ToHaveCountAsync(1);
        await Assertions.Expect(first.Locator(".title em.hl").First).ToContainTextAsync("云计算");
        await Assertions.Expect(first.Locator(".badge.valid")).ToHaveTextAsync("现行");
        await Assertions.Expect(first.Locator(".badge.adopt")).ToContainTextAsync("IDT");
        await Assertions.Expect(first.Locator(".badge.adopt a")).ToHaveTextAsync("ISO/IEC 99961:2090");
        await Assertions.Expect(s.Page.Locator("#q")).ToHaveValueAsync("云计算 网页测试夹具");
        await s.ScreenshotAsync("search");
        s.ConsoleErrors.Should().BeEmpty();
    }

    [Fact]
    public async Task choosing_a_facet_narrows_the_results_to_its_count_and_the_back_button_restores_them()
    {
        await using var s = await web.OpenAsync();
        await s.GoAsync("/?q=" + Uri.EscapeDataString("网页测试夹具 分页"));
        var status = s.Page.Locator("#result-status");
        await Assertions.Expect(s.Page.Locator("ol.results > li").First).ToBeVisibleAsync();
        var before = await status.TextContentAsync();

        var upcoming = s.Page.Locator("fieldset[data-facet=status] label", new() { HasText = "即将实施" });
        var count = int.Parse(await upcoming.Locator(".count").TextContentAsync() ?? "0");
        count.Should().BeGreaterThanOrEqualTo(9, "every third of the 25 paging fixtures is upcoming");
        await upcoming.ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync($"共 {count} 条结果");
        s.Page.Url.Should().Contain("status=upcoming");
        await Assertions.Expect(s.Page.Locator("ol.results .badge.valid")).ToHaveCountAsync(0);
        await Assertions.Expect(s.Page.Locator("fieldset[data-facet=status] input:checked")).ToHaveCountAsync(1);
        await s.ScreenshotAsync("search-facet");

        await s.Page.GoBackAsync();
        await Assertions.Expect(status).ToHaveTextAsync(before!);
        s.Page.Url.Should().NotContain("status=");
        await s.Page.GoForwardAsync();
        await Assertions.Expect(status).ToHaveTextAsync($"共 {count} 条结果");
    }

    [Fact]
    public async Task next_page_continues_after_the_cursor_and_back_returns_to_the_first_page()
    {
        await using var s = await web.OpenAsync();
        await s.GoAsync("/?q=" + Uri.EscapeDataString("网页测试夹具 分页"));
        var results = s.Page.Locator("ol.results > li");
        await Assertions.Expect(results).ToHaveCountAsync(20);
        var total = int.Parse(System.Text.RegularExpressions.Regex.Match(await s.Page.Locator("#result-status").TextContentAsync() ?? "", @"\d+").Value);
        total.Should().BeGreaterThan(20);
        var firstPage = await results.Locator(".code").AllTextContentsAsync();

        await s.Page.Locator("button[data-next]").ClickAsync();
        await Assertions.Expect(results).ToHaveCountAsync(Math.Min(20, total - 20));
        s.Page.Url.Should().Contain("after=");
        var secondPage = await results.Locator(".code").AllTextContentsAsync();
        secondPage.Should().NotIntersectWith(firstPage);

        await s.Page.GetByRole(AriaRole.Button, new() { Name = "上一页" }).ClickAsync();
        await Assertions.Expect(results).ToHaveCountAsync(20);
        (await results.Locator(".code").AllTextContentsAsync()).Should().Equal(firstPage);
    }

    [Fact]
    public async Task the_keyboard_alone_can_search_and_reach_a_result()
    {
        await using var s = await web.OpenAsync();
        await s.GoAsync("/");
        await Assertions.Expect(s.Page.Locator("#q")).ToBeFocusedAsync();
        await s.Page.Keyboard.TypeAsync("GB/T 22080");
        await s.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(s.Page.Locator("ol.results > li").First).ToContainTextAsync("GB/T 22080");
        // Labels: the search box is named for assistive technology.
        await Assertions.Expect(s.Page.GetByLabel("检索标准（中文、英文或标准号）")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task a_title_made_of_markup_renders_as_text_and_runs_nothing()
    {
        await using var s = await web.OpenAsync();
        await s.GoAsync("/?q=" + Uri.EscapeDataString("script"));
        var hit = s.Page.Locator("ol.results > li", new() { HasText = "GB/T 99960-2099" });
        await Assertions.Expect(hit).ToHaveCountAsync(1);
        await Assertions.Expect(hit.Locator(".title")).ToContainTextAsync("<script>alert(1)</script>");
        (await s.Page.Locator("main script, main img").CountAsync()).Should().Be(0);

        await hit.Locator(".title a").ClickAsync();
        await Assertions.Expect(s.Page.Locator("h1 .code")).ToHaveTextAsync("GB/T 99960-2099");
        await Assertions.Expect(s.Page.Locator("main")).ToContainTextAsync("<img src=x onerror=alert(2)>");
        (await s.Page.Locator("main script, main img").CountAsync()).Should().Be(0);
        // A javascript: source is shown, never linked.
        (await s.Page.Locator("a[href^='javascript:']").CountAsync()).Should().Be(0);
        await s.ScreenshotAsync("injection");
        s.Dialogs.Should().BeEmpty();
    }

    [Fact]
    public async Task the_language_choice_is_remembered_across_pages()
    {
        await using var s = await web.OpenAsync();
        await s.GoAsync("/?q=" + Uri.EscapeDataString("网页测试夹具 分页"));
        await Assertions.Expect(s.Page.Locator("#result-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^共 \d+ 条结果$"));
        await s.Page.Locator("#lang-toggle").ClickAsync();
        await Assertions.Expect(s.Page.Locator("#result-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ results$"));
        await Assertions.Expect(s.Page.Locator("fieldset[data-facet=status] legend")).ToHaveTextAsync("Status");
        await s.Page.ReloadAsync();
        await Assertions.Expect(s.Page.Locator("#result-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ results$"));
        await Assertions.Expect(s.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await s.ScreenshotAsync("search-en");
    }

    [Fact]
    public async Task the_search_page_loads_only_from_the_app_and_reports_its_weight_and_time_to_first_result()
    {
        await using var s = await web.OpenAsync();
        await s.GoAsync("/?q=" + Uri.EscapeDataString("信息技术 安全技术"));
        await Assertions.Expect(s.Page.Locator("ol.results > li").First).ToBeVisibleAsync();
        s.Requests.Should().OnlyContain(u => u.StartsWith(web.BaseUrl + "/") || u.StartsWith("data:"), "every script, style and font is served by the app");

        var json = await s.Page.EvaluateAsync<string>(@"() => {
            const nav = performance.getEntriesByType('navigation')[0];
            const res = performance.getEntriesByType('resource');
            const mark = performance.getEntriesByName('stdgraph:first-result')[0];
            const all = [nav, ...res];
            return JSON.stringify({
                transferred: all.reduce((n, e) => n + (e.transferSize || 0), 0),
                decoded: all.reduce((n, e) => n + (e.decodedBodySize || 0), 0),
                files: all.length,
                firstResultSinceNavigation: mark ? mark.startTime : null,
                queryRoundTrip: mark ? mark.detail.ms : null,
                cytoscapeLoaded: res.some(e => e.name.includes('cytoscape')),
            });
        }");
        var m = JsonDocument.Parse(json).RootElement;
        var report = $"search page: {m.GetProperty("transferred").GetInt64() / 1024.0:0.0} KB transferred ({m.GetProperty("decoded").GetInt64() / 1024.0:0.0} KB decoded) in {m.GetProperty("files").GetInt32()} requests; " +
                     $"first result {m.GetProperty("firstResultSinceNavigation").GetDouble():0} ms after navigation start (GraphQL round trip and render {m.GetProperty("queryRoundTrip").GetDouble():0} ms)";
        output.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(WebAppFixture.Artifacts, "..", "web-metrics.txt"), report + Environment.NewLine);
        m.GetProperty("cytoscapeLoaded").GetBoolean().Should().BeFalse("the search page does not need the graph library");
        m.GetProperty("transferred").GetInt64().Should().BeLessThan(100 * 1024);
    }
}
