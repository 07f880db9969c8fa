using System.CommandLine;
using StdGraph.Cli;
using StdGraph.Cli.Commands;

var root = new RootCommand("StdGraph: a knowledge-graph search engine over technical standards.");
foreach (var option in GlobalOptions.All) root.Options.Add(option);
root.Subcommands.Add(IndexCommand.Create());
root.Subcommands.Add(ShowCommand.Create());
root.Subcommands.Add(StatsCommand.Create());
root.Subcommands.Add(SearchCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(RdfCommand.Create());
root.Subcommands.Add(ServeCommand.Create());

return await root.Parse(args).InvokeAsync();
