using StdGraph.Core.Codes;

namespace StdGraph.Core.Catalogue;

/// <summary>A relation from one edition to a target code (dated or undated), as the catalogue declares it.</summary>
public sealed record StandardRelation(RelationType Type, string Target, StandardCode ParsedTarget, AdoptionDegree? Degree = null);

public enum RelationType
{
    Replaces,
    ReplacedBy,
    Adopts,
    Cites,
    Amends,
    Updates,
}

/// <summary>Degree of correspondence of an adoption (ISO/IEC Guide 21-1), with the legacy EQV kept as printed.</summary>
public enum AdoptionDegree
{
    IDT,
    MOD,
    NEQ,
    EQV,
}

public static class RelationNames
{
    public static bool TryParseType(string? text, out RelationType type)
    {
        switch (text)
        {
            case "replaces": type = RelationType.Replaces; return true;
            case "replacedBy": type = RelationType.ReplacedBy; return true;
            case "adopts": type = RelationType.Adopts; return true;
            case "cites": type = RelationType.Cites; return true;
            case "amends": type = RelationType.Amends; return true;
            case "updates": type = RelationType.Updates; return true;
            default: type = default; return false;
        }
    }

    public static string ToName(this RelationType type) => type switch
    {
        RelationType.ReplacedBy => "replacedBy",
        _ => type.ToString().ToLowerInvariant(),
    };

    public static bool TryParseDegree(string? text, out AdoptionDegree degree) =>
        Enum.TryParse(text?.Trim().ToUpperInvariant(), ignoreCase: false, out degree) && Enum.IsDefined(degree) && text!.Trim().Length == 3;

    /// <summary>The Chinese term printed on national standards for each degree.</summary>
    public static string ChineseLabel(this AdoptionDegree degree) => degree switch
    {
        AdoptionDegree.IDT => "等同采用",
        AdoptionDegree.MOD => "修改采用",
        AdoptionDegree.NEQ => "非等效采用",
        AdoptionDegree.EQV => "等效采用",
        _ => degree.ToString(),
    };

    public static string EnglishLabel(this AdoptionDegree degree) => degree switch
    {
        AdoptionDegree.IDT => "identical",
        AdoptionDegree.MOD => "modified",
        AdoptionDegree.NEQ => "not equivalent",
        AdoptionDegree.EQV => "equivalent (legacy notation)",
        _ => degree.ToString(),
    };
}
