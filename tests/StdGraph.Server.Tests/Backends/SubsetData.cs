using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using StdGraph.Engine;
using StdGraph.Testing;

namespace StdGraph.Server.Tests.Backends;

/// <summary>Data directories built from the <see cref="SubsetCorpus"/>, on the embedded store or loaded into a Virtuoso, and apps over them.</summary>
internal static class SubsetData
{
    public const string GraphIri = "https://stdgraph.org/graph";

    public static EngineOptions Embedded(string corpus, string data) => new() { CorpusPaths = [corpus], DataDirectory = data };

    public static EngineOptions Sparql(string corpus, string data, VirtuosoServer virtuoso) => new()
    {
        CorpusPaths = [corpus],
        DataDirectory = data,
        Backend = GraphBackend.Sparql,
        Sparql = new SparqlOptions
        {
            Endpoint = virtuoso.QueryEndpoint.ToString(),
            UpdateEndpoint = virtuoso.UpdateEndpoint.ToString(),
            GraphStoreEndpoint = virtuoso.GraphStoreEndpoint.ToString(),
            GraphIri = GraphIri,
            User = "dba",
            Password = "dba",
        },
    };

    /// <summary>Builds the data directory, then opens it.</summary>
    public static async Task<(StdGraphEngine Engine, BuildReport Report)> BuildAndOpenAsync(EngineOptions options)
    {
        var report = await DataBuilder.BuildAsync(options);
        return (await StdGraphEngine.OpenAsync(options), report);
    }

    /// <summary>An app over <paramref name="engine"/> on an in-memory test server (the whole ASP.NET pipeline, no socket).</summary>
    public static async Task<TestApp> StartInMemoryAsync(StdGraphEngine engine)
    {
        var app = StdGraphServer.CreateApp(engine, new ServerOptions(), b => b.WebHost.UseTestServer());
        await app.StartAsync();
        return new TestApp(app, app.GetTestClient());
    }

    /// <summary>An app over <paramref name="engine"/> on Kestrel at a free loopback port, with a client for it.</summary>
    public static async Task<TestApp> StartOnSocketAsync(StdGraphEngine engine)
    {
        var app = StdGraphServer.CreateApp(engine, new ServerOptions { Urls = ["http://127.0.0.1:0"] });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new TestApp(app, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(100) });
    }

    public static void RemoveDirectory(string? path)
    {
        if (path is null) return;
        try { Directory.Delete(path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
