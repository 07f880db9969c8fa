using System.CommandLine;
using StdGraph.Engine;

namespace StdGraph.Cli.Commands;

/// <summary><c>stdgraph stats</c>: counts over the built data.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var command = new Command("stats", "Counts of editions by body, status and field, and of graph triples.");
        command.SetAction(async (parse, ct) =>
        {
            await using var engine = await StdGraphEngine.OpenAsync(GlobalOptions.EngineOptions(parse), ct: ct);
            var stats = await engine.StatisticsAsync(ct);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Output.WriteJson(stats);
                return ExitCodes.Success;
            }

            Console.WriteLine($"editions: {stats.Editions:N0}   committees: {stats.Committees:N0}   ICS classes: {stats.IcsClasses:N0}   triples: {stats.Triples:N0}");
            foreach (var (group, counts) in new[] { ("body", stats.ByBody), ("status", stats.ByStatus), ("field", stats.ByField) })
            {
                Console.WriteLine($"by {group}:");
                foreach (var (key, n) in counts) Console.WriteLine($"  {key,-40} {n,8:N0}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
