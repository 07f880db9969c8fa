using Microsoft.Playwright;

namespace StdGraph.Server.BrowserTests;

[Collection(WebCollection.Name)]
public sealed class StandardPageTests(WebAppFixture web)
{
    [Fact]
    public async Task a_standard_page_shows_its_facts_history_counterparts_citations_and_sources()
    {
        await using var s = await web.OpenAsync();
        await s.GoAsync("/standard/" + Uri.EscapeDataString("GB/T 99961-2099"));
        await Assertions.Expect(s.Page.Locator("h1 .code")).ToHaveTextAsync("GB/T 99961-2099");
        await Assertions.Expect(s.Page.Locator("main")).ToContainTextAsync("信息技术 云计算 网页测试夹具 参考架构");
        await Assertions.Expect(s.Page.Locator("dl.facts").First).ToContainTextAsync("SAC/TC 999");

        var timeline = s.Page.Locator("ol.timeline li");
        await Assertions.Expect(timeline).ToHaveCountAsync(2);
        await Assertions.Expect(timeline.Nth(0)).ToContainTextAsync("GB/T 99961-2095");
        await Assertions.Expect(timeline.Nth(1)).ToHaveClassAsync("current");

        var counterpart = s.Page.Locator("#counterparts tbody tr");
        await Assertions.Expect(counterpart).ToHaveCountAsync(1);
        await Assertions.Expect(counterpart).ToContainTextAsync("IDT");
        await Assertions.Expect(counterpart).ToContainTextAsync("ISO/IEC 99961:2090");
        await Assertions.Expect(counterpart.Locator(".badge.superseded")).ToBeVisibleAsync();

        await Assertions.Expect(s.Page.Locator("main")).ToContainTextAsync("GB/T 99962-2099");
        await Assertions.Expect(s.Page.Locator("a[href='https://example.org/fixtures/web']")).ToBeVisibleAsync();
        await Assertions.Expect(s.Page.Locator("#graph canvas").First).ToBeVisibleAsync();
        await s.ScreenshotAsync("standard");
        s.ConsoleErrors.Should().BeEmpty();
    }

    [Fact]
    public async Task clicking_a_node_of_the_picture_expands_it_and_double_clicking_opens_its_page()
    {
        await using var s = await web.OpenAsync();
        await s.GoAsync("/standard/" + Uri.EscapeDataString("GB/T 99961-2099"));
        var graph = s.Page.Locator("#graph");
        await Assertions.Expect(graph).ToHaveAttributeAsync("data-expansions", "1");
        (await NodeIds(s)).Should().Contain(["GB/T 99961-2099", "ISO/IEC 99961:2090", "GB/T 99961-2095", "GB/T 99962-2099"]);
        (await NodeIds(s)).Should().NotContain("ISO/IEC 99961:2098", "it is two steps away until its neighbour is expanded");
        (await s.Page.EvaluateAsync<string[]>("() => window.stdgraphGraph.edges().map(e => e.data('label'))")).Should().Contain("采用 IDT");

        // A real click on the node's position in the canvas.
        await ClickNodeAsync(s, "ISO/IEC 99961:2090");
        await Assertions.Expect(graph).ToHaveAttributeAsync("data-expansions", "2");
        (await NodeIds(s)).Should().Contain("ISO/IEC 99961:2098");
        await Assertions.Expect(s.Page.Locator("#graph-nodes li[data-code='ISO/IEC 99961:2098']")).ToBeVisibleAsync();
        await s.ScreenshotAsync("standard-graph-expanded");

        await ClickNodeAsync(s, "ISO/IEC 99961:2098", doubleClick: true);
        await Assertions.Expect(s.Page.Locator("h1 .code")).ToHaveTextAsync("ISO/IEC 99961:2098");
    }

    [Fact]
    public async Task the_node_list_expands_nodes_from_the_keyboard()
    {
        await using var s = await web.OpenAsync();
        await s.GoAsync("/standard/" + Uri.EscapeDataString("GB/T 99961-2099"));
        await Assertions.Expect(s.Page.Locator("#graph")).ToHaveAttributeAsync("data-expansions", "1");
        var expand = s.Page.Locator("#graph-nodes li[data-code='GB/T 99961-2095'] button");
        await expand.FocusAsync();
        await s.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(s.Page.Locator("#graph")).ToHaveAttributeAsync("data-expansions", "2");
        (await NodeIds(s)).Should().Contain("ISO/IEC 99961:2085");
    }

    [Fact]
    public async Task an_unknown_code_says_so()
    {
        await using var s = await web.OpenAsync();
        await s.GoAsync("/standard/" + Uri.EscapeDataString("GB/T 99999-2099"));
        await Assertions.Expect(s.Page.Locator("main")).ToContainTextAsync("未找到标准 GB/T 99999-2099");
    }

    private static Task<string[]> NodeIds(BrowserSession s) => s.Page.EvaluateAsync<string[]>("() => window.stdgraphGraph.nodes().map(n => n.id())");

    private static async Task ClickNodeAsync(BrowserSession s, string code, bool doubleClick = false)
    {
        await s.Page.Locator("#graph").ScrollIntoViewIfNeededAsync();
        var box = await s.Page.Locator("#graph").BoundingBoxAsync() ?? throw new InvalidOperationException("no graph box");
        var at = await s.Page.EvaluateAsync<double[]>("code => { const p = window.stdgraphGraph.getElementById(code).renderedPosition(); return [p.x, p.y]; }", code);
        if (doubleClick) await s.Page.Mouse.DblClickAsync((float)(box.X + at[0]), (float)(box.Y + at[1]));
        else await s.Page.Mouse.ClickAsync((float)(box.X + at[0]), (float)(box.Y + at[1]));
    }
}
