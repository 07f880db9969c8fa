using System.CommandLine;
using System.Globalization;
using StdGraph.Engine;
using StdGraph.Equivalents;
using StdGraph.Equivalents.Evaluation;

namespace StdGraph.Cli.Commands;

/// <summary><c>stdgraph eval equivalents</c>: hides the declared adoptions fold by fold and reports recall@1/@5.</summary>
internal static class EvalEquivalentsCommand
{
    private static readonly Option<int> Folds = new("--folds") { Description = "Number of folds (default 10).", DefaultValueFactory = _ => 10 };

    public static Command Create()
    {
        var command = new Command("equivalents", "Recall@1/@5 of candidate equivalents for held-out declared adoptions (exact edition and work; English+Chinese and Chinese-only input).") { Folds };
        command.SetAction(async (parse, ct) =>
        {
            var folds = parse.GetValue(Folds);
            if (folds < 2) return Output.Error("--folds must be at least 2", ExitCodes.BadInput);
            await using var engine = await StdGraphEngine.OpenAsync(GlobalOptions.EngineOptions(parse), ct: ct);
            var report = await EquivalentsService.Create(engine).EvaluateAsync(folds, ct);
            if (parse.GetValue(GlobalOptions.Json)) EquivalentsCommand.WriteJson(report);
            else Print(report);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(EquivalentsEvaluationReport r)
    {
        static string P(double x) => (100 * x).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        Console.WriteLine($"{r.Adoptions} declared adoptions of {r.NationalRecords} national records ({r.SkippedNotInCatalogue} more name an edition not in the catalogue), {r.Folds} folds");
        Console.WriteLine("input               items  edition@1  edition@5  work@1  work@5");
        foreach (var (name, f) in new[] { ("English+Chinese", r.EnglishAndChinese), ("Chinese only", r.ChineseOnly) })
            Console.WriteLine($"{name,-18} {f.Items,6}  {P(f.EditionAt1),9}  {P(f.EditionAt5),9}  {P(f.WorkAt1),6}  {P(f.WorkAt5),6}");
        Console.WriteLine($"calibration (top-5 candidates): Brier {r.BrierScore.ToString("0.000", CultureInfo.InvariantCulture)}");
        foreach (var b in r.Calibration)
            Console.WriteLine($"  confidence {b.From:0.0}–{b.To:0.0}: {b.Count,5} candidates, mean {b.MeanConfidence:0.00}, correct {b.Accuracy:0.00}");
        Console.WriteLine(r.Method);
    }
}
