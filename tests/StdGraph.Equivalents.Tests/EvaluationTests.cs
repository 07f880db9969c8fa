using Xunit.Abstractions;

namespace StdGraph.Equivalents.Tests;

[Collection(SnapshotCollection.Name)]
public class EvaluationTests(SnapshotFixture snapshot, ITestOutputHelper output)
{
    [Fact]
    public async Task held_out_adoptions_are_mostly_recovered_from_titles_and_metadata()
    {
        var report = await snapshot.Service.EvaluateAsync(folds: 10);
        output.WriteLine(System.Text.Json.JsonSerializer.Serialize(report, new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

        report.Adoptions.Should().BeGreaterThan(200);
        report.EnglishAndChinese.Items.Should().BeGreaterThan(150);
        report.ChineseOnly.Items.Should().BeGreaterThan(150);
        // Floors well under the measured figures: a regression in retrieval or learning trips them.
        report.EnglishAndChinese.WorkAt5.Should().BeGreaterThan(0.8);
        report.EnglishAndChinese.EditionAt1.Should().BeGreaterThan(0.5);
        report.ChineseOnly.WorkAt5.Should().BeGreaterThan(0.4);
        report.BrierScore.Should().BeLessThan(0.1);
        // Calibrated: where the model says 80% or more, it is right at least three times in four.
        report.Calibration[^1].Count.Should().BeGreaterThan(50);
        report.Calibration[^1].Accuracy.Should().BeGreaterThan(0.75);
    }
}
