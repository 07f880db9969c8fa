using System.CommandLine;
using System.Globalization;
using System.Text;
using StdGraph.Engine;
using StdGraph.Equivalents;

namespace StdGraph.Cli.Commands;

/// <summary><c>stdgraph gaps</c>: national adoptions whose international edition has been superseded or withdrawn.</summary>
internal static class GapsCommand
{
    private static readonly Option<string?> Committee = new("--committee") { Description = "Only gaps whose national or international committee is this one (or under it: ISO/IEC JTC 1 includes its SCs)." };
    private static readonly Option<string?> Field = new("--field") { Description = "Only gaps in this key field (id or label)." };
    private static readonly Option<string?> Format = new("--format") { Description = "csv or json (default: a table; json with --json)." };
    private static readonly Option<bool> OpenOnly = new("--open") { Description = "Leave out gaps a newer national adoption has closed." };

    public static Command Create()
    {
        var command = new Command("gaps", "Adoption gaps: national standards adopting an international edition that has since been replaced or withdrawn.")
        {
            Committee, Field, Format, OpenOnly,
        };
        command.SetAction(async (parse, ct) =>
        {
            var format = parse.GetValue(Format)?.ToLowerInvariant() ?? (parse.GetValue(GlobalOptions.Json) ? "json" : "table");
            if (format is not ("csv" or "json" or "table")) return Output.Error($"unknown format '{format}' (expected csv or json)", ExitCodes.BadInput);
            await using var engine = await StdGraphEngine.OpenAsync(GlobalOptions.EngineOptions(parse), ct: ct);
            var service = EquivalentsService.Create(engine);
            IReadOnlyList<AdoptionGap> gaps;
            try
            {
                gaps = await service.GapsAsync(new GapFilter
                {
                    Committee = parse.GetValue(Committee),
                    Field = parse.GetValue(Field),
                    IncludeClosed = !parse.GetValue(OpenOnly),
                }, ct);
            }
            catch (InvalidOperationException ex)
            {
                return Output.Error(ex.Message, ExitCodes.BadInput);
            }

            switch (format)
            {
                case "json":
                    EquivalentsCommand.WriteJson(new { count = gaps.Count, open = gaps.Count(g => !g.GapClosed), gaps });
                    break;
                case "csv":
                    var csv = new StringBuilder();
                    csv.AppendLine(Csv.Row("national", "nationalStatus", "nationalTitle", "nationalCommittee", "adopts", "degree", "adoptedStatus", "successor", "successorIssued", "current", "supersededSince", "supersededYears", "gapClosed", "closedBy", "closedByAdopts", "internationalCommittee", "fields"));
                    foreach (var g in gaps)
                    {
                        csv.AppendLine(Csv.Row(
                            g.National, g.NationalStatus ?? "", g.NationalTitle ?? "", g.NationalCommittee ?? "", g.Adopts, g.Degree ?? "", g.AdoptedStatus,
                            g.Successor ?? "", g.SuccessorIssued ?? "", g.Current ?? "", g.SupersededSince ?? "",
                            g.SupersededYears?.ToString("0.0", CultureInfo.InvariantCulture) ?? "", g.GapClosed ? "true" : "false",
                            g.ClosedBy ?? "", g.ClosedByAdopts ?? "", g.InternationalCommittee ?? "", string.Join("; ", g.Fields)));
                    }

                    Console.OutputEncoding = Encoding.UTF8;
                    Console.Out.Write(csv.ToString());
                    break;
                default:
                    foreach (var g in gaps)
                    {
                        var since = g.SupersededYears is { } y ? $" {y.ToString("0.0", CultureInfo.InvariantCulture)} years ago" : "";
                        var closed = g.GapClosed ? $"closed by {g.ClosedBy} ({g.ClosedByAdopts})" : "open";
                        Console.WriteLine($"{g.National} → {g.Adopts} [{g.AdoptedStatus}] → {g.Successor ?? "no successor"}{since}; {closed}");
                    }

                    Console.WriteLine($"{gaps.Count} gaps, {gaps.Count(g => !g.GapClosed)} open");
                    break;
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
