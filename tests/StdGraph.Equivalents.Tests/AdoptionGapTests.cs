namespace StdGraph.Equivalents.Tests;

[Collection(SnapshotCollection.Name)]
public class AdoptionGapTests(SnapshotFixture snapshot)
{
    [Fact]
    public async Task open_gap_names_the_successor_edition_and_how_long_ago_it_appeared()
    {
        var gaps = await snapshot.Service.GapsAsync(new GapFilter());

        var gap = gaps.Should().ContainSingle(g => g.National == "GB/T 32400-2015").Subject;
        gap.NationalStatus.Should().Be("valid");
        gap.Adopts.Should().Be("ISO/IEC 17788:2014");
        gap.Successor.Should().Be("ISO/IEC 22123-1:2023");
        gap.GapClosed.Should().BeFalse();
        gap.ClosedBy.Should().BeNull();
        gap.SupersededSince.Should().Be("2023-02");
        gap.SupersededYears.Should().BeApproximately(2.9, 0.05);
    }

    [Fact]
    public async Task gap_closed_by_a_newer_national_adoption_says_which()
    {
        var gaps = await snapshot.Service.GapsAsync(new GapFilter());

        var gap = gaps.Should().ContainSingle(g => g.National == "GB/T 22080-2016").Subject;
        gap.Adopts.Should().Be("ISO/IEC 27001:2013");
        gap.Successor.Should().Be("ISO/IEC 27001:2022");
        gap.GapClosed.Should().BeTrue();
        gap.ClosedBy.Should().Be("GB/T 22080-2025");
        gap.ClosedByAdopts.Should().Be("ISO/IEC 27001:2022");
    }

    [Fact]
    public async Task every_reported_gap_follows_an_international_edition_that_is_no_longer_current()
    {
        var gaps = await snapshot.Service.GapsAsync(new GapFilter());

        gaps.Should().NotBeEmpty();
        gaps.Should().OnlyContain(g => g.AdoptedStatus == "superseded" || g.AdoptedStatus == "withdrawn" || g.Successor != null);
        gaps.Should().NotContain(g => g.National == "GB/T 22080-2025");
    }

    [Fact]
    public async Task committee_filter_matches_the_national_or_the_international_committee_and_its_subcommittees()
    {
        var sc38 = await snapshot.Service.GapsAsync(new GapFilter { Committee = "ISO/IEC JTC 1/SC 38" });
        sc38.Should().Contain(g => g.National == "GB/T 32400-2015").And.OnlyContain(g => g.InternationalCommittee == "ISO/IEC JTC 1/SC 38");

        var jtc1 = await snapshot.Service.GapsAsync(new GapFilter { Committee = "iso/iec jtc 1" });
        jtc1.Should().Contain(g => g.National == "GB/T 32400-2015").And.Contain(g => g.National == "GB/T 22080-2016");

        var tc28 = await snapshot.Service.GapsAsync(new GapFilter { Committee = "SAC/TC 28" });
        tc28.Should().Contain(g => g.National == "GB/T 32400-2015").And.OnlyContain(g => g.NationalCommittee == "SAC/TC 28" || g.InternationalCommittee == "SAC/TC 28");
    }

    [Fact]
    public async Task field_filter_keeps_gaps_whose_national_or_international_edition_is_in_the_field()
    {
        var cloud = await snapshot.Service.GapsAsync(new GapFilter { Field = "cloud-computing" });
        cloud.Should().Contain(g => g.National == "GB/T 32400-2015").And.NotContain(g => g.National == "GB/T 22080-2016");
        cloud.Should().OnlyContain(g => g.Fields.Contains("cloud-computing"));

        var byLabel = await snapshot.Service.GapsAsync(new GapFilter { Field = "云计算" });
        byLabel.Select(g => g.National).Should().BeEquivalentTo(cloud.Select(g => g.National));
    }
}
