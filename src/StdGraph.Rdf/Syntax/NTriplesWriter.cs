using System.Text;
using StdGraph.Rdf.Syntax;

namespace StdGraph.Rdf;

/// <summary>Writes one triple per line in canonical N-Triples (only the escapes the syntax requires).</summary>
public sealed class NTriplesWriter
{
    private readonly TextWriter _writer;
    private readonly StringBuilder _line = new();

    public NTriplesWriter(TextWriter writer) => _writer = writer;

    public static string ToString(IEnumerable<Triple> triples)
    {
        var sw = new StringWriter();
        new NTriplesWriter(sw).Write(triples);
        return sw.ToString();
    }

    public void Write(Triple triple)
    {
        _line.Clear();
        NTriplesFormat.AppendTerm(_line, triple.Subject);
        _line.Append(' ');
        NTriplesFormat.AppendTerm(_line, triple.Predicate);
        _line.Append(' ');
        NTriplesFormat.AppendTerm(_line, triple.Obj);
        _line.Append(" .\n");
        _writer.Write(_line);
    }

    public void Write(IEnumerable<Triple> triples)
    {
        foreach (var t in triples) Write(t);
    }
}
