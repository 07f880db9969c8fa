using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StdGraph.Engine;
using StdGraph.Testing;

namespace StdGraph.Server.BrowserTests;

/// <summary>
/// Once per run: a data directory built from the web fixture corpus and the real Chinese national standards of the
/// shared snapshot, the app on Kestrel at a random loopback port, and Debian's Chromium driven by Playwright.
/// </summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    public static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

    private string _dataDirectory = "";
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>True when the server has no POST /ask of its own yet and the test stub answers instead.</summary>
    public bool AskIsStubbed { get; private set; }

    public static string Artifacts { get; } = Path.Combine(TestPaths.RepositoryRoot, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Artifacts);
        _dataDirectory = TestPaths.NewTempDirectory("web");
        var options = new EngineOptions
        {
            CorpusPaths = [Path.Combine(TestPaths.Fixtures, "web"), Path.Combine(TestPaths.SharedCorpus, "gb.standards.jsonl")],
            DataDirectory = _dataDirectory,
        };
        await DataBuilder.BuildAsync(options);

        _app = StdGraphServer.CreateApp(options, new ServerOptions { Urls = ["http://127.0.0.1:0"] });
        if (!HasPostEndpoint(_app, "/ask"))
        {
            AskIsStubbed = true;
            _app.MapPost("/ask", StubAsk.HandleAsync);
        }

        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        using (var http = new HttpClient { BaseAddress = new Uri(BaseUrl) })
        {
            for (var i = 0; i < 600 && !(await http.GetAsync("/healthz")).IsSuccessStatusCode; i++) await Task.Delay(100);
        }

        // The machine running CI may be slow; answers and layouts get time before an expectation fails.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
    }

    /// <summary>A fresh browser context (Chinese locale unless told) with a page whose console errors and requests are recorded.</summary>
    public async Task<BrowserSession> OpenAsync(string locale = "zh-CN")
    {
        var context = await Browser.NewContextAsync(new() { Locale = locale, AcceptDownloads = true, ViewportSize = new() { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page, BaseUrl);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { /* left for the OS to clean */ }
    }

    private static bool HasPostEndpoint(IEndpointRouteBuilder app, string pattern) =>
        app.DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => string.Equals("/" + e.RoutePattern.RawText?.TrimStart('/'), pattern, StringComparison.OrdinalIgnoreCase))
            .Any(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("POST"));
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebAppFixture>
{
    public const string Name = "web";
}

/// <summary>A page in its own context; records what the page asked for and what it complained about.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public BrowserSession(IBrowserContext context, IPage page, string baseUrl)
    {
        Context = context;
        Page = page;
        BaseUrl = baseUrl;
        page.Console += (_, m) => { if (m.Type == "error") ConsoleErrors.Add(m.Text); };
        page.PageError += (_, e) => ConsoleErrors.Add(e);
        page.Dialog += async (_, d) => { Dialogs.Add(d.Message); await d.DismissAsync(); };
        page.Request += (_, r) => Requests.Add(r.Url);
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public string BaseUrl { get; }

    public List<string> ConsoleErrors { get; } = [];

    public List<string> Dialogs { get; } = [];

    public List<string> Requests { get; } = [];

    public Task<IResponse?> GoAsync(string path) => Page.GotoAsync(BaseUrl + path);

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.Artifacts, name + ".png"), FullPage = true });

    public ValueTask DisposeAsync() => new(Context.CloseAsync());
}

/// <summary>
/// STUB, clearly not the product: stands in for the answers engineer's POST /ask (branch answers) until it is merged,
/// speaking the protocol the page expects (server-sent events: "chunk" events with {text}, a "final" event with the
/// answer and its citations). The fixture uses it only when the server maps no /ask of its own.
/// </summary>
internal static class StubAsk
{
    public static async Task HandleAsync(HttpContext http)
    {
        var body = await http.Request.ReadFromJsonAsync<JsonElement>(http.RequestAborted);
        var question = body.TryGetProperty("question", out var q) ? q.GetString() ?? "" : "";
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        string[] pieces = ["GB/T 99961-2099 ", "等同采用（IDT）", " [ISO/IEC 99961:2090]；", "该国际标准已被 ", "ISO/IEC 99961:2098 代替。", " [GB/T 99961-2099]"];
        foreach (var piece in pieces)
        {
            await Write(http, "chunk", JsonSerializer.Serialize(new { text = piece }));
            await Task.Delay(150, http.RequestAborted);
        }

        var final = new
        {
            text = string.Concat(pieces),
            language = "zh",
            found = true,
            question,
            citations = new[] { new { code = "ISO/IEC 99961:2090", title = (string?)null }, new { code = "GB/T 99961-2099", title = (string?)"信息技术 云计算 网页测试夹具 参考架构" } },
        };
        await Write(http, "final", JsonSerializer.Serialize(final));
    }

    private static async Task Write(HttpContext http, string name, string data)
    {
        await http.Response.WriteAsync($"event: {name}\ndata: {data}\n\n", Encoding.UTF8, http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }
}
