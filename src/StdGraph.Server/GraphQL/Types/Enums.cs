using GraphQL.Types;
using StdGraph.Core.Catalogue;
using StdGraph.Server.Resolving;

namespace StdGraph.Server.GraphQL.Types;

internal sealed class StatusType : EnumerationGraphType<EditionStatus>
{
    public StatusType()
    {
        Name = "Status";
        Description = "Status of an edition: VALID, SUPERSEDED (a newer edition replaced it), WITHDRAWN, UPCOMING (issued, not yet in force), DRAFT.";
    }
}

internal sealed class DegreeType : EnumerationGraphType<AdoptionDegree>
{
    public DegreeType()
    {
        Name = "Degree";
        Description = "Degree of correspondence of an adoption (ISO/IEC Guide 21-1): IDT identical, MOD modified, NEQ not equivalent; EQV is the legacy notation kept as printed.";
    }
}

internal sealed class RelationEnumType : EnumerationGraphType<Relation>
{
    public RelationEnumType()
    {
        Name = "Relation";
        Description = "A relation between editions, each with its inverse.";
    }
}

internal enum Language
{
    Zh,
    En,
    Fr,
}

internal sealed class LanguageType : EnumerationGraphType<Language>
{
    public LanguageType()
    {
        Name = "Language";
        Description = "Language of a text: ZH Chinese, EN English, FR French.";
    }
}

internal static class Languages
{
    public static string Tag(this Language language) => language.ToString().ToLowerInvariant();

    /// <summary>The text in the asked language, else (when <paramref name="fallback"/>) the best other one.</summary>
    public static string? Pick(IReadOnlyDictionary<string, string> texts, Language? language, bool fallback, bool chineseFirst)
    {
        if (language is { } l && texts.TryGetValue(l.Tag(), out var exact)) return exact;
        if (language is not null && !fallback) return null;
        string[] order = chineseFirst ? ["zh", "en", "fr"] : ["en", "zh", "fr"];
        foreach (var tag in order)
            if (texts.TryGetValue(tag, out var t)) return t;
        return texts.Values.FirstOrDefault();
    }
}

/// <summary>A text with its language tag.</summary>
internal sealed class LocalizedTextType : ObjectGraphType<KeyValuePair<string, string>>
{
    public LocalizedTextType()
    {
        Name = "LocalizedText";
        Field<NonNullGraphType<StringGraphType>>("lang").Description("Language tag: zh, en, fr.").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("text").Resolve(c => c.Source.Value);
    }
}

/// <summary>A value with how many items have it.</summary>
internal sealed class CountType : ObjectGraphType<KeyValuePair<string, int>>
{
    public CountType()
    {
        Name = "Count";
        Field<NonNullGraphType<StringGraphType>>("key").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Value);
    }
}
