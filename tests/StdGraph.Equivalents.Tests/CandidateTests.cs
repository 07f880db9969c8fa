namespace StdGraph.Equivalents.Tests;

[Collection(SnapshotCollection.Name)]
public class CandidateTests(SnapshotFixture snapshot)
{
    [Fact]
    public async Task english_title_and_issue_date_put_the_edition_current_at_that_date_first()
    {
        var result = await snapshot.Service.SuggestAsync(new CandidateInput
        {
            TitleEn = "Information technology — Security techniques — Information security management systems — Requirements",
            Issued = "2016-08-29",
        }, top: 5);

        result.Mode.Should().Be("en");
        var first = result.Candidates[0];
        first.Code.Should().Be("ISO/IEC 27001:2013");
        first.Explicit.Should().BeFalse();
        first.Confidence.Should().BeInRange(0, 1);
        first.Reasons.Should().Contain(r => r.Contains("matches")).And.Contain(r => r.Contains("latest edition of ISO/IEC 27001 issued by the national issue date"));
        result.Candidates.Select(c => c.Confidence).Should().BeInDescendingOrder();
    }

    [Fact]
    public async Task chinese_title_alone_is_translated_with_the_learned_lexicon()
    {
        var result = await snapshot.Service.SuggestAsync(new CandidateInput
        {
            TitleZh = "信息技术 云计算 概览与词汇",
            Issued = "2015-12-31",
        }, top: 5);

        result.Mode.Should().Be("zh");
        result.QueryTerms.Should().Contain("cloud");
        result.Candidates.Select(c => c.Work).Should().Contain("ISO/IEC 17788");
        result.Candidates[0].Reasons.Should().Contain(r => r.StartsWith("translation:"));
    }

    [Fact]
    public async Task learned_committee_correspondence_is_given_as_a_reason()
    {
        var result = await snapshot.Service.SuggestAsync(new CandidateInput
        {
            TitleZh = "信息安全技术 信息安全管理体系 要求",
            Committee = "SAC/TC 260",
            Ics = ["35.030"],
            Issued = "2016-08-29",
        }, top: 5);

        result.Candidates.Should().Contain(c => c.Reasons.Any(r => r.Contains("SAC/TC 260 ↔ ISO/IEC JTC 1/SC 27")));
    }

    [Fact]
    public async Task input_without_a_title_or_with_a_bad_date_is_rejected()
    {
        await snapshot.Service.Invoking(s => s.SuggestAsync(new CandidateInput { Ics = ["35.030"] })).Should().ThrowAsync<ArgumentException>();
        await snapshot.Service.Invoking(s => s.SuggestAsync(new CandidateInput { TitleEn = "Cloud", Issued = "2016-13" })).Should().ThrowAsync<ArgumentException>();
    }
}
