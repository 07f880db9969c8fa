using System.Security.Cryptography;
using System.Text;
using StdGraph.Core.Catalogue;
using StdGraph.Knowledge.Mapping;
using StdGraph.Knowledge.Queries;
using StdGraph.Rdf;

namespace StdGraph.Knowledge.Tests;

[Collection(SnapshotCollection.Name)]
public sealed class MappingTests(SnapshotFixture snapshot)
{
    private readonly StandardGraphQueries _queries = new(snapshot.Store);

    [Fact]
    public void edition_iri_is_derived_from_the_canonical_code()
    {
        StandardIris.Edition("GB/T 22080-2016").Value.Should().Be("https://stdgraph.org/id/GB_T_22080-2016");
        StandardIris.Edition("ISO/IEC 27001:2022/Amd 1:2024").Value.Should().Be("https://stdgraph.org/id/ISO_IEC_27001_2022_Amd_1_2024");
        StandardIris.Work("ISO/IEC 27001").Value.Should().Be("https://stdgraph.org/work/ISO_IEC_27001");
        StandardIris.Slug("GB/T 15972（所有部分）").Should().MatchRegex("^[A-Za-z0-9._%-]+$");
    }

    [Fact]
    public void no_two_codes_of_the_snapshot_share_an_iri()
    {
        var codes = snapshot.Catalogue.Editions.Keys
            .Concat(snapshot.Catalogue.Editions.Values.SelectMany(e => e.Relations).Select(r => r.ParsedTarget.Canonical))
            .Distinct(StringComparer.Ordinal);
        codes.GroupBy(StandardIris.Slug).Where(g => g.Count() > 1).Select(g => string.Join(" | ", g)).Should().BeEmpty();
    }

