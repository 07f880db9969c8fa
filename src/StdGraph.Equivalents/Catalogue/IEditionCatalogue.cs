using StdGraph.Core.Catalogue;
using StdGraph.Core.Codes;

namespace StdGraph.Equivalents.Catalogue;

/// <summary>The editions the equivalents logic reads. Backed by the catalogue today; the graph can stand in.</summary>
public interface IEditionCatalogue
{
    StandardEdition? Find(StandardCode code);

    /// <summary>Every edition of a work (by <see cref="StandardCode.WorkKey"/>), oldest first.</summary>
    IReadOnlyList<StandardEdition> EditionsOfWork(string workKey);

    /// <summary>National (GB) editions.</summary>
    IReadOnlyList<StandardEdition> National { get; }

    /// <summary>International editions that can be adopted: issued (not drafts), base editions, with an English title.</summary>
    IReadOnlyList<StandardEdition> AdoptableInternational { get; }

    Committee? FindCommittee(string code);
}

/// <summary>Replacement history. Declared links first; where a source declares none (IEC), inferred from the editions of the work.</summary>
public interface IEditionHistory
{
    /// <summary>The editions that directly replaced <paramref name="code"/>, earliest first, and whether the link was inferred.</summary>
    IReadOnlyList<Succession> SuccessorsOf(StandardCode code);
}

public sealed record Succession(StandardCode Successor, bool Inferred);

/// <summary>Which fields (of the key-field taxonomy) a standard belongs to; supplied by the knowledge layer.</summary>
public interface IFieldClassifier
{
    /// <summary>Field ids (and labels) of an edition.</summary>
    IReadOnlyList<string> FieldsOf(StandardEdition edition);

    /// <summary>True when <paramref name="field"/> (an id or a label in any language) names one of the edition's fields.</summary>
    bool InField(StandardEdition edition, string field);
}
