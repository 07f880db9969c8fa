using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using StdGraph.Engine;
using StdGraph.Equivalents;

namespace StdGraph.Cli.Commands;

/// <summary>
/// <c>stdgraph equivalents</c>: the international counterparts of one code (declared first, then candidates), candidates
/// for free input (titles, ICS, committee, date), or a batch of codes from a file.
/// </summary>
internal static class EquivalentsCommand
{
    private static readonly Argument<string?> Code = new("code") { Description = "A standard code in any spelling (GB/T 22080-2016, ISO/IEC 27001:2013).", Arity = ArgumentArity.ZeroOrOne };
    private static readonly Option<string?> Input = new("--input") { Description = "A file of codes, one per line (any spelling; blank lines and # comments skipped)." };
    private static readonly Option<string?> Format = new("--format") { Description = "Batch output: csv (default) or json." };
    private static readonly Option<string?> TitleEn = new("--title-en") { Description = "English title of the standard or draft." };
    private static readonly Option<string?> TitleZh = new("--title-zh") { Description = "Chinese title of the standard or draft." };
    private static readonly Option<string[]> Ics = new("--ics") { Description = "An ICS code (repeatable).", AllowMultipleArgumentsPerToken = false };
    private static readonly Option<string?> Committee = new("--committee") { Description = "Committee (SAC/TC 260, ISO/IEC JTC 1/SC 27)." };
    private static readonly Option<string?> Issued = new("--issued") { Description = "National issue date: YYYY, YYYY-MM or YYYY-MM-DD." };
    private static readonly Option<int> Top = new("--top") { Description = "How many candidates (default 10).", DefaultValueFactory = _ => 10 };

    /// <summary>Like <see cref="Output.Json"/> but keeps null values: scripts read <c>"degree": null</c>.</summary>
    internal static readonly JsonSerializerOptions JsonWithNulls = new(Output.Json) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static Command Create()
    {
        var command = new Command("equivalents", "International counterparts of a national standard (declared, then candidates with reasons), or candidates for titles, ICS, committee and date.")
        {
            Code, Input, Format, TitleEn, TitleZh, Ics, Committee, Issued, Top,
        };
        command.SetAction(async (parse, ct) =>
        {
            var code = parse.GetValue(Code);
            var input = parse.GetValue(Input);
            var top = parse.GetValue(Top);
            var json = parse.GetValue(GlobalOptions.Json);
            var hasFreeInput = parse.GetValue(TitleEn) is not null || parse.GetValue(TitleZh) is not null;
            if ((code is not null ? 1 : 0) + (input is not null ? 1 : 0) + (hasFreeInput ? 1 : 0) != 1)
                return Output.Error("give one of: a CODE, --input FILE, or --title-en/--title-zh", ExitCodes.BadInput);
            if (top < 1) return Output.Error("--top must be at least 1", ExitCodes.BadInput);
            var format = parse.GetValue(Format)?.ToLowerInvariant();
            if (format is not (null or "csv" or "json")) return Output.Error($"unknown format '{format}' (expected csv or json)", ExitCodes.BadInput);
            if (input is not null && !File.Exists(input)) return Output.Error($"input file '{input}' not found", ExitCodes.BadInput);

            await using var engine = await StdGraphEngine.OpenAsync(GlobalOptions.EngineOptions(parse), ct: ct);
            var service = EquivalentsService.Create(engine);
            try
            {
                if (input is not null) return await Batch(service, input, format ?? (json ? "json" : "csv"), top, ct);
                if (code is not null) return await One(service, code, top, json, ct);
                var result = await service.SuggestAsync(new CandidateInput
                {
                    TitleEn = parse.GetValue(TitleEn),
                    TitleZh = parse.GetValue(TitleZh),
                    Ics = parse.GetValue(Ics) ?? [],
                    Committee = parse.GetValue(Committee),
                    Issued = parse.GetValue(Issued),
                }, top, ct);
                if (json) WriteJson(new { candidates = result.Candidates.Select(Candidate), mode = result.Mode, queryTerms = result.QueryTerms });
                else PrintCandidates(result.Candidates);
                return ExitCodes.Success;
            }
            catch (ArgumentException ex)
            {
                return Output.Error(ex.Message, ExitCodes.BadInput);
            }
        });
        return command;
    }

