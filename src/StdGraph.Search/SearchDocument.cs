using StdGraph.Core.Catalogue;

namespace StdGraph.Search;

/// <summary>One edition as the index sees it: the catalogue record plus facts the graph knows about it.</summary>
/// <param name="Edition">The catalogue record; its canonical code is the document's identity.</param>
public sealed record SearchDocument(StandardEdition Edition)
{
    /// <summary>Field concept ids from the ontology (work deployments and key fields).</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>International editions this national standard adopts, with the declared degree.</summary>
    public IReadOnlyList<(string Code, AdoptionDegree? Degree)> Adopts { get; init; } = [];

    /// <summary>True when some national standard adopts this edition.</summary>
    public bool AdoptedByNational { get; init; }
}
