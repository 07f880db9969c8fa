using System.Text.Encodings.Web;
using System.Text.Json;
using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using StdGraph.Engine;
using StdGraph.Rdf;
using StdGraph.Server.GraphQL;
using StdGraph.Server.GraphQL.Areas;
using StdGraph.Server.GraphQL.Loading;
using StdGraph.Server.Hosting;
using StdGraph.Server.Http;
using StdGraph.Server.Resolving;

namespace StdGraph.Server;

/// <summary>How the server listens and what it allows.</summary>
public sealed record ServerOptions
{
    public IReadOnlyList<string> Urls { get; init; } = ["http://127.0.0.1:5000"];

    public ServerLimits Limits { get; init; } = new();

    /// <summary>Write logs as JSON lines (one object per line) instead of plain text.</summary>
    public bool JsonLogs { get; init; }
}

/// <summary>The StdGraph HTTP server: GraphQL at <c>/graphql</c> (GraphiQL for browsers), <c>/healthz</c>, <c>/metrics</c>.</summary>
public static class StdGraphServer
{
    /// <summary>An app that opens (building if need be) the data directory of <paramref name="engineOptions"/> when it starts.</summary>
    public static WebApplication CreateApp(EngineOptions engineOptions, ServerOptions? options = null, Action<WebApplicationBuilder>? configure = null) =>
        Create(options ?? new(), services => services.AddSingleton(sp => new EngineHost(engineOptions, sp.GetRequiredService<ILogger<EngineHost>>())), configure);

    /// <summary>An app serving an engine that is already open (the caller keeps ownership of it).</summary>
    public static WebApplication CreateApp(StdGraphEngine engine, ServerOptions? options = null, Action<WebApplicationBuilder>? configure = null) =>
        Create(options ?? new(), services => services.AddSingleton(sp => new EngineHost(engine, sp.GetRequiredService<ILogger<EngineHost>>())), configure);

