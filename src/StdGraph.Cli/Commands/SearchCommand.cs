using System.CommandLine;
using StdGraph.Engine;
using StdGraph.Search;

namespace StdGraph.Cli.Commands;

/// <summary><c>stdgraph search "TEXT" [--filter name=value]… [--top N]</c>.</summary>
internal static class SearchCommand
{
    private static readonly Argument<string> Text = new("text") { Description = "Chinese, English, French or codes, in any mix." };

    private static readonly Option<string[]> Filters = new("--filter")
    {
        Description = "name=value (status, type, body, committee, ics, field, year, hasAdoption, degree); repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<int> Top = new("--top") { Description = "How many hits (1-1000).", DefaultValueFactory = _ => 10 };

    private static readonly Option<string?> After = new("--after") { Description = "Cursor of the last hit of the previous page." };

    private static readonly Option<bool> AllEditions = new("--all-editions") { Description = "Do not rank valid editions above superseded ones." };

    public static Command Create()
    {
        var command = new Command("search", "Full-text and code search with filters, facets and highlights.") { Text, Filters, Top, After, AllEditions };
        command.SetAction(async (parse, ct) =>
        {
            var filters = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var f in parse.GetValue(Filters) ?? [])
            {
                var eq = f.IndexOf('=');
                if (eq <= 0 || eq == f.Length - 1) return Output.Error($"--filter '{f}': expected name=value", ExitCodes.BadInput);
                var name = f[..eq].Trim();
                if (!KnownFilters.Contains(name)) return Output.Error($"--filter '{name}': unknown filter (known: {string.Join(", ", KnownFilters)})", ExitCodes.BadInput);
                (filters.TryGetValue(name, out var list) ? list : filters[name] = []).Add(f[(eq + 1)..].Trim());
            }

            var top = parse.GetValue(Top);
            if (top is < 1 or > 1000) return Output.Error("--top must be between 1 and 1000", ExitCodes.BadInput);

            await using var engine = await StdGraphEngine.OpenAsync(GlobalOptions.EngineOptions(parse), ct: ct);
            var request = new SearchRequest(parse.GetValue(Text) ?? "")
            {
                Filters = filters.ToDictionary(kv => kv.Key.ToLowerInvariant() == "hasadoption" ? "hasAdoption" : kv.Key.ToLowerInvariant(), kv => (IReadOnlyList<string>)kv.Value),
                First = top,
                After = parse.GetValue(After),
                PreferValid = !parse.GetValue(AllEditions),
            };
            var result = engine.Search.Search(request);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Output.WriteJson(new
                {
                    total = result.Total,
                    hits = result.Hits.Select(h => new { code = h.DisplayCode, canonical = h.Code, score = h.Score, title = h.Titles, status = h.Status, highlights = h.Highlights, cursor = h.Cursor }),
                    facets = result.Facets.ToDictionary(f => f.Key, f => f.Value.Select(v => new { value = v.Value, count = v.Count })),
                    next = result.NextCursor,
                });
                return ExitCodes.Success;
            }

            Console.WriteLine($"{result.Total:N0} results");
            foreach (var h in result.Hits)
            {
                var title = h.Titles.GetValueOrDefault("zh") ?? h.Titles.GetValueOrDefault("en") ?? h.Titles.Values.FirstOrDefault() ?? "";
                Console.WriteLine($"{h.Score,7:0.00}  {h.DisplayCode,-32} {h.Status,-11} {title}");
            }

            if (result.NextCursor is not null) Console.WriteLine($"next page: --after {result.NextCursor}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static readonly HashSet<string> KnownFilters = new(StringComparer.OrdinalIgnoreCase)
        { "status", "type", "body", "committee", "ics", "field", "year", "hasAdoption", "degree" };
}
