using System.CommandLine;
using Spectre.Console;
using StdGraph.Corpus;
using StdGraph.Engine;

namespace StdGraph.Cli.Commands;

/// <summary><c>stdgraph index</c>: reads the corpus and builds the data directory.</summary>
internal static class IndexCommand
{
    private static readonly Option<bool> Strict = new("--strict") { Description = "Exit 1 when any record was rejected." };

    public static Command Create()
    {
        var command = new Command("index", "Read the corpus, validate every record, and build the catalogue, graph and search index.") { Strict };
        command.SetAction(async (parse, ct) =>
        {
            EngineOptions options;
            try
            {
                options = GlobalOptions.EngineOptions(parse);
            }
            catch (ArgumentException ex)
            {
                return Output.Error(ex.Message, ExitCodes.BadInput);
            }

            var json = parse.GetValue(GlobalOptions.Json);
            BuildReport report;
            try
            {
                report = json || !Output.IsInteractive
                    ? await DataBuilder.BuildAsync(options, new Progress<BuildProgress>(p => Console.Error.WriteLine($"[{p.Step}] {p.Detail}")), ct)
                    : await BuildWithProgressBar(options, ct);
            }
            catch (CorpusException ex)
            {
                return Output.Error(ex.Message, ExitCodes.DataError);
            }

            if (json) Output.WriteJson(DataBuilder.Summary(report));
            else PrintSummary(report, options);

            return parse.GetValue(Strict) && report.Ingest.TotalRejected > 0 ? ExitCodes.RejectedRecords : ExitCodes.Success;
        });
        return command;
    }

    private static async Task<BuildReport> BuildWithProgressBar(EngineOptions options, CancellationToken ct)
    {
        BuildReport? report = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("reading corpus", maxValue: 1);
                task.IsIndeterminate = true;
                report = await DataBuilder.BuildAsync(options, new Progress<BuildProgress>(p =>
                {
                    task.Description = Markup.Escape($"{p.Step}: {p.Detail}");
                    if (p.Fraction is { } f)
                    {
                        task.IsIndeterminate = false;
                        task.Value = f;
                    }
                }), ct);
                task.Value = 1;
            });
        return report!;
    }

    private static void PrintSummary(BuildReport r, EngineOptions options)
    {
        var i = r.Ingest;
        Console.WriteLine($"standards read:   {i.StandardsRead:N0}");
        Console.WriteLine($"editions:         {i.Editions:N0} (after merging {i.MergedDuplicates:N0} duplicate records)");
        Console.WriteLine($"committees:       {i.Committees:N0}");
        Console.WriteLine($"ICS classes:      {i.IcsClasses:N0}");
        Console.WriteLine($"graph triples:    {r.Triples:N0}");
        Console.WriteLine($"indexed:          {r.IndexedDocuments:N0}");
        Console.WriteLine($"rejected:         {i.TotalRejected:N0}" + (i.TotalRejected > 0 ? $" (see {new DataDirectory(options.DataDirectory).RejectedPath})" : ""));
        foreach (var e in i.FileErrors) Console.WriteLine("file error:       " + e);
        foreach (var bad in r.Rejected.Take(10)) Console.WriteLine($"  {bad.File}:{bad.Line}: {bad.Reason}");
        if (r.Rejected.Count > 10) Console.WriteLine($"  … and {r.Rejected.Count - 10:N0} more");
        Console.WriteLine("time:             " + string.Join(", ", r.StepSeconds.Select(s => $"{s.Key} {s.Value:0.0}s")));
    }
}
