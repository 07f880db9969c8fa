using System.IO.Compression;
using System.Text;
using StdGraph.Core.Catalogue;
using StdGraph.Testing;

namespace StdGraph.Corpus.Tests;

public class CatalogueReaderTests
{
    private static readonly string BrokenFile = Path.Combine(TestPaths.Fixtures, "broken", "broken.standards.jsonl");

    [Fact]
    public async Task every_bad_record_is_reported_with_its_line_and_reason_and_good_records_load()
    {
        var catalogue = await CatalogueReader.ReadAsync([BrokenFile]);

        catalogue.Rejected.Select(r => r.Line).Should().Equal(2, 3, 4, 5, 6, 7, 8, 9, 10);
        catalogue.Rejected.Should().OnlyContain(r => r.File == "broken.standards.jsonl" && r.Reason.Length > 0 && r.Raw.Length > 0);
        catalogue.Rejected.Single(r => r.Line == 2).Reason.Should().StartWith("broken JSON");
        catalogue.Rejected.Single(r => r.Line == 3).Reason.Should().Be("missing 'code'");
        catalogue.Rejected.Single(r => r.Line == 4).Reason.Should().StartWith("invalid code");
        catalogue.Rejected.Single(r => r.Line == 5).Reason.Should().Contain("bad date");
        catalogue.Rejected.Single(r => r.Line == 6).Reason.Should().Contain("unknown relation type 'inspires'");
        catalogue.Rejected.Single(r => r.Line == 7).Reason.Should().Contain("unknown degree 'XYZ'");
        catalogue.Rejected.Single(r => r.Line == 8).Reason.Should().Contain("'title' must be an object");
        catalogue.Rejected.Single(r => r.Line == 9).Reason.Should().Contain("unknown status 'retired'");
        catalogue.Rejected.Single(r => r.Line == 10).Reason.Should().Be("not a JSON object");

        catalogue.Summary.StandardsRead.Should().Be(4);
        catalogue.Summary.StandardsRejected.Should().Be(9);
        catalogue.Editions.Keys.Should().BeEquivalentTo("GB/T 99901-2099", "GB/T 99908-2099", "RFC 99999");
    }

    [Fact]
    public async Task rfc_index_placeholder_year_0001_means_no_date_not_a_rejection()
    {
        var catalogue = await CatalogueReader.ReadAsync([BrokenFile]);
        catalogue.Find("RFC 99999")!.Issued.Should().BeNull();
    }

    [Fact]
    public async Task two_spellings_of_one_code_merge_into_one_edition_by_the_documented_rule()
    {
        var catalogue = await CatalogueReader.ReadAsync([BrokenFile]);

        var merged = catalogue.Find("gbt 99908-2099")!;
        merged.Code.Should().Be("GB/T 99908-2099", "the first record keeps its printed code");
        merged.Titles.Should().Contain("en", "Fictional standard number eight").And.Contain("zh", "虚构标准 第八号");
        merged.Ics.Should().Equal("35.030");
        merged.Relations.Should().HaveCount(2);
        merged.Relations.Single(r => r.Type == RelationType.Adopts).Degree.Should().Be(AdoptionDegree.IDT);
        catalogue.Summary.MergedDuplicates.Should().Be(1);
        catalogue.Summary.Editions.Should().Be(3);
    }

    [Fact]
    public async Task relation_targets_without_a_record_are_kept()
    {
        var catalogue = await CatalogueReader.ReadAsync([BrokenFile]);
        catalogue.Find("GB/T 99908-2099")!.Relations.Select(r => r.ParsedTarget.Canonical).Should().Contain("ISO 99999:2099");
    }

    [Fact]
    public async Task invalid_utf8_huge_lines_and_deep_nesting_are_rejected_per_record()
    {
        var dir = TestPaths.NewTempDirectory("corpus-hostile");
        var path = Path.Combine(dir, "hostile.standards.jsonl");
        using (var f = File.Create(path))
        {
            void Line(byte[] bytes) { f.Write(bytes); f.WriteByte((byte)'\n'); }
            Line(Encoding.UTF8.GetBytes("{\"code\":\"GB/T 99911-2099\"}"));
            Line([.. Encoding.UTF8.GetBytes("{\"code\":\"GB/T 99912-2099\",\"title\":{\"en\":\""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}}")]);
            Line(Encoding.UTF8.GetBytes("{\"code\":\"GB/T 99913-2099\",\"title\":{\"en\":\"" + new string('x', 10 * 1024 * 1024) + "\"}}"));
            Line(Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000)));
            Line(Encoding.UTF8.GetBytes("{\"code\":\"GB/T 99914-2099\"}"));
        }

        var catalogue = await CatalogueReader.ReadAsync([path]);

        catalogue.Editions.Keys.Should().BeEquivalentTo("GB/T 99911-2099", "GB/T 99914-2099");
        catalogue.Rejected.Select(r => (r.Line, r.Reason.Split(' ')[0])).Should().Equal((2, "invalid"), (3, "line"), (4, "broken"));
        catalogue.Rejected.Should().OnlyContain(r => r.Raw.Length <= 64 * 1024 + 20);
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task a_truncated_gzip_file_keeps_the_records_before_the_cut_and_says_so()
    {
        var dir = TestPaths.NewTempDirectory("corpus-truncated");
        var path = Path.Combine(dir, "cut.standards.jsonl.gz");
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var i = 0; i < 5000; i++)
                gz.Write(Encoding.UTF8.GetBytes($"{{\"code\":\"GB/T {90000 + i}-2099\",\"title\":{{\"en\":\"Fictional {Guid.NewGuid()}\"}}}}\n"));
        }

        File.WriteAllBytes(path, ms.ToArray()[..(int)(ms.Length / 2)]);

        var catalogue = await CatalogueReader.ReadAsync([path]);

        catalogue.Editions.Count.Should().BeInRange(100, 4999);
        (catalogue.Summary.FileErrors.Count + catalogue.Rejected.Count).Should().BeGreaterThan(0, "the cut must be reported");
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task the_whole_snapshot_reads_every_standard_record_with_none_rejected()
    {
        var catalogue = await CatalogueReader.ReadAsync([TestPaths.SharedCorpus]);

        catalogue.Summary.StandardsRead.Should().Be(71_267 + 24_206 + 9_506 + 994);
        catalogue.Summary.TotalRejected.Should().Be(0, string.Join("\n", catalogue.Rejected.Take(5).Select(r => $"{r.File}:{r.Line} {r.Reason}")));
        catalogue.Summary.Committees.Should().Be(785);
        catalogue.Summary.IcsClasses.Should().Be(1_381);
        catalogue.Summary.Editions.Should().BeLessThan((int)catalogue.Summary.StandardsRead).And.BeGreaterThan(90_000);

        var gb = catalogue.Find("gbt22080-2016")!;
        gb.Titles["zh"].Should().Contain("信息安全管理体系");
        gb.Relations.Should().Contain(r => r.Type == RelationType.Adopts && r.ParsedTarget.Canonical == "ISO/IEC 27001:2013" && r.Degree == AdoptionDegree.IDT);
    }
}
