using StdGraph.Core.Catalogue;
using StdGraph.Knowledge;
using StdGraph.Knowledge.Fields;

namespace StdGraph.Equivalents.Catalogue;

/// <summary>Fields from the ontology's classification rules (direct and inherited memberships).</summary>
internal sealed class OntologyFields(FieldClassifier classifier) : IFieldClassifier
{
    public IReadOnlyList<string> FieldsOf(StandardEdition edition) => classifier.Fields(edition).Select(f => f.Id).ToList();

    public bool InField(StandardEdition edition, string field)
    {
        var wanted = field.Trim();
        return classifier.Fields(edition).Any(f =>
            f.Id.Equals(wanted, StringComparison.OrdinalIgnoreCase) ||
            f.Labels.Values.Any(l => l.Equals(wanted, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>
    /// The ontology folder: the configured one, the copy beside the program, or <c>ontology/</c> in the working folder
    /// or above it (a checkout). Null when none is found.
    /// </summary>
    public static OntologyFields? Locate(string? configured)
    {
        var candidates = new List<string>();
        if (configured is not null) candidates.Add(configured);
        candidates.Add(Path.Combine(AppContext.BaseDirectory, "ontology"));
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            candidates.Add(Path.Combine(dir.FullName, "ontology"));
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            candidates.Add(Path.Combine(dir.FullName, "ontology"));
        var found = candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "field-rules.ttl")));
        return found is null ? null : new OntologyFields(new FieldClassifier(Ontology.Load(found)));
    }
}
