using System.Globalization;
using System.Text;
using StdGraph.Knowledge.Fields;
using StdGraph.Testing;
using Xunit.Abstractions;

namespace StdGraph.Knowledge.Tests;

[Collection(SnapshotCollection.Name)]
public sealed class FieldClassifierTests(SnapshotFixture snapshot, ITestOutputHelper output)
{
    private const string SampleFile = "field-sample.tsv";
    private readonly FieldClassifier _classifier = new(snapshot.Ontology);

    private IReadOnlyList<FieldMembership> Classify(string code) =>
        _classifier.Classify(snapshot.Catalogue.Find(code) ?? throw new InvalidOperationException(code + " not in snapshot"));

    [Fact]
    public void classified_protection_of_cybersecurity_is_a_security_standard_of_key_information_technologies()
    {
        var fields = Classify("GB/T 22239-2019");
        fields.Select(m => m.Field.Id).Should().Contain(["information-security", "general-technology", "key-information-technologies"]);
        var security = fields.First(m => m.Field.Id == "information-security");
        security.IsInherited.Should().BeFalse();
        fields.Should().Contain(m => m.Field.Id == "information-security" && m.Rule.Id == "title-security-phrase-zh" && m.Reason().Contains("信息安全技术"));
        fields.First(m => m.Field.Id == "key-information-technologies").IsInherited.Should().BeTrue();
    }

    [Fact]
    public void smart_city_top_level_design_guide_is_in_information_benefiting_the_people_smart_city()
    {
        var fields = Classify("GB/T 36333-2018");
        fields.Should().Contain(m => m.Field.Id == "smart-city" && m.Rule.Id == "title-smart-city");
        fields.Should().Contain(m => m.Field.Id == "information-benefiting-the-people" && m.InheritedFrom!.Id == "smart-city");
    }

    [Theory]
    [InlineData("GB 40879-2021")]
    [InlineData("ISO/IEC 30134-2:2016")]
    [InlineData("ISO/IEC 21836:2020")]
    public void data_centre_energy_standards_are_in_digital_green_coordination_or_computing_infrastructure(string code)
    {
        Classify(code).Select(m => m.Field.Id).Should().Contain("digital-green-transformation")
            .And.Contain("digitization-greening-coordination");
    }

    [Fact]
    public void a_work_deployment_membership_places_the_standard_in_its_key_field_too()
    {
        foreach (var code in new[] { "GB/T 36333-2018", "GB/T 22080-2016", "ISO/IEC 27001:2022" })
        {
            var memberships = Classify(code);
            foreach (var m in memberships)
                foreach (var ancestor in snapshot.Ontology.SelfAndAncestors(m.Field))
                    memberships.Should().Contain(x => x.Field.Iri == ancestor.Iri, because: $"{code} is in {m.Field.Id}");
        }
    }

    [Fact]
    public void quantum_efficiency_of_a_detector_is_not_quantum_information()
    {
        var edition = snapshot.Catalogue.Editions.Values.FirstOrDefault(e =>
            e.Title("en")?.Contains("quantum efficiency", StringComparison.OrdinalIgnoreCase) == true);
        if (edition is null) return;
        _classifier.Classify(edition).Should().NotContain(m => m.Field.Id == "quantum-information");
    }

    [Fact]
    public void precision_on_the_hand_labelled_sample_is_at_least_ninety_percent()
    {
        var path = Path.Combine(TestPaths.RepositoryRoot, "tests", "StdGraph.Knowledge.Tests", SampleFile);
        var rows = File.ReadAllLines(path, Encoding.UTF8).Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1)
            .Select(l => l.Split('\t')).ToList();
        rows.Should().HaveCountGreaterThanOrEqualTo(100);
        var correct = 0;
        foreach (var row in rows)
        {
            var (code, field, label) = (row[0], row[1], row[4]);
            Classify(code).Should().Contain(m => m.Field.Id == field && !m.IsInherited, because: $"the sample row {code} → {field} must still be produced by the rules");
            label.Should().BeOneOf(["1", "0"], because: $"{code} → {field} needs a hand label");
            if (label == "1") correct++;
        }
        var precision = (double)correct / rows.Count;
        output.WriteLine($"precision {correct}/{rows.Count} = {precision:P1}");
        precision.Should().BeGreaterThanOrEqualTo(0.9);
    }

    [Fact]
    public void reports_the_share_of_the_snapshot_placed_in_at_least_one_field()
    {
        var editions = snapshot.Catalogue.Editions.Values.ToList();
        var placed = editions.Count(e => _classifier.Classify(e).Count > 0);
        var byField = editions.SelectMany(e => _classifier.Fields(e)).GroupBy(f => f.Id).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"graph: {snapshot.Store.Count} triples, mapped and loaded in {snapshot.MapAndLoad.TotalSeconds:F1} s");
        output.WriteLine($"placed {placed}/{editions.Count} = {(double)placed / editions.Count:P1}");
        foreach (var c in snapshot.Ontology.Concepts) output.WriteLine($"{c.Notation,-6} {c.Id,-36} {byField.GetValueOrDefault(c.Id)}");
        // The Chinese set is small and curated, so some work deployments (政务应用) have no standard in the snapshot yet;
        // every key field must.
        foreach (var c in snapshot.Ontology.KeyFields)
            byField.Should().ContainKey(c.Id, because: "every key field should have standards in the snapshot");
        placed.Should().BeGreaterThan(editions.Count / 5);
    }

    /// <summary>Writes a fresh random sample (fixed seed) for hand labelling; runs only when asked.</summary>
    [Fact]
    public void writes_a_sample_for_hand_labelling_when_asked()
    {
        var target = Environment.GetEnvironmentVariable("STDGRAPH_WRITE_FIELD_SAMPLE");
        if (string.IsNullOrEmpty(target)) return;
        var pairs = snapshot.Catalogue.Editions.Keys.Order(StringComparer.Ordinal)
            .SelectMany(k => _classifier.Classify(snapshot.Catalogue.Editions[k]).Where(m => !m.IsInherited)
                .DistinctBy(m => m.Field.Iri).Select(m => (Edition: snapshot.Catalogue.Editions[k], Membership: m)))
            .ToList();
        var random = new Random(20240527);
        var sample = pairs.OrderBy(_ => random.Next()).Take(150).OrderBy(p => p.Edition.ParsedCode.Canonical, StringComparer.Ordinal).ToList();
        var sb = new StringBuilder("code\tfield\trule\ttitle\tcorrect\n");
        foreach (var (e, m) in sample)
            sb.Append(CultureInfo.InvariantCulture, $"{e.ParsedCode.Canonical}\t{m.Field.Id}\t{m.Rule.Id}\t{(e.Title("zh") ?? e.Title("en") ?? "").Replace('\t', ' ')}\t?\n");
        File.WriteAllText(target, sb.ToString(), Encoding.UTF8);
    }
}