    private static async Task<int> One(EquivalentsService service, string code, int top, bool json, CancellationToken ct)
    {
        var result = await service.ForCodeAsync(code, top, ct);
        if (!result.Found)
            return Output.Error(result.Error ?? "not found", result.Explicit is null ? ExitCodes.BadInput : ExitCodes.NotFound);
        if (json)
        {
            WriteJson(new
            {
                code = result.Query,
                edition = result.Explicit!.Edition,
                adopts = result.Explicit.Adopts,
                adoptedBy = result.Explicit.AdoptedBy,
                candidates = result.Candidates.Select(Candidate),
                mode = result.Mode,
            });
            return ExitCodes.Success;
        }

        var e = result.Explicit!.Edition!;
        Console.WriteLine($"{e.Code}{(e.Status is null ? "" : $"  [{e.Status}]")}  {e.TitleZh ?? e.TitleEn}");
        foreach (var l in result.Explicit.Adopts)
        {
            Console.WriteLine($"  adopts {l.International.Code} ({l.Degree ?? "degree not stated"}){(l.International.Status is null ? "" : $" [{l.International.Status}]")}");
            if (l.Successor is not null) Console.WriteLine($"    replaced by {l.Successor.Code}{(l.Current is not null && l.Current.Code != l.Successor.Code ? $", now {l.Current.Code}" : "")}");
            if (l.NewerNationalAdoption is not null) Console.WriteLine($"    newer national adoption: {l.NewerNationalAdoption} ({l.NewerNationalAdoptionOf})");
        }

        foreach (var l in result.Explicit.AdoptedBy)
            Console.WriteLine($"  adopted by {l.National.Code} ({l.Degree ?? "degree not stated"}){(l.ExactEdition ? "" : $" — adopts {l.International.Code}")}");
        PrintCandidates(result.Candidates.Where(c => !c.Explicit).ToList());
        return ExitCodes.Success;
    }

    private static async Task<int> Batch(EquivalentsService service, string path, string format, int top, CancellationToken ct)
    {
        var rows = new List<object>();
        var csv = new StringBuilder();
        csv.AppendLine(Csv.Row("input", "code", "found", "error", "title", "status", "adopts", "degree", "adoptedStatus", "successor", "current", "newerNationalAdoption", "adoptedBy", "topCandidate", "topCandidateConfidence"));
        foreach (var line in await File.ReadAllLinesAsync(path, ct))
        {
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#')) continue;
            var r = await service.ForCodeAsync(text, top, ct);
            var x = r.Explicit;
            var suggestion = r.Candidates.FirstOrDefault(c => !c.Explicit);
            rows.Add(new
            {
                input = text,
                code = r.Found ? r.Query : null,
                found = r.Found,
                error = r.Error,
                edition = x?.Edition,
                adopts = x?.Adopts ?? [],
                adoptedBy = x?.AdoptedBy ?? [],
                candidates = r.Candidates.Select(Candidate),
            });
            csv.AppendLine(Csv.Row(
                text,
                r.Found ? r.Query : "",
                r.Found ? "true" : "false",
                r.Error ?? "",
                x?.Edition?.TitleZh ?? x?.Edition?.TitleEn ?? "",
                x?.Edition?.Status ?? "",
                string.Join("; ", x?.Adopts.Select(a => a.International.Code) ?? []),
                string.Join("; ", x?.Adopts.Select(a => a.Degree ?? "") ?? []),
                string.Join("; ", x?.Adopts.Select(a => a.International.Status ?? "") ?? []),
                string.Join("; ", x?.Adopts.Select(a => a.Successor?.Code ?? "") ?? []),
                string.Join("; ", x?.Adopts.Select(a => a.Current?.Code ?? "") ?? []),
                string.Join("; ", x?.Adopts.Select(a => a.NewerNationalAdoption ?? "") ?? []),
                string.Join("; ", x?.AdoptedBy.Select(a => $"{a.National.Code} ({a.Degree ?? "?"})") ?? []),
                suggestion?.Code ?? "",
                suggestion is null ? "" : suggestion.Confidence.ToString("0.####", CultureInfo.InvariantCulture)));
        }

        if (format == "json") WriteJson(new { rows });
        else
        {
            Console.OutputEncoding = Encoding.UTF8;
            Console.Out.Write(csv.ToString());
        }

        return ExitCodes.Success;
    }

    internal static object Candidate(EquivalentCandidate c) => new
    {
        code = c.Code,
        confidence = c.Confidence,
        @explicit = c.Explicit,
        degree = c.Degree,
        reasons = c.Reasons,
        work = c.Work,
        title = c.Title,
        status = c.Status,
        issued = c.Issued,
        committee = c.Committee,
    };

    internal static void WriteJson(object value)
    {
        Console.OutputEncoding = Encoding.UTF8;
        Console.Out.WriteLine(JsonSerializer.Serialize(value, JsonWithNulls));
    }

    private static void PrintCandidates(IReadOnlyList<EquivalentCandidate> candidates)
    {
        if (candidates.Count == 0) return;
        Console.WriteLine("  candidates:");
        foreach (var c in candidates)
        {
            Console.WriteLine($"    {c.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}  {c.Code}{(c.Explicit ? $" (declared {c.Degree})" : "")}{(c.Status is null ? "" : $" [{c.Status}]")}  {c.Title}");
            foreach (var r in c.Reasons) Console.WriteLine($"          - {r}");
        }
    }
}

/// <summary>RFC 4180 fields: quoted when they hold a comma, quote or line break.</summary>
internal static class Csv
{
    public static string Row(params string[] fields) => string.Join(",", fields.Select(Field));

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
