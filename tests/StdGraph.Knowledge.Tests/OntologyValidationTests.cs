using StdGraph.Corpus;
using StdGraph.Knowledge.Mapping;
using StdGraph.Rdf;
using StdGraph.Testing;

namespace StdGraph.Knowledge.Tests;

public sealed class OntologyValidationTests
{
    private static readonly Ontology Ontology = Ontology.Load(TestPaths.Ontology);

    private static readonly HashSet<Term> Declared = Ontology.Triples
        .Where(t => t.Predicate == Vocab.RdfType || t.Predicate == Vocab.RdfsLabel)
        .Select(t => t.Subject)
        .ToHashSet();

    [Fact]
    public void every_ontology_file_loads_with_our_own_turtle_reader()
    {
        Ontology.Files.Select(Path.GetFileName).Should().Contain(["stdgraph.ttl", "fields.ttl", "field-rules.ttl"]);
        foreach (var file in Ontology.Files)
        {
            using var reader = new StreamReader(file);
            new TurtleReader(reader, new Uri(file).AbsoluteUri).Read().Should().NotBeEmpty(because: file);
        }
    }

    [Fact]
    public void taxonomy_has_eight_key_fields_twenty_two_work_deployments_and_the_emerging_areas()
    {
        Ontology.Concepts.Where(c => c.Kind == Sg.KeyField).Should().HaveCount(8);
        Ontology.Concepts.Where(c => c.Kind == Sg.WorkDeployment).Should().HaveCount(22);
        Ontology.Concepts.Where(c => c.Kind == Sg.EmergingArea).Select(c => c.Id).Should().BeEquivalentTo(
            ["artificial-intelligence", "blockchain", "cloud-computing", "quantum-information", "brain-computer-interfaces",
             "next-generation-internet", "web3", "metaverse"]);
        Ontology.Concept("emerging-technologies")!.Children.Should().HaveCount(8);
        foreach (var deployment in Ontology.Concepts.Where(c => c.Kind == Sg.WorkDeployment))
            deployment.Broader.Should().ContainSingle().Which.Should().Match<Iri>(b => Ontology.Concept(b)!.IsKeyField, because: deployment.Id);
        Ontology.Concept("computing-infrastructure")!.Label("zh").Should().Be("算力基础设施");
        Ontology.Concept("smart-city")!.Broader.Should().Equal(Ontology.Concept("information-benefiting-the-people")!.Iri);
    }

    [Fact]
    public void every_concept_has_chinese_and_english_labels()
    {
        foreach (var concept in Ontology.Concepts)
        {
            concept.Labels.Should().ContainKey("zh", because: concept.Id);
            concept.Labels.Should().ContainKey("en", because: concept.Id);
        }
    }

    [Fact]
    public void every_declared_class_and_property_of_ours_has_english_and_chinese_label_and_comment()
    {
        var ours = Ontology.Triples.Where(t => t.Subject is Iri { Value: var v } && v.StartsWith(Sg.Namespace, StringComparison.Ordinal))
            .GroupBy(t => t.Subject);
        foreach (var term in ours)
        {
            foreach (var predicate in new[] { Vocab.RdfsLabel, Vocab.RdfsComment })
            {
                var langs = term.Where(t => t.Predicate == predicate).Select(t => (t.Obj as Literal)?.Language).ToList();
                langs.Should().Contain(["en", "zh"], because: $"{term.Key} needs {predicate} in both languages");
            }
        }
    }

    [Fact]
    public void adoption_degrees_are_named_individuals_with_chinese_labels()
    {
        var expected = new Dictionary<Iri, string> { [Sg.IDT] = "等同采用", [Sg.MOD] = "修改采用", [Sg.NEQ] = "非等效采用", [Sg.EQV] = "等效采用" };
        foreach (var (degree, zh) in expected)
        {
            Ontology.Triples.Should().Contain(new Triple(degree, Vocab.RdfType, Sg.AdoptionDegree));
            Ontology.Triples.Should().Contain(new Triple(degree, Vocab.RdfsLabel, Literal.LangString(zh, "zh")));
        }
    }

    [Fact]
    public void every_rule_points_at_an_existing_concept_and_says_why_in_both_languages()
    {
        Ontology.Rules.Should().HaveCountGreaterThan(40);
        foreach (var rule in Ontology.Rules)
        {
            Ontology.Concept(rule.Assigns).Should().NotBeNull(because: $"rule {rule.Id} assigns {rule.Assigns}");
            rule.Descriptions.Should().ContainKeys(["en", "zh"], because: rule.Id);
            (rule.IcsPrefixes.Count + rule.Committees.Count + rule.CodePrefixes.Count + rule.Keywords.Count).Should().BePositive(because: rule.Id);
            if (rule.Kind == Sg.KeywordRule) rule.Keywords.Should().NotBeEmpty(because: rule.Id);
            if (rule.Kind == Sg.IcsRule) rule.IcsPrefixes.Should().NotBeEmpty(because: rule.Id);
            if (rule.Kind == Sg.CommitteeRule) rule.Committees.Should().NotBeEmpty(because: rule.Id);
        }
    }

    [Fact]
    public async Task every_class_and_property_the_mapping_writes_is_declared()
    {
        // The Chinese file exercises every relation kind (adopts with degree, replaces, cites) and a fictional
        // fixture adds what it lacks (amendments, updates, committees, ICS, IEC inference).
        var catalogue = await CatalogueReader.ReadAsync([Path.Combine(SharedCorpus.Path, "gb.standards.jsonl"),
            Path.Combine(TestPaths.Fixtures, "knowledge.standards.jsonl"), Path.Combine(SharedCorpus.Path, "ics.jsonl")]);
        var ontologyTriples = Ontology.Triples.ToHashSet();
        var mapped = new CatalogueGraphMapper(Ontology).Map(catalogue).Where(t => !ontologyTriples.Contains(t)).ToList();

        var used = mapped.Select(t => (Term)t.Predicate)
            .Concat(mapped.Where(t => t.Predicate == Vocab.RdfType).Select(t => t.Obj))
            .Where(t => t != Vocab.RdfType)
            .ToHashSet();
        used.Should().Contain([Sg.Adopts, Sg.AdoptionLink, Sg.Degree, Sg.Replaces, Sg.ReplacedBy, Sg.Cites, Sg.CitedBy, Sg.Amends, Sg.Updates,
            Sg.EditionOf, Sg.InField, Sg.FieldMembershipLink, Sg.ClassifiedUnder, Sg.OwnedBy, Sg.InferredReplacement, Sg.DctermsSource]);
        used.Where(t => !Declared.Contains(t)).Should().BeEmpty();
    }
}
