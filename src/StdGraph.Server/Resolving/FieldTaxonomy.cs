namespace StdGraph.Server.Resolving;

/// <summary>A node of the field taxonomy: a key field, one of its work deployments, or an emerging area.</summary>
public sealed record FieldNode(string Id, string Kind, string LabelEn, string LabelZh, string? Parent, IReadOnlyList<string> Children);

/// <summary>Why a standard belongs to a field: the rule (ICS prefix, committee, keyword) and what matched.</summary>
public sealed record FieldMembership(FieldNode Field, string Rule, string Reason);

/// <summary>The field taxonomy and the standards each field holds.</summary>
public interface IFieldTaxonomy
{
    IReadOnlyList<FieldNode> Fields { get; }

    FieldNode? Find(string id);

    /// <summary>Canonical codes of the standards in a field (its subfields included), newest first.</summary>
    IReadOnlyList<string> Members(string fieldId);

    Task<IReadOnlyDictionary<string, IReadOnlyList<FieldMembership>>> FieldsOfAsync(IReadOnlyCollection<string> canonicalCodes, CancellationToken ct);
}
