using System.CommandLine;
using Microsoft.Extensions.Hosting;
using StdGraph.Server;

namespace StdGraph.Cli.Commands;

/// <summary><c>stdgraph serve</c>: the GraphQL API (with GraphiQL), health and metrics over HTTP.</summary>
internal static class ServeCommand
{
    private static readonly Option<string[]> Urls = new("--urls")
    {
        Description = "Addresses to listen on (repeatable or ';'-separated). Default: http://127.0.0.1:5000.",
        DefaultValueFactory = _ => ["http://127.0.0.1:5000"],
    };

    private static readonly Option<bool> LogJson = new("--log-json")
    {
        Description = "Write request logs as JSON lines.",
    };

    public static Command Create()
    {
        var command = new Command("serve", "Serve the GraphQL API at /graphql (GraphiQL in a browser), /healthz and /metrics; builds the data first if there is none.")
        {
            Urls,
            LogJson,
        };
        command.SetAction(async (parse, ct) =>
        {
            var urls = parse.GetValue(Urls)!.SelectMany(u => u.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
            foreach (var url in urls)
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                    return Output.Error($"'{url}' is not an http(s) URL", ExitCodes.BadInput);
            }

            await using var app = StdGraphServer.CreateApp(
                GlobalOptions.EngineOptions(parse),
                new ServerOptions { Urls = urls, JsonLogs = parse.GetValue(LogJson) });
            await app.StartAsync(ct);
            await app.WaitForShutdownAsync(ct); // Ctrl+C cancels ct; the host then stops gracefully
            return ExitCodes.Success;
        });
        return command;
    }
}
