using System.CommandLine;
using StdGraph.Core.Catalogue;
using StdGraph.Core.Codes;
using StdGraph.Engine;

namespace StdGraph.Cli.Commands;

/// <summary><c>stdgraph show CODE</c>: one edition and its relations.</summary>
internal static class ShowCommand
{
    private static readonly Argument<string> Code = new("code") { Description = "A standard code in any spelling (GB/T 22080-2016, gbt22080-2016, ISO/IEC 27001:2013)." };

    public static Command Create()
    {
        var command = new Command("show", "Show a standard and its relations.") { Code };
        command.SetAction(async (parse, ct) =>
        {
            var text = parse.GetValue(Code)!;
            if (!StandardCode.TryParse(text, out var code, out var error)) return Output.Error(error!, ExitCodes.BadInput);
            await using var engine = await StdGraphEngine.OpenAsync(GlobalOptions.EngineOptions(parse), ct: ct);
            var view = await engine.DescribeAsync(code, ct);
            if (view is null) return Output.Error($"{code.Canonical} is not in the catalogue", ExitCodes.NotFound);
            if (parse.GetValue(GlobalOptions.Json)) Output.WriteJson(view);
            else Print(view);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(StandardView v)
    {
        Console.WriteLine(v.Code + (v.Status is null ? "" : $"  [{v.Status}]"));
        foreach (var (lang, title) in v.Title) Console.WriteLine($"  {lang}: {title}");
        if (v.Issued is not null) Console.WriteLine($"  issued: {v.Issued}");
        if (v.Committee is not null) Console.WriteLine($"  committee: {v.Committee}");
        if (v.Ics.Count > 0) Console.WriteLine($"  ICS: {string.Join(", ", v.Ics)}");
        foreach (var (name, links) in v.Relations)
        {
            if (links.Count == 0) continue;
            Console.WriteLine($"  {name}:");
            foreach (var l in links)
                Console.WriteLine($"    {l.Code}{(l.Degree is null ? "" : $" ({l.Degree})")}{(l.Status is null ? "" : $" [{l.Status}]")}{(l.Title is null ? "" : "  " + l.Title)}");
        }

        foreach (var f in v.Fields) Console.WriteLine($"  field: {f.Label} — {f.Reason}");
    }
}
