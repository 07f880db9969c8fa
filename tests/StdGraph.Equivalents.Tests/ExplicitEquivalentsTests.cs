namespace StdGraph.Equivalents.Tests;

[Collection(SnapshotCollection.Name)]
public class ExplicitEquivalentsTests(SnapshotFixture snapshot)
{
    [Fact]
    public async Task national_code_lists_its_declared_edition_first_as_explicit_identical()
    {
        var result = await snapshot.Service.ForCodeAsync("GB/T 29246-2023");

        result.Found.Should().BeTrue();
        var first = result.Candidates[0];
        first.Code.Should().Be("ISO/IEC 27000:2018");
        first.Explicit.Should().BeTrue();
        first.Degree.Should().Be("IDT");
        first.Confidence.Should().Be(1.0);
        result.Candidates.Skip(1).Should().OnlyContain(c => !c.Explicit && c.Confidence < 1);
    }

    [Fact]
    public async Task adoption_is_resolved_to_the_edition_and_work_with_its_successor_and_the_newer_national_adoption()
    {
        var result = await snapshot.Service.ExplicitAsync("gbt22080-2016");

        var link = result.Adopts.Should().ContainSingle().Subject;
        link.International.Code.Should().Be("ISO/IEC 27001:2013");
        link.International.Work.Should().Be("ISO/IEC 27001");
        link.International.Status.Should().Be("superseded");
        link.ExactEdition.Should().BeTrue();
        link.Successor!.Code.Should().Be("ISO/IEC 27001:2022");
        link.NewerNationalAdoption.Should().Be("GB/T 22080-2025");
        link.NewerNationalAdoptionOf.Should().Be("ISO/IEC 27001:2022");
    }

    [Fact]
    public async Task international_code_lists_the_national_standards_adopting_it_and_its_other_editions()
    {
        var result = await snapshot.Service.ExplicitAsync("ISO/IEC 27001:2022");

        result.AdoptedBy.Should().Contain(l => l.National.Code == "GB/T 22080-2025" && l.Degree == "IDT" && l.ExactEdition);
        result.AdoptedBy.Should().Contain(l => l.National.Code == "GB/T 22080-2016" && l.International.Code == "ISO/IEC 27001:2013");
        result.AdoptedBy[0].ExactEdition.Should().BeTrue("adoptions of the asked edition come before those of other editions");
    }

    [Fact]
    public async Task legacy_eqv_degree_is_kept_as_printed()
    {
        var eqv = snapshot.Engine.Catalogue.Editions.Values
            .First(e => e.Relations.Any(r => r.Degree == Core.Catalogue.AdoptionDegree.EQV));

        var result = await snapshot.Service.ExplicitAsync(eqv.Code);

        result.Adopts.Should().Contain(l => l.Degree == "EQV" && l.DegreeLabel == "equivalent (legacy notation)");
    }

    [Fact]
    public async Task unknown_and_malformed_codes_are_reported_not_thrown_for_batch_rows()
    {
        var unknown = await snapshot.Service.ForCodeAsync("GB/T 99999-2099");
        unknown.Found.Should().BeFalse();
        unknown.Error.Should().Contain("not in the catalogue");

        var malformed = await snapshot.Service.ForCodeAsync("no such thing");
        malformed.Found.Should().BeFalse();
        malformed.Error.Should().NotBeNullOrEmpty();
    }
}
