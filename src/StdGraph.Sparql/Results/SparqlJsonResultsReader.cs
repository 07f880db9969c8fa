using System.Text.Json;
using StdGraph.Rdf;

namespace StdGraph.Sparql.Results;

/// <summary>A parsed SPARQL results document: variables and rows for SELECT, or a boolean for ASK.</summary>
internal sealed record ParsedResults(IReadOnlyList<string> Variables, IReadOnlyList<IReadOnlyDictionary<string, Term>> Rows, bool? Boolean);

/// <summary>Reads application/sparql-results+json, including the SPARQL 1.0-era "typed-literal" that Virtuoso still sends.</summary>
internal static class SparqlJsonResultsReader
{
    public static async Task<ParsedResults> ReadAsync(Stream stream, CancellationToken ct)
    {
        using var doc = await JsonDocument.ParseAsync(stream, cancellationToken: ct).ConfigureAwait(false);
        return Read(doc.RootElement);
    }

    public static ParsedResults Read(JsonElement root)
    {
        var variables = new List<string>();
        if (root.TryGetProperty("head", out var head) && head.TryGetProperty("vars", out var vars))
            variables.AddRange(vars.EnumerateArray().Select(v => v.GetString() ?? ""));
        if (root.TryGetProperty("boolean", out var boolean))
            return new ParsedResults(variables, [], boolean.GetBoolean());
        var rows = new List<IReadOnlyDictionary<string, Term>>();
        if (root.TryGetProperty("results", out var results) && results.TryGetProperty("bindings", out var bindings))
        {
            foreach (var binding in bindings.EnumerateArray())
            {
                var row = new Dictionary<string, Term>();
                foreach (var property in binding.EnumerateObject())
                    row[property.Name] = ReadTerm(property.Value);
                rows.Add(row);
            }
        }
        return new ParsedResults(variables, rows, null);
    }

    public static Term ReadTerm(JsonElement element)
    {
        var type = element.GetProperty("type").GetString();
        var value = element.GetProperty("value").GetString() ?? "";
        switch (type)
        {
            case "uri": return new Iri(value);
            case "bnode": return new BlankNode(value);
            case "literal" or "typed-literal":
                if (element.TryGetProperty("xml:lang", out var lang) && lang.GetString() is { Length: > 0 } tag)
                    return Literal.LangString(value, tag);
                if (element.TryGetProperty("datatype", out var dt) && dt.GetString() is { Length: > 0 } datatype)
                    return NormalizeTyped(value, new Iri(datatype));
                return Literal.String(value);
            default: throw new FormatException($"unknown SPARQL JSON term type '{type}'");
        }
    }

    // Virtuoso stores xsd:boolean as a number and answers "1"/"0"; give callers the canonical lexical form back.
    private static Literal NormalizeTyped(string value, Iri datatype) =>
        datatype == Vocab.XsdBoolean && value is "1" or "0"
            ? Literal.Boolean(value == "1")
            : Literal.Typed(value, datatype);
}
