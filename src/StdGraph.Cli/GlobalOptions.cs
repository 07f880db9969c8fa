using System.CommandLine;
using StdGraph.Engine;

namespace StdGraph.Cli;

/// <summary>Flags every command understands.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string[]> Corpus = new("--corpus")
    {
        Description = "A corpus file or folder (repeatable). Default: corpus/, then ../shared/corpus.",
        Recursive = true,
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<string?> Data = new("--data")
    {
        Description = "The data directory. Default: data/.",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Machine-readable JSON output.",
        Recursive = true,
    };

    public static readonly Option<string?> Graph = new("--graph")
    {
        Description = "Graph backend: embedded (default) or sparql.",
        Recursive = true,
    };

    public static IEnumerable<Option> All => [Corpus, Data, Json, Graph];

    public static EngineOptions EngineOptions(ParseResult parse) =>
        CliSettings.EngineOptions(CliSettings.Load(), parse.GetValue(Corpus), parse.GetValue(Data), parse.GetValue(Graph));
}
