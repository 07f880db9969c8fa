using System.CommandLine;
using StdGraph.Engine;
using StdGraph.Search;

namespace StdGraph.Cli.Commands;

/// <summary><c>stdgraph eval search --qrels FILE</c>: nDCG@10, MRR and recall@10 over a TSV of (query, code, grade).</summary>
internal static class EvalSearchCommand
{
    private static readonly Option<string> Qrels = new("--qrels") { Description = "TSV of query, code, grade (0-3).", Required = true };
    private static readonly Option<int> K = new("--k") { Description = "Cut-off rank.", DefaultValueFactory = _ => 10 };

    public static Command Create()
    {
        var command = new Command("search", "Relevance of search against judged queries.") { Qrels, K };
        command.SetAction(async (parse, ct) =>
        {
            var qrels = parse.GetValue(Qrels)!;
            if (!File.Exists(qrels)) return Output.Error($"{qrels}: no such file", ExitCodes.BadInput);
            await using var engine = await StdGraphEngine.OpenAsync(GlobalOptions.EngineOptions(parse), ct: ct);
            RelevanceReport report;
            try
            {
                report = RelevanceEvaluation.Evaluate(engine.Search, qrels, parse.GetValue(K));
            }
            catch (FormatException ex)
            {
                return Output.Error($"{qrels}: {ex.Message}", ExitCodes.BadInput);
            }

            if (parse.GetValue(GlobalOptions.Json))
            {
                Output.WriteJson(new
                {
                    queries = report.Queries.Count,
                    k = report.K,
                    ndcg = Math.Round(report.MeanNdcg, 4),
                    mrr = Math.Round(report.MeanReciprocalRank, 4),
                    recall = Math.Round(report.MeanRecall, 4),
                    perQuery = report.Queries.Select(q => new { query = q.Query, ndcg = Math.Round(q.Ndcg, 4), rr = Math.Round(q.ReciprocalRank, 4), recall = Math.Round(q.Recall, 4), retrieved = q.Retrieved }),
                });
                return ExitCodes.Success;
            }

            foreach (var q in report.Queries.OrderBy(q => q.Ndcg))
                Console.WriteLine($"{q.Ndcg,6:0.000} {q.ReciprocalRank,6:0.000} {q.Recall,6:0.000}  {q.Query}");
            Console.WriteLine($"{report.Queries.Count} queries: nDCG@{report.K} {report.MeanNdcg:0.000}  MRR {report.MeanReciprocalRank:0.000}  recall@{report.K} {report.MeanRecall:0.000}");
            return ExitCodes.Success;
        });
        return command;
    }
}
