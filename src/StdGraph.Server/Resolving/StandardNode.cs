using StdGraph.Core.Catalogue;
using StdGraph.Core.Codes;

namespace StdGraph.Server.Resolving;

/// <summary>
/// An edition as the API sees it: the catalogue record when the snapshot has one, otherwise only its code
/// (a relation may point at a document the snapshot does not describe; it stays a node known by its code).
/// </summary>
public sealed record StandardNode(StandardCode Code, StandardEdition? Edition)
{
    public string Canonical => Code.Canonical;

    public string DisplayCode => Edition?.Code ?? Code.Canonical;

    public bool InCatalogue => Edition is not null;
}

/// <summary>A relation from one edition to another, with the adoption degree when the relation is an adoption.</summary>
public sealed record StandardLink(StandardNode Target, AdoptionDegree? Degree = null);

/// <summary>The relations the API can walk, each with its inverse.</summary>
public enum Relation
{
    Replaces,
    ReplacedBy,
    Adopts,
    AdoptedBy,
    Cites,
    CitedBy,
    Amends,
    Amendments,
    Updates,
    UpdatedBy,
}