    [Fact]
    public void same_snapshot_maps_to_the_same_triples_on_every_run()
    {
        static string Digest(IEnumerable<Triple> triples)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var t in triples) hash.AppendData(Encoding.UTF8.GetBytes(t.ToString()));
            return Convert.ToHexString(hash.GetHashAndReset());
        }
        var again = new CatalogueGraphMapper(Ontology.Load(Testing.TestPaths.Ontology));
        Digest(snapshot.Mapper.Map(snapshot.Catalogue)).Should().Be(Digest(again.Map(snapshot.Catalogue)));
    }

    [Fact]
    public async Task iso_iec_27001_2013_is_replaced_by_the_2022_edition()
    {
        (await _queries.ReplacedByAsync("ISO/IEC 27001:2013")).Select(n => n.Code).Should().Contain("ISO/IEC 27001:2022");
        (await _queries.ReplacesAsync("ISO/IEC 27001:2022")).Select(n => n.Code).Should().Contain("ISO/IEC 27001:2013");
    }

    [Fact]
    public async Task iso_iec_27001_2013_lists_its_corrigenda()
    {
        (await _queries.AmendmentsAsync("ISO/IEC 27001:2013")).Select(n => n.Code)
            .Should().Contain(["ISO/IEC 27001:2013/Cor 1:2014", "ISO/IEC 27001:2013/Cor 2:2015"]);
    }

    [Fact]
    public async Task chinese_standards_adopting_iso_iec_27001_2013_are_found_with_their_degree()
    {
        var adopters = await _queries.AdoptedByAsync("ISO/IEC 27001:2013");
        adopters.Should().Contain(a => a.National.Code == "GB/T 22080-2016" && a.Degree == AdoptionDegree.IDT);
        (await _queries.AdoptsAsync("GB/T 22080-2016")).Should().ContainSingle(a => a.International.Code == "ISO/IEC 27001:2013")
            .Which.Degree.Should().Be(AdoptionDegree.IDT);
    }

    [Fact]
    public async Task replacement_chain_of_gb_t_22080_2008_reaches_the_2025_edition()
    {
        var (editions, edges, truncated) = await _queries.ReplacementChainAsync("GB/T 22080-2008");
        truncated.Should().BeFalse();
        editions.Select(e => e.Code).Should().ContainInOrder("GB/T 22080-2008", "GB/T 22080-2016", "GB/T 22080-2025");
        edges.Should().Contain(e => e.Older.Code == "GB/T 22080-2016" && e.Newer.Code == "GB/T 22080-2025" && !e.Inferred);
    }

    [Fact]
    public async Task undated_citation_of_a_work_counts_for_its_editions()
    {
        // GB/T 22239-2019 cites "GB/T 22240" undated; the 2020 edition (or any edition) sees it through the work.
        var cited = await _queries.CitesAsync("GB/T 22239-2019");
        cited.Should().Contain(n => n.Code == "GB/T 22240" && n.IsWork);
        var work = await _queries.StandardAsync("GB/T 22240");
        work!.IsWork.Should().BeTrue();
        (await _queries.CitedByAsync("GB/T 22240")).Select(n => n.Code).Should().Contain("GB/T 22239-2019");
    }

    [Fact]
    public async Task a_relation_target_without_a_record_is_a_node_known_only_by_its_code()
    {
        var target = snapshot.Catalogue.Editions.Values.SelectMany(e => e.Relations)
            .First(r => !r.ParsedTarget.IsUndated && !snapshot.Catalogue.Editions.ContainsKey(r.ParsedTarget.Canonical)).ParsedTarget;
        var node = await _queries.StandardAsync(target.Canonical);
        node.Should().NotBeNull();
        node!.KnownOnlyByCode.Should().BeTrue();
    }

    [Fact]
    public async Task iec_replacement_is_inferred_from_consecutive_editions_and_marked_as_inferred()
    {
        var (editions, edges, _) = await _queries.ReplacementChainAsync("CISPR 10:1976");
        editions.Select(e => e.Code).Should().ContainInOrder("CISPR 10:1971", "CISPR 10:1976", "CISPR 10:1981");
        edges.Should().Contain(e => e.Older.Code == "CISPR 10:1971" && e.Newer.Code == "CISPR 10:1976" && e.Inferred);
        var node = new Iri(StandardIris.Edition("CISPR 10:1976").Value + "#inferred-replaces-" + StandardIris.Slug("CISPR 10:1971"));
        snapshot.Store.Match(node, Vocab.ProvWasGeneratedBy, null).Should().ContainSingle().Which.Obj.Should().Be(Sg.EditionSequenceInference);
    }

    [Fact]
    public async Task fields_of_a_standard_come_with_the_rule_that_placed_it()
    {
        var fields = await _queries.FieldsAsync("GB/T 22239-2019");
        fields.Should().Contain(f => f.FieldId == "information-security" && f.InheritedFromId == null && f.RuleId.Length > 0);
        fields.Should().Contain(f => f.FieldId == "key-information-technologies" && f.InheritedFromId != null);
        fields.First(f => f.FieldId == "key-information-technologies").Labels["zh"].Should().Be("关键信息技术");
    }

    [Fact]
    public async Task committee_and_ics_of_an_edition_are_linked()
    {
        (await _queries.CommitteeAsync("ISO/IEC 27001:2022"))!.Code.Should().Be("ISO/IEC JTC 1/SC 27");
        var ics = await _queries.IcsAsync("ISO/IEC 27001:2022");
        ics.Select(c => c.Code).Should().Contain("35.030");
        ics.First(c => c.Code == "35.030").Labels.Should().ContainKey("en");
        snapshot.Store.Match(StandardIris.Ics("35.030"), Vocab.SkosBroader, StandardIris.Ics("35")).Should().ContainSingle();
    }

    [Fact]
    public void dates_keep_their_precision_and_titles_their_language()
    {
        var s = StandardIris.Edition("ISO/IEC 27001:2022");
        snapshot.Store.Match(s, Vocab.DctermsIssued, null).Single().Obj.Should().Be(Literal.Typed("2022-10", Sg.XsdGYearMonth));
        var gb = StandardIris.Edition("GB/T 22080-2016");
        snapshot.Store.Match(gb, Vocab.DctermsIssued, null).Single().Obj.Should().Be(Literal.Date("2016-08-29"));
        snapshot.Store.Match(gb, Vocab.DctermsTitle, null).Select(t => ((Literal)t.Obj).Language).Should().BeEquivalentTo(["en", "zh"]);
        snapshot.Store.Match(gb, Sg.DctermsSource, null).Should().NotBeEmpty();
    }

    [Fact]
    public async Task editions_of_a_work_are_grouped_under_it()
    {
        var editions = await _queries.EditionsOfWorkAsync("ISO/IEC 27001");
        editions.Select(e => e.Code).Should().Contain(["ISO/IEC 27001:2013", "ISO/IEC 27001:2022", "ISO/IEC 27001:2013/Cor 1:2014"]);
    }
}