    private static WebApplication Create(ServerOptions options, Action<IServiceCollection> addEngine, Action<WebApplicationBuilder>? configure)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(StdGraphServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddEnvironmentVariables("STDGRAPH_");
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            // A backstop behind the handler's own, clearer limit.
            k.Limits.MaxRequestBodySize = options.Limits.MaxRequestBytes * 4L;
        });
        builder.Logging.ClearProviders();
        if (options.JsonLogs) builder.Logging.AddJsonConsole(j => j.JsonWriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        else builder.Logging.AddSimpleConsole(s => { s.SingleLine = true; s.TimestampFormat = "HH:mm:ss "; });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        AddServices(builder.Services, options.Limits);
        addEngine(builder.Services);
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EngineHost>());
        builder.Services.AddHostedService<WarmUp>();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseMiddleware<RequestLogging>();
        app.Use(async (http, next) =>
        {
            // Nothing escapes as a 500 with a stack trace: unexpected failures become a GraphQL-shaped 500.
            try
            {
                await next(http);
            }
            catch (Exception e) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
            {
                http.RequestServices.GetRequiredService<ILogger<GraphQLHttpHandler>>().LogError(e, "unhandled error on {Path}", http.Request.Path.Value);
                http.Response.Clear();
                http.Response.StatusCode = StatusCodes.Status500InternalServerError;
                http.Response.ContentType = "application/json; charset=utf-8";
                await http.Response.WriteAsync("{\"errors\":[{\"message\":\"internal error\",\"extensions\":{\"code\":\"INTERNAL_ERROR\"}}]}");
            }
        });
        app.Map("/graphql", (HttpContext http, GraphQLHttpHandler handler) => handler.HandleAsync(http));
        app.MapGet("/graphiql/{file}", (HttpContext http, string file, GraphiQLPage page) => page.WriteAsync(http, file));
        app.MapGet("/healthz", Health);
        app.MapPost("/ask", (HttpContext http, EngineHost host, FeatureServices features, ServerLimits limits) => AskEndpoint.HandleAsync(http, host, features, limits));
        app.Map("/sparql", (HttpContext http, EngineHost host, ServerLimits limits) => SparqlEndpoint.HandleAsync(http, host, limits));
        app.MapGet("/metrics", (RequestMetrics metrics) => Results.Text(metrics.Render(), "text/plain; version=0.0.4; charset=utf-8"));
        app.MapGet("/", () => Results.Redirect("/graphql"));
        app.MapWebPages();
        return app;
    }

    /// <summary>
    /// 503 while the data loads. Once loaded, 200: the server answers search and the catalogue even when the sparql
    /// backend's server is down, so it stays in service; <c>graph</c> says whether graph fields answer, and
    /// <c>status</c> is <c>degraded</c> while they do not.
    /// </summary>
    private static async Task<IResult> Health(EngineHost engine, CancellationToken ct)
    {
        if (!engine.IsReady) return Results.Json(new { status = engine.State }, statusCode: StatusCodes.Status503ServiceUnavailable);
        var graph = await engine.Engine.IsGraphAvailableAsync(TimeSpan.FromSeconds(3), ct);
        return Results.Json(new
        {
            status = graph ? "ok" : "degraded",
            graph = graph ? "ok" : "unavailable",
            backend = engine.Engine.Options.Backend == GraphBackend.Sparql ? "sparql" : "embedded",
            generation = Path.GetFileName(engine.Engine.Generation),
            editions = engine.Engine.Catalogue.Editions.Count,
        });
    }

    private static void AddServices(IServiceCollection services, ServerLimits limits)
    {
        services.AddSingleton(limits);
        services.AddSingleton<RequestMetrics>();
        services.AddSingleton<GraphiQLPage>();
        services.AddSingleton<GraphQLHttpHandler>();
        // The engine and its stores belong to the EngineHost (or the caller): never registered as themselves, so the
        // container does not dispose them with the app.
        services.AddSingleton(sp => sp.GetRequiredService<EngineHost>().Engine.Catalogue);
        services.AddSingleton(sp => CatalogueIndexes.DirectoryOf(sp.GetRequiredService<StdGraph.Corpus.Catalogue>()));
        services.AddSingleton(sp => CatalogueIndexes.CodesOf(sp.GetRequiredService<StdGraph.Corpus.Catalogue>()));
        services.AddSingleton<IGraphStore>(sp => new BorrowedGraphStore(sp.GetRequiredService<EngineHost>().Engine.Graph));
        services.TryAddSingleton<IRelationSource, GraphRelationSource>();
        services.TryAddSingleton<IFieldTaxonomy>(sp => CatalogueIndexes.TaxonomyOf(sp.GetRequiredService<EngineHost>().Engine.Classifier, sp.GetRequiredService<StandardDirectory>()));
        services.TryAddSingleton<ISearchService>(sp => new IndexSearch(sp.GetRequiredService<EngineHost>().Engine.Search, sp.GetRequiredService<StandardDirectory>()));
        services.AddSingleton<GraphWalker>();
        services.AddScoped<RequestLoaders>();
        services.AddScoped<HistoryLoader>();

        services.AddSingleton<IQueryFields, StandardQueries>();
        services.AddSingleton<IQueryFields, SearchQueries>();
        services.AddSingleton<IQueryFields, TraversalQueries>();
        services.AddSingleton<IQueryFields, TaxonomyQueries>();
        services.AddSingleton<IQueryFields, EquivalentsQueries>();
        services.AddSingleton<IQueryFields, AskQueries>();
        services.AddSingleton<FeatureServices>();

        services.AddGraphQL(b => b
            .AddSchema<StdGraphSchema>()
            .AddGraphTypes(typeof(StdGraphSchema).Assembly)
            .AddSystemTextJson(o => o.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddErrorInfoProvider(o => o.ExposeExceptionDetails = false)
            .AddComplexityAnalyzer(o =>
            {
                o.MaxDepth = limits.MaxDepth;
                o.MaxComplexity = limits.MaxComplexity;
            })
            .WithTimeout(limits.ExecutionTimeout)
            .AddUnhandledExceptionHandler(GraphOutage.Handle));
    }
}
