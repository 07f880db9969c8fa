using StdGraph.Rdf.Syntax;

namespace StdGraph.Rdf;

/// <summary>
/// Streaming N-Triples 1.1 reader: yields triples one line at a time. IRIs must be absolute; blank node labels are
/// kept as written (they are scoped to this document).
/// </summary>
public sealed class NTriplesReader
{
    private readonly Scanner _scanner;

    public NTriplesReader(TextReader reader) => _scanner = new Scanner(reader);

    public static IReadOnlyList<Triple> Parse(string text) => new NTriplesReader(new StringReader(text)).Read().ToList();

    public IEnumerable<Triple> Read()
    {
        var source = _scanner.Source;
        while (true)
        {
            _scanner.SkipSpace();
            if (source.Peek() == CharSource.Eof) yield break;
            var subject = ReadSubject();
            _scanner.SkipSpace(lineBreaks: false);
            var predicate = ReadIri();
            _scanner.SkipSpace(lineBreaks: false);
            var obj = ReadObject();
            _scanner.SkipSpace(lineBreaks: false);
            _scanner.Expect('.', "'.' at the end of the triple");
            _scanner.SkipSpace(lineBreaks: false);
            if (source.Peek() is not ('\n' or '\r' or CharSource.Eof)) throw _scanner.Unexpected("end of line after a triple");
            yield return new Triple(subject, predicate, obj);
        }
    }

    private Term ReadSubject() => _scanner.Source.Peek() switch
    {
        '<' => ReadIri(),
        '_' => new BlankNode(_scanner.ReadBlankNodeLabel()),
        _ => throw _scanner.Unexpected("an IRI or blank node as subject"),
    };

    private Iri ReadIri()
    {
        if (_scanner.Source.Peek() != '<') throw _scanner.Unexpected("an IRI");
        var line = _scanner.Source.Line;
        var column = _scanner.Source.Column;
        var value = _scanner.ReadIriRef();
        if (!IriResolver.HasScheme(value)) throw new RdfSyntaxException($"relative IRI <{value}> is not allowed in N-Triples", line, column);
        return new Iri(value);
    }

    private Term ReadObject()
    {
        switch (_scanner.Source.Peek())
        {
            case '<': return ReadIri();
            case '_': return new BlankNode(_scanner.ReadBlankNodeLabel());
            case '"':
                var lexical = _scanner.ReadString(allowLongAndSingleQuotes: false);
                if (_scanner.Source.Peek() == '@')
                {
                    _scanner.Source.Read();
                    return Literal.LangString(lexical, _scanner.ReadLangTag());
                }
                if (_scanner.Source.Peek() == '^')
                {
                    _scanner.Source.Read();
                    _scanner.Expect('^', "'^^'");
                    return Literal.Typed(lexical, ReadIri());
                }
                return Literal.String(lexical);
            default:
                throw _scanner.Unexpected("an IRI, blank node or literal as object");
        }
    }
}
