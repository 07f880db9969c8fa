using System.Diagnostics;
using System.Text.Json;
using StdGraph.Answers.Tests.Fixtures;
using Xunit.Abstractions;

namespace StdGraph.Answers.Tests;

/// <summary>
/// Measures answers without a model on our own question set (<c>QuestionSet/questions.jsonl</c>: Chinese and English,
/// each with the codes a good answer cites, checked by hand against the snapshot). Reports citation recall and
/// precision, retrieval recall, and deterministic answer latency (p50/p95, a measurement: nothing is timed against a
/// limit). Guards only what must never regress: no national code where none exists, and recall above a floor.
/// </summary>
[Collection(AnswerDataCollection.Name)]
public sealed class RetrievalEvaluation(AnswerData data, ITestOutputHelper output)
{
    private sealed record Question(string Text, IReadOnlyList<string> Expected, bool NoNational);

    private static IReadOnlyList<Question> Load() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "QuestionSet", "questions.jsonl"))
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => new Question(
                e.GetProperty("question").GetString()!,
                e.GetProperty("expected").EnumerateArray().Select(x => x.GetString()!).ToList(),
                e.TryGetProperty("noNational", out var n) && n.GetBoolean()))
            .ToList();

    [Fact]
    public void the_question_set_has_at_least_twenty_questions_in_both_languages()
    {
        var questions = Load();
        questions.Should().HaveCountGreaterThanOrEqualTo(20);
        questions.Count(q => q.Text.Any(Retrieval.QuestionLanguage.IsIdeograph)).Should().BeGreaterThanOrEqualTo(8);
        questions.Count(q => !q.Text.Any(Retrieval.QuestionLanguage.IsIdeograph)).Should().BeGreaterThanOrEqualTo(8);
    }

    [Fact]
    public async Task citation_recall_and_precision_on_the_question_set()
    {
        using var service = data.Service();
        var questions = Load();
        foreach (var q in questions) await service.AnswerAsync(q.Text); // warm the indexes before timing

        var rows = new List<object>();
        var latencies = new List<double>();
        int expectedTotal = 0, citedExpected = 0, retrievedExpected = 0, citedTotal = 0, citedRelevant = 0;
        foreach (var q in questions)
        {
            var clock = Stopwatch.StartNew();
            var answer = await service.AnswerAsync(q.Text);
            latencies.Add(clock.Elapsed.TotalMilliseconds);

            var cited = answer.Citations.Select(c => c.Code).ToHashSet();
            var retrieved = answer.Retrieved.Select(r => r.Code).ToHashSet();
            expectedTotal += q.Expected.Count;
            citedExpected += q.Expected.Count(cited.Contains);
            retrievedExpected += q.Expected.Count(retrieved.Contains);
            // A citation is relevant when expected, or (for list questions) a code the expected answer also names.
            citedTotal += cited.Count;
            citedRelevant += cited.Count(c => q.Expected.Contains(c) || IsSupporting(c, q));
            if (q.NoNational)
            {
                answer.Found.Should().BeFalse(q.Text);
                answer.Citations.Should().NotContain(c => c.Code.StartsWith("GB", StringComparison.Ordinal), q.Text);
            }

            rows.Add(new
            {
                question = q.Text,
                missed = q.Expected.Where(e => !cited.Contains(e)).ToList(),
                extra = cited.Where(c => !q.Expected.Contains(c)).ToList(),
                ms = Math.Round(latencies[^1], 1),
            });
        }

        var sorted = latencies.Order().ToList();
        var report = new
        {
            questions = questions.Count,
            citationRecall = Math.Round((double)citedExpected / expectedTotal, 3),
            citationPrecision = Math.Round((double)citedRelevant / Math.Max(1, citedTotal), 3),
            retrievalRecall = Math.Round((double)retrievedExpected / expectedTotal, 3),
            latencyMs = new { p50 = Math.Round(Percentile(sorted, 0.50), 1), p95 = Math.Round(Percentile(sorted, 0.95), 1), max = Math.Round(sorted[^1], 1) },
            rows,
        };
        var json = JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        output.WriteLine(json);
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "stdgraph-answers-evaluation.json"), json);

        ((double)citedExpected / expectedTotal).Should().BeGreaterThanOrEqualTo(0.8);
    }

    /// <summary>
    /// Codes a correct answer may cite beyond the expected ones: the international edition a national one adopts or
    /// the editions the question itself names (an answer about a relation names both sides).
    /// </summary>
    private bool IsSupporting(string code, Question q)
    {
        var edition = data.Engine.Catalogue.Find(code);
        if (edition is null) return false;
        foreach (var expected in q.Expected)
        {
            var e = data.Engine.Catalogue.Find(expected);
            if (e is null) continue;
            if (e.Relations.Any(r => r.ParsedTarget.Equals(edition.ParsedCode) || r.ParsedTarget.Equals(edition.ParsedCode.Work))) return true;
            if (edition.Relations.Any(r => r.ParsedTarget.Equals(e.ParsedCode))) return true;
        }
        return q.Text.Contains(edition.ParsedCode.WorkKey, StringComparison.OrdinalIgnoreCase);
    }

    private static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        var rank = p * (sorted.Count - 1);
        var lo = (int)Math.Floor(rank);
        var hi = (int)Math.Ceiling(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }
}
