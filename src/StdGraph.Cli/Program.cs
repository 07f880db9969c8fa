using System.CommandLine;
using StdGraph.Cli;
using StdGraph.Cli.Commands;
using StdGraph.Cli.Failures;

var root = new RootCommand("StdGraph: a knowledge-graph search engine over technical standards.");
foreach (var option in GlobalOptions.All) root.Options.Add(option);
root.Subcommands.Add(IndexCommand.Create());
root.Subcommands.Add(ShowCommand.Create());
root.Subcommands.Add(StatsCommand.Create());
root.Subcommands.Add(SearchCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(RdfCommand.Create());
root.Subcommands.Add(EquivalentsCommand.Create());
root.Subcommands.Add(GapsCommand.Create());
root.Subcommands.Add(EvalCommand.Create(EvalSearchCommand.Create(), EvalEquivalentsCommand.Create()));
root.Subcommands.Add(AskCommand.Create());
root.Subcommands.Add(ServeCommand.Create());

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception ex) when (FailureExitCodes.For(ex) is { } failure)
{
    // Known failures get one clear line and a documented exit code, never a stack trace.
    return Output.Error(failure.Message, failure.ExitCode);
}
