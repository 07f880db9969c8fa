using System.Globalization;
using Microsoft.Extensions.Configuration;
using StdGraph.Engine;

namespace StdGraph.Cli;

/// <summary>
/// Settings from, in rising priority: <c>appsettings.json</c> beside the program and in the working folder,
/// environment variables prefixed <c>STDGRAPH_</c> (<c>STDGRAPH_GRAPH__BACKEND=sparql</c>), then command-line flags.
/// </summary>
internal static class CliSettings
{
    public static IConfiguration Load() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
        .AddEnvironmentVariables("STDGRAPH_")
        .Build();

    public static EngineOptions EngineOptions(IConfiguration config, string[]? corpus, string? data, string? graph)
    {
        var corpusPaths = corpus is { Length: > 0 }
            ? corpus
            : (config["Corpus"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Concat(config.GetSection("Corpus").GetChildren().Select(c => c.Value).OfType<string>())
                .ToArray();
        var backendText = graph ?? config["Graph:Backend"] ?? "embedded";
        if (!Enum.TryParse<GraphBackend>(backendText, ignoreCase: true, out var backend))
            throw new ArgumentException($"unknown graph backend '{backendText}' (expected embedded or sparql)");

        var sparql = new SparqlOptions();
        sparql = sparql with
        {
            Endpoint = config["Graph:Endpoint"] ?? sparql.Endpoint,
            UpdateEndpoint = config["Graph:UpdateEndpoint"] ?? sparql.UpdateEndpoint,
            GraphStoreEndpoint = config["Graph:GraphStoreEndpoint"] ?? sparql.GraphStoreEndpoint,
            GraphIri = config["Graph:GraphIri"] ?? sparql.GraphIri,
            User = config["Graph:User"] ?? sparql.User,
            Password = config["Graph:Password"] ?? sparql.Password,
            Timeout = Seconds(config, "Graph:Timeout") ?? sparql.Timeout,
            ReadTimeout = Seconds(config, "Graph:ReadTimeout") ?? sparql.ReadTimeout,
        };

        return new EngineOptions
        {
            CorpusPaths = corpusPaths,
            DataDirectory = data ?? config["Data"] ?? "data",
            Backend = backend,
            Sparql = sparql,
            OntologyDirectory = config["Ontology"],
        };
    }

    /// <summary>A time limit in seconds (<c>2.5</c>) or as a time span (<c>00:00:02.5</c>).</summary>
    private static TimeSpan? Seconds(IConfiguration config, string key)
    {
        var text = config[key];
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
            return TimeSpan.FromSeconds(seconds);
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero) return span;
        throw new ArgumentException($"STDGRAPH_{key.ToUpperInvariant().Replace(":", "__")} must be a positive number of seconds, not '{text}'");
    }
}
