using StdGraph.Testing;

namespace StdGraph.Search.Tests.Query;

public sealed class RelevanceEvaluationTests
{
    [Fact]
    public void a_perfect_ranking_scores_one_and_a_miss_scores_zero()
    {
        var grades = new Dictionary<string, int> { ["A"] = 3, ["B"] = 1 };
        var perfect = RelevanceEvaluation.Score("q", ["A", "B", "C"], grades, 10);
        perfect.Ndcg.Should().BeApproximately(1, 1e-9);
        perfect.ReciprocalRank.Should().Be(1);
        perfect.Recall.Should().Be(1);
        var miss = RelevanceEvaluation.Score("q", ["C", "D"], grades, 10);
        (miss.Ndcg, miss.ReciprocalRank, miss.Recall).Should().Be((0.0, 0.0, 0.0));
    }

    [Fact]
    public void swapped_grades_lower_ndcg_and_a_late_first_hit_lowers_mrr()
    {
        var grades = new Dictionary<string, int> { ["A"] = 3, ["B"] = 1 };
        var swapped = RelevanceEvaluation.Score("q", ["X", "B", "A"], grades, 10);
        swapped.Ndcg.Should().BeInRange(0.01, 0.99);
        swapped.ReciprocalRank.Should().Be(0.5);
        RelevanceEvaluation.Score("q", ["A"], grades, 10).Recall.Should().Be(0.5);
    }

    [Fact]
    public void the_development_qrels_are_well_formed_with_at_least_40_queries()
    {
        var judgements = RelevanceEvaluation.ReadQrels(Path.Combine(TestPaths.RepositoryRoot, "tests", "StdGraph.Search.Tests", "qrels", "dev.tsv"));
        judgements.Select(j => j.Query).Distinct().Should().HaveCountGreaterThanOrEqualTo(40);
    }

    [Fact]
    public void a_malformed_qrels_line_names_file_and_line()
    {
        var file = Path.Combine(TestPaths.NewTempDirectory("qrels"), "bad.tsv");
        File.WriteAllText(file, "# comment\nquery\tGB/T 22080-2016\t2\nquery\tGB/T 22080-2016\tseven\n");
        var act = () => RelevanceEvaluation.ReadQrels(file);
        act.Should().Throw<FormatException>().WithMessage("*bad.tsv:3*grade*");
    }
}
