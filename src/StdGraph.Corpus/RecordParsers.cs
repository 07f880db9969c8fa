using System.Text.Json;
using StdGraph.Core.Catalogue;
using StdGraph.Core.Codes;

namespace StdGraph.Corpus;

/// <summary>A record that failed validation: where it was and why.</summary>
internal sealed class RecordException(string reason) : Exception(reason);

/// <summary>Turns one JSON object of a catalogue file into a domain record, or says exactly what is wrong with it.</summary>
internal static class RecordParsers
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16, CommentHandling = JsonCommentHandling.Disallow };

    public static JsonDocument ParseJson(string text)
    {
        try
        {
            var doc = JsonDocument.Parse(text, Options);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                doc.Dispose();
                throw new RecordException("not a JSON object");
            }

            return doc;
        }
        catch (JsonException ex)
        {
            throw new RecordException("broken JSON: " + ex.Message);
        }
    }

    public static StandardEdition Standard(JsonElement o, string sourceFile)
    {
        var code = RequiredString(o, "code");
        if (!StandardCode.TryParse(code, out var parsed, out var error))
            throw new RecordException($"invalid code: {error}");

        EditionStatus? status = null;
        if (OptionalString(o, "status") is { } statusText)
        {
            if (!EditionStatusNames.TryParse(statusText, out var s))
                throw new RecordException($"unknown status '{statusText}' (expected valid, superseded, withdrawn, upcoming or draft)");
            status = s;
        }

        return new StandardEdition
        {
            Code = code.Trim(),
            ParsedCode = parsed,
            Titles = Texts(o, "title"),
            Status = status,
            Type = OptionalString(o, "type"),
            Stage = OptionalString(o, "stage"),
            Issued = OptionalDate(o, "issued"),
            Effective = OptionalDate(o, "effective"),
            Withdrawn = OptionalDate(o, "withdrawn"),
            Edition = OptionalString(o, "edition"),
            Ics = StringList(o, "ics"),
            Ccs = StringList(o, "ccs"),
            Committee = OptionalString(o, "committee"),
            Category = OptionalString(o, "category"),
            Abstracts = Texts(o, "abstract"),
            Relations = Relations(o),
            Sources = StringList(o, "sources"),
            SourceFile = sourceFile,
        };
    }

    public static Committee Committee(JsonElement o) => new()
    {
        Code = RequiredString(o, "code"),
        Titles = Texts(o, "title"),
        Status = OptionalString(o, "status"),
        Secretariat = OptionalString(o, "secretariat"),
        Created = OptionalDate(o, "created"),
        Scope = Texts(o, "scope"),
        Participants = StringList(o, "participants"),
        Observers = StringList(o, "observers"),
    };

    public static IcsClass Ics(JsonElement o)
    {
        var code = RequiredString(o, "code");
        if (!code.All(c => char.IsAsciiDigit(c) || c == '.'))
            throw new RecordException($"invalid ICS code '{code}'");
        return new IcsClass
        {
            Code = code,
            Parent = OptionalString(o, "parent"),
            Titles = Texts(o, "title"),
            Notes = Texts(o, "note"),
        };
    }

    private static IReadOnlyList<StandardRelation> Relations(JsonElement o)
    {
        if (!o.TryGetProperty("relations", out var list) || list.ValueKind == JsonValueKind.Null) return [];
        if (list.ValueKind != JsonValueKind.Array) throw new RecordException("'relations' must be an array");
        var relations = new List<StandardRelation>(list.GetArrayLength());
        var index = 0;
        foreach (var r in list.EnumerateArray())
        {
            if (r.ValueKind != JsonValueKind.Object) throw new RecordException($"relations[{index}] must be an object");
            var typeText = RequiredString(r, "type", $"relations[{index}].type");
            if (!RelationNames.TryParseType(typeText, out var type))
                throw new RecordException($"relations[{index}]: unknown relation type '{typeText}' (expected replaces, replacedBy, adopts, cites, amends or updates)");
            var target = RequiredString(r, "target", $"relations[{index}].target");
            if (!StandardCode.TryParse(target, out var parsedTarget, out var error))
                throw new RecordException($"relations[{index}]: invalid target: {error}");
            AdoptionDegree? degree = null;
            if (OptionalString(r, "degree", $"relations[{index}].degree") is { } degreeText)
            {
                if (!RelationNames.TryParseDegree(degreeText, out var d))
                    throw new RecordException($"relations[{index}]: unknown degree '{degreeText}' (expected IDT, MOD, NEQ or EQV)");
                if (type != RelationType.Adopts)
                    throw new RecordException($"relations[{index}]: a degree is only meaningful on 'adopts'");
                degree = d;
            }

            relations.Add(new StandardRelation(type, target.Trim(), parsedTarget, degree));
            index++;
        }

        return relations;
    }

    private static string RequiredString(JsonElement o, string name, string? label = null)
    {
        var value = OptionalString(o, name, label);
        if (string.IsNullOrWhiteSpace(value)) throw new RecordException($"missing '{label ?? name}'");
        return value;
    }

    private static string? OptionalString(JsonElement o, string name, string? label = null)
    {
        if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.String) throw new RecordException($"'{label ?? name}' must be a string, not {Describe(v)}");
        var s = v.GetString();
        return string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }

    private static PartialDate? OptionalDate(JsonElement o, string name)
    {
        var text = OptionalString(o, name);
        // The RFC index prints year 0001 for numbers that were never issued: a placeholder for "no date", not a date.
        if (text is null || text is "0000" or "0001") return null;
        if (!PartialDate.TryParse(text, out var date))
            throw new RecordException($"bad date in '{name}': '{text}' (expected YYYY, YYYY-MM or YYYY-MM-DD)");
        return date;
    }

    private static IReadOnlyList<string> StringList(JsonElement o, string name)
    {
        if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return [];
        if (v.ValueKind != JsonValueKind.Array) throw new RecordException($"'{name}' must be an array of strings, not {Describe(v)}");
        var list = new List<string>(v.GetArrayLength());
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) throw new RecordException($"'{name}' must hold strings only, found {Describe(item)}");
            var s = item.GetString()!.Trim();
            if (s.Length > 0 && !list.Contains(s)) list.Add(s);
        }

        return list;
    }

    private static IReadOnlyDictionary<string, string> Texts(JsonElement o, string name)
    {
        if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return StandardEdition.EmptyText;
        if (v.ValueKind != JsonValueKind.Object) throw new RecordException($"'{name}' must be an object of language → text, not {Describe(v)}");
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in v.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.Null) continue;
            if (p.Value.ValueKind != JsonValueKind.String) throw new RecordException($"'{name}.{p.Name}' must be a string, not {Describe(p.Value)}");
            var text = p.Value.GetString()!.Trim();
            if (text.Length > 0) texts[p.Name.ToLowerInvariant()] = text;
        }

        return texts;
    }

    private static string Describe(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.String => "a string",
        _ => v.ValueKind.ToString().ToLowerInvariant(),
    };
}
