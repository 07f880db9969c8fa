using StdGraph.Knowledge;
using StdGraph.Knowledge.Fields;

namespace StdGraph.Server.Resolving;

/// <summary>
/// The Action Plan field taxonomy from the ontology, with each standard's memberships from the field classifier
/// (the same explicit rules the graph build applies, so the rule that placed a standard is always at hand).
/// Members are classified once per catalogue, at warm-up.
/// </summary>
internal sealed class OntologyFieldTaxonomy : IFieldTaxonomy
{
    private readonly FieldClassifier _classifier;
    private readonly StandardDirectory _directory;
    private readonly Dictionary<string, FieldNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _members = new(StringComparer.Ordinal);

    public OntologyFieldTaxonomy(FieldClassifier classifier, StandardDirectory directory)
    {
        _classifier = classifier;
        _directory = directory;
        var ontology = classifier.Ontology;
        foreach (var c in ontology.Concepts)
        {
            var parent = c.Broader.Select(ontology.Concept).OfType<FieldConcept>().FirstOrDefault()?.Id;
            var kind = c.Kind.Value[(c.Kind.Value.LastIndexOfAny(['#', '/']) + 1)..];
            _nodes[c.Id] = new FieldNode(c.Id, kind, c.Label("en"), c.Label("zh"), parent, c.Children.Select(x => x.Id).ToList());
        }

        Fields = ontology.Concepts.Select(c => _nodes[c.Id]).ToList();
        foreach (var e in directory.Catalogue.Editions.Values.OrderBy(e => e, Comparer<Core.Catalogue.StandardEdition>.Create(StandardDirectory.NewestFirst)))
        {
            foreach (var id in classifier.Classify(e).Select(m => m.Field.Id).Distinct(StringComparer.Ordinal))
            {
                if (!_members.TryGetValue(id, out var list)) _members[id] = list = [];
                list.Add(e.ParsedCode.Canonical);
            }
        }
    }

    public IReadOnlyList<FieldNode> Fields { get; }

    public FieldNode? Find(string id) => _nodes.GetValueOrDefault(id);

    public IReadOnlyList<string> Members(string fieldId) => _members.TryGetValue(fieldId, out var l) ? l : [];

    public Task<IReadOnlyDictionary<string, IReadOnlyList<FieldMembership>>> FieldsOfAsync(IReadOnlyCollection<string> canonicalCodes, CancellationToken ct)
    {
        var result = new Dictionary<string, IReadOnlyList<FieldMembership>>(StringComparer.Ordinal);
        foreach (var code in canonicalCodes)
        {
            ct.ThrowIfCancellationRequested();
            result[code] = _directory.Find(code)?.Edition is { } e
                ? _classifier.Classify(e).Select(m => new FieldMembership(_nodes[m.Field.Id], m.Rule.Id, m.Reason("en"))).ToList()
                : [];
        }

        return Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<FieldMembership>>>(result);
    }
}
