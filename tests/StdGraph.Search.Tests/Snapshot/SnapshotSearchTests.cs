using StdGraph.Testing;
using Xunit.Abstractions;

namespace StdGraph.Search.Tests.Snapshot;

[Collection(SnapshotCollection.Name)]
public sealed class SnapshotSearchTests(SnapshotIndex snapshot, ITestOutputHelper output)
{
    private List<string> Codes(string text, int first = 10) =>
        snapshot.Index.Search(new SearchRequest(text) { First = first }).Hits.Select(h => h.Code).ToList();

    [Fact]
    public void the_whole_snapshot_is_indexed()
    {
        output.WriteLine($"{snapshot.Documents.Count:N0} documents indexed in {snapshot.BuildTime.TotalSeconds:F1} s ({snapshot.Documents.Count / snapshot.BuildTime.TotalSeconds:N0} docs/s; informative, not asserted)");
        snapshot.Documents.Count.Should().BeGreaterThan(90_000);
        snapshot.Index.Search(new SearchRequest("") { First = 1 }).Total.Should().Be(snapshot.Documents.Count);
    }

    [Fact]
    public void network_security_classified_protection_has_gb_t_22239_2019_in_the_top_3()
    {
        Codes("网络安全等级保护").Take(3).Should().Contain("GB/T 22239-2019");
    }

    [Fact]
    public void gbt22080_gives_the_gb_t_22080_editions_first_valid_on_top()
    {
        var editions = snapshot.Documents.Where(d => d.Edition.ParsedCode.WorkKey == "GB/T 22080").ToList();
        editions.Should().HaveCountGreaterThan(1);
        var codes = Codes("gbt22080");
        codes.Take(editions.Count).Should().BeEquivalentTo(editions.Select(d => d.Edition.ParsedCode.Canonical));
        var top = snapshot.Documents.Single(d => d.Edition.ParsedCode.Canonical == codes[0]);
        top.Edition.Status.Should().Be(StdGraph.Core.Catalogue.EditionStatus.Valid);
    }

    [Fact]
    public void information_security_management_systems_requirements_has_iso_iec_27001_2022_in_the_top_3()
    {
        Codes("information security management systems requirements").Take(3).Should().Contain("ISO/IEC 27001:2022");
    }

    [Fact]
    public void a_body_filter_and_its_facet_count_every_matching_edition()
    {
        var national = snapshot.Documents.Count(d => d.Edition.ParsedCode.Body == "SAC");
        var result = snapshot.Index.Search(new SearchRequest("") { Filters = new Dictionary<string, IReadOnlyList<string>> { ["body"] = ["SAC"] } });
        result.Total.Should().Be(national);
        result.Facets["body"].Should().Equal(new FacetValue("SAC", national));
    }

    [Theory]
    [InlineData("云计算")]
    [InlineData("information security management")]
    [InlineData("27001")]
    public void hits_without_stored_fields_name_the_same_editions_with_the_same_scores_and_cursors(string text)
    {
        var full = snapshot.Index.Search(new SearchRequest(text) { First = 20 });
        var lean = snapshot.Index.Search(new SearchRequest(text) { First = 20, StoredFields = false, Highlight = false, Facets = false });

        full.Hits.Should().NotBeEmpty();
        lean.Total.Should().Be(full.Total);
        lean.Hits.Select(h => (h.Code, h.Score, h.Cursor)).Should().Equal(full.Hits.Select(h => (h.Code, h.Score, h.Cursor)));
        lean.Hits.Should().OnlyContain(h => h.Titles.Count == 0 && h.Highlights.Count == 0);
        lean.Facets.Should().BeEmpty();
        lean.NextCursor.Should().Be(full.NextCursor);
    }

    [Fact]
    public void a_cursor_from_a_hit_without_stored_fields_continues_the_same_ranking()
    {
        var whole = Codes("信息安全", first: 30);
        var first = snapshot.Index.Search(new SearchRequest("信息安全") { First = 10, StoredFields = false, Highlight = false });
        var next = snapshot.Index.Search(new SearchRequest("信息安全") { First = 20, After = first.NextCursor, StoredFields = false, Highlight = false });

        first.Hits.Concat(next.Hits).Select(h => h.Code).Should().Equal(whole);
    }

    [Fact]
    public void development_qrels_stay_above_the_recorded_baseline()
    {
        var qrels = Path.Combine(TestPaths.RepositoryRoot, "tests", "StdGraph.Search.Tests", "qrels", "dev.tsv");
        var report = RelevanceEvaluation.Evaluate(snapshot.Index, qrels);
        output.WriteLine($"nDCG@10 {report.MeanNdcg:F3}  MRR {report.MeanReciprocalRank:F3}  recall@10 {report.MeanRecall:F3} over {report.Queries.Count} queries");
        report.Queries.Count.Should().BeGreaterThanOrEqualTo(40);
        report.MeanNdcg.Should().BeGreaterThan(0.85);
        report.MeanReciprocalRank.Should().BeGreaterThan(0.85);
    }
}
