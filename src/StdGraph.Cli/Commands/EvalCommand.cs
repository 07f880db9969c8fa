using System.CommandLine;

namespace StdGraph.Cli.Commands;

/// <summary><c>stdgraph eval</c>: measured quality of the engine's answers, one subcommand per task.</summary>
internal static class EvalCommand
{
    public static Command Create(params Command[] subcommands)
    {
        var command = new Command("eval", "Measure the quality of a task against held-out data.");
        foreach (var s in subcommands) command.Subcommands.Add(s);
        return command;
    }
}
