using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using StdGraph.Engine;
using StdGraph.Testing;

namespace StdGraph.Server.Tests;

/// <summary>The whole catalogue snapshot, built once per test run into a temporary data directory.</summary>
public sealed class SnapshotFixture : IAsyncLifetime
{
    private string _data = "";

    public StdGraphEngine Engine { get; private set; } = null!;

    public EngineOptions Options { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _data = TestPaths.NewTempDirectory("server");
        Options = new EngineOptions { CorpusPaths = [Corpus], DataDirectory = _data };
        await DataBuilder.BuildAsync(Options);
        Engine = await StdGraphEngine.OpenAsync(Options);
    }

    /// <summary>The shared snapshot beside the repository (found from git worktrees too, see <see cref="TestPaths.Shared"/>).</summary>
    public static string Corpus => TestPaths.SharedCorpus;

    public async Task DisposeAsync()
    {
        await Engine.DisposeAsync();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    /// <summary>An app over the shared engine on an in-memory test server.</summary>
    public async Task<TestApp> StartAsync(ServerLimits? limits = null, Action<WebApplicationBuilder>? configure = null)
    {
        var app = StdGraphServer.CreateApp(Engine, new ServerOptions { Limits = limits ?? new ServerLimits() }, b =>
        {
            b.WebHost.UseTestServer();
            configure?.Invoke(b);
        });
        await app.StartAsync();
        return new TestApp(app, app.GetTestClient());
    }
}

[CollectionDefinition(Name)]
public sealed class SnapshotCollection : ICollectionFixture<SnapshotFixture>
{
    public const string Name = "snapshot";
}

/// <summary>A running app and a client for it.</summary>
public sealed class TestApp(WebApplication app, HttpClient client) : IAsyncDisposable
{
    public const string GraphQLResponseJson = "application/graphql-response+json";

    public WebApplication App => app;

    public HttpClient Client => client;

    public IServiceProvider Services => app.Services;

    public async Task<GraphQLAnswer> PostAsync(string query, object? variables = null, string accept = GraphQLResponseJson)
    {
        var body = JsonSerializer.Serialize(new { query, variables });
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") }, accept);
    }

    public async Task<GraphQLAnswer> SendAsync(HttpRequestMessage request, string accept = GraphQLResponseJson)
    {
        request.Headers.Accept.Clear();
        if (accept.Length > 0) request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new GraphQLAnswer((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, text, string.Join(", ", response.Content.Headers.Allow));
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>An HTTP answer from /graphql, with its body parsed when it is JSON.</summary>
public sealed record GraphQLAnswer(int Status, string? MediaType, string Text, string Allow)
{
    public JsonElement Json => JsonDocument.Parse(Text).RootElement;

    public JsonElement Data => Json.GetProperty("data");

    public bool HasErrors => Json.TryGetProperty("errors", out var e) && e.GetArrayLength() > 0;

    public IReadOnlyList<string> ErrorCodes => HasErrors
        ? Json.GetProperty("errors").EnumerateArray()
            .Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString() ?? "" : "")
            .ToList()
        : [];

    public string FirstErrorMessage => Json.GetProperty("errors")[0].GetProperty("message").GetString() ?? "";

    /// <summary>The answer as text, for assertion messages.</summary>
    public override string ToString() => $"{Status} {MediaType}: {(Text.Length > 2000 ? Text[..2000] + "…" : Text)}";
}
