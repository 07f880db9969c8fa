using System.Text;
using System.Text.Json;
using System.Xml;
using StdGraph.Rdf;

namespace StdGraph.Sparql.Results;

public enum SparqlResultKind { Bindings, Boolean, Graph }

/// <summary>
/// The answer to one query: variable bindings (SELECT), a boolean (ASK) or triples (CONSTRUCT, DESCRIBE), written in
/// the SPARQL 1.1 JSON or XML results formats, or as Turtle / N-Triples for graphs.
/// </summary>
public sealed class SparqlResult
{
    public const string JsonMediaType = "application/sparql-results+json";
    public const string XmlMediaType = "application/sparql-results+xml";
    public const string TurtleMediaType = "text/turtle";
    public const string NTriplesMediaType = "application/n-triples";

    private SparqlResult(SparqlResultKind kind, IReadOnlyList<string> variables, IReadOnlyList<IReadOnlyDictionary<string, Term>> rows, bool boolean, IReadOnlyList<Triple> triples)
    {
        Kind = kind;
        Variables = variables;
        Rows = rows;
        Boolean = boolean;
        Triples = triples;
    }

    internal static SparqlResult ForBindings(IReadOnlyList<string> variables, IReadOnlyList<IReadOnlyDictionary<string, Term>> rows) =>
        new(SparqlResultKind.Bindings, variables, rows, false, []);

    internal static SparqlResult ForBoolean(bool value) => new(SparqlResultKind.Boolean, [], [], value, []);

    internal static SparqlResult ForGraph(IReadOnlyList<Triple> triples) => new(SparqlResultKind.Graph, [], [], false, triples);

    public SparqlResultKind Kind { get; }
    public IReadOnlyList<string> Variables { get; }
    /// <summary>One dictionary per solution; an unbound variable is absent.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, Term>> Rows { get; }
    public bool Boolean { get; }
    public IReadOnlyList<Triple> Triples { get; }

    /// <summary>The media types this result can be written in, preferred first.</summary>
    public IReadOnlyList<string> MediaTypes => Kind == SparqlResultKind.Graph ? [TurtleMediaType, NTriplesMediaType] : [JsonMediaType, XmlMediaType];

    /// <summary>
    /// The media type to answer an HTTP Accept header with (q-values honoured, wildcards allowed); null when nothing the
    /// client accepts can be produced (a 406).
    /// </summary>
    public string? Negotiate(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept)) return MediaTypes[0];
        var ranges = accept.Split(',')
            .Select(part =>
            {
                var pieces = part.Split(';');
                var q = 1.0;
                foreach (var p in pieces.Skip(1))
                {
                    var kv = p.Split('=', 2);
                    if (kv.Length == 2 && kv[0].Trim() == "q" && double.TryParse(kv[1].Trim(), System.Globalization.CultureInfo.InvariantCulture, out var parsed)) q = parsed;
                }
                return (Range: pieces[0].Trim().ToLowerInvariant(), Q: q);
            })
            .Where(r => r.Q > 0)
            .OrderByDescending(r => r.Q);
        foreach (var (range, _) in ranges)
        {
            if (range is "*/*") return MediaTypes[0];
            if (range.EndsWith("/*", StringComparison.Ordinal))
            {
                var match = MediaTypes.FirstOrDefault(m => m.StartsWith(range[..^1], StringComparison.Ordinal));
                if (match is not null) return match;
                continue;
            }
            var alias = range switch
            {
                "application/json" => JsonMediaType,
                "application/xml" or "text/xml" => XmlMediaType,
                "text/plain" or "application/ntriples" => NTriplesMediaType,
                "application/x-turtle" => TurtleMediaType,
                _ => range,
            };
            if (MediaTypes.Contains(alias)) return alias;
        }
        return null;
    }

    /// <summary>Writes the result in <paramref name="mediaType"/> (one of <see cref="MediaTypes"/>) as UTF-8.</summary>
    public void Write(Stream stream, string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        switch (Kind, type)
        {
            case (not SparqlResultKind.Graph, JsonMediaType or "application/json"): WriteJson(stream); break;
            case (not SparqlResultKind.Graph, XmlMediaType or "application/xml"): WriteXml(stream); break;
            case (SparqlResultKind.Graph, TurtleMediaType):
            {
                using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
                new TurtleWriter(writer, Vocab.CommonPrefixes).Write(Triples);
                break;
            }
            case (SparqlResultKind.Graph, NTriplesMediaType or "text/plain"):
            {
                using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
                new NTriplesWriter(writer).Write(Triples);
                break;
            }
            default: throw new NotSupportedException($"A {Kind} result cannot be written as {mediaType}; use one of {string.Join(", ", MediaTypes)}.");
        }
    }

    private void WriteJson(Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteStartObject("head");
        if (Kind == SparqlResultKind.Bindings)
        {
            json.WriteStartArray("vars");
            foreach (var v in Variables) json.WriteStringValue(v);
            json.WriteEndArray();
        }
        json.WriteEndObject();
        if (Kind == SparqlResultKind.Boolean) json.WriteBoolean("boolean", Boolean);
        else
        {
            json.WriteStartObject("results");
            json.WriteStartArray("bindings");
            foreach (var row in Rows)
            {
                json.WriteStartObject();
                foreach (var v in Variables)
                {
                    if (!row.TryGetValue(v, out var term)) continue;
                    json.WriteStartObject(v);
                    switch (term)
                    {
                        case Iri iri: json.WriteString("type", "uri"); json.WriteString("value", iri.Value); break;
                        case BlankNode b: json.WriteString("type", "bnode"); json.WriteString("value", b.Label); break;
                        case Literal l:
                            json.WriteString("type", "literal");
                            json.WriteString("value", l.Lexical);
                            if (l.Language is not null) json.WriteString("xml:lang", l.Language);
                            else if (l.Datatype != Vocab.XsdString) json.WriteString("datatype", l.Datatype.Value);
                            break;
                    }
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private const string ResultsNs = "http://www.w3.org/2005/sparql-results#";

    private void WriteXml(Stream stream)
    {
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false, CheckCharacters = false });
        xml.WriteStartDocument();
        xml.WriteStartElement("sparql", ResultsNs);
        xml.WriteStartElement("head", ResultsNs);
        if (Kind == SparqlResultKind.Bindings)
        {
            foreach (var v in Variables)
            {
                xml.WriteStartElement("variable", ResultsNs);
                xml.WriteAttributeString("name", v);
                xml.WriteEndElement();
            }
        }
        xml.WriteEndElement();
        if (Kind == SparqlResultKind.Boolean) xml.WriteElementString("boolean", ResultsNs, Boolean ? "true" : "false");
        else
        {
            xml.WriteStartElement("results", ResultsNs);
            foreach (var row in Rows)
            {
                xml.WriteStartElement("result", ResultsNs);
                foreach (var v in Variables)
                {
                    if (!row.TryGetValue(v, out var term)) continue;
                    xml.WriteStartElement("binding", ResultsNs);
                    xml.WriteAttributeString("name", v);
                    switch (term)
                    {
                        case Iri iri: xml.WriteElementString("uri", ResultsNs, XmlSafe(iri.Value)); break;
                        case BlankNode b: xml.WriteElementString("bnode", ResultsNs, XmlSafe(b.Label)); break;
                        case Literal l:
                            xml.WriteStartElement("literal", ResultsNs);
                            if (l.Language is not null) xml.WriteAttributeString("xml", "lang", "http://www.w3.org/XML/1998/namespace", l.Language);
                            else if (l.Datatype != Vocab.XsdString) xml.WriteAttributeString("datatype", l.Datatype.Value);
                            xml.WriteString(XmlSafe(l.Lexical));
                            xml.WriteEndElement();
                            break;
                    }
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    // XML 1.0 cannot carry most control characters even as references; replace them rather than emit a broken document.
    private static string XmlSafe(string s) =>
        s.Any(c => c < 0x20 && c is not ('\t' or '\n' or '\r') || c is '\uFFFE' or '\uFFFF')
            ? new string(s.Select(c => c < 0x20 && c is not ('\t' or '\n' or '\r') || c is '\uFFFE' or '\uFFFF' ? '\uFFFD' : c).ToArray())
            : s;
}
