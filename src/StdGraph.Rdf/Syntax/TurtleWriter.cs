using System.Text;
using System.Text.RegularExpressions;
using StdGraph.Rdf.Syntax;

namespace StdGraph.Rdf;

/// <summary>
/// Writes readable Turtle: @prefix lines for the given prefixes, one block per subject with ';' between predicates
/// and ',' between objects, prefixed names where the local part allows it, 'a' for rdf:type and bare numbers
/// and booleans where the lexical form is canonical Turtle syntax.
/// </summary>
public sealed partial class TurtleWriter
{
    private readonly TextWriter _writer;
    private readonly List<KeyValuePair<string, string>> _prefixes;

    public TurtleWriter(TextWriter writer, IReadOnlyDictionary<string, string>? prefixes = null)
    {
        _writer = writer;
        _prefixes = (prefixes ?? new Dictionary<string, string>())
            .Where(p => IsValidPrefix(p.Key))
            .OrderByDescending(p => p.Value.Length)
            .ToList();
    }

    public static string ToString(IEnumerable<Triple> triples, IReadOnlyDictionary<string, string>? prefixes = null)
    {
        var sw = new StringWriter();
        new TurtleWriter(sw, prefixes).Write(triples);
        return sw.ToString();
    }

    /// <summary>Writes the prefixes and then all triples grouped by subject, in order of first appearance.</summary>
    public void Write(IEnumerable<Triple> triples)
    {
        foreach (var (prefix, ns) in _prefixes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var line = new StringBuilder("@prefix ").Append(prefix).Append(": ");
            NTriplesFormat.AppendIri(line, ns);
            _writer.Write(line.Append(" .\n"));
        }
        if (_prefixes.Count > 0) _writer.Write('\n');

        var subjects = new Dictionary<Term, Dictionary<Iri, List<Term>>>();
        var order = new List<Term>();
        foreach (var t in triples)
        {
            if (!subjects.TryGetValue(t.Subject, out var byPredicate))
            {
                subjects[t.Subject] = byPredicate = new Dictionary<Iri, List<Term>>();
                order.Add(t.Subject);
            }
            if (!byPredicate.TryGetValue(t.Predicate, out var objects)) byPredicate[t.Predicate] = objects = new List<Term>();
            objects.Add(t.Obj);
        }

        var sb = new StringBuilder();
        foreach (var subject in order)
        {
            sb.Clear();
            AppendTerm(sb, subject);
            var predicates = subjects[subject];
            var first = true;
            // rdf:type first, as people expect to read what a thing is before its properties.
            foreach (var (predicate, objects) in predicates.OrderBy(p => p.Key == Vocab.RdfType ? 0 : 1))
            {
                sb.Append(first ? " " : " ;\n    ");
                first = false;
                if (predicate == Vocab.RdfType) sb.Append('a');
                else AppendTerm(sb, predicate);
                for (var i = 0; i < objects.Count; i++)
                {
                    sb.Append(i == 0 ? " " : ", ");
                    AppendTerm(sb, objects[i]);
                }
            }
            sb.Append(" .\n");
            _writer.Write(sb);
        }
    }

    private void AppendTerm(StringBuilder sb, Term term)
    {
        switch (term)
        {
            case Iri iri:
                AppendIri(sb, iri);
                break;
            case Literal { Language: null } l when l.Datatype == Vocab.XsdInteger && IntegerSyntax().IsMatch(l.Lexical):
            case Literal { Language: null } d when d.Datatype == Vocab.XsdDecimal && DecimalSyntax().IsMatch(d.Lexical):
            case Literal { Language: null } b when b.Datatype == Vocab.XsdBoolean && b.Lexical is "true" or "false":
                sb.Append(((Literal)term).Lexical);
                break;
            case Literal l:
                NTriplesFormat.AppendQuoted(sb, l.Lexical);
                if (l.Language is not null) sb.Append('@').Append(l.Language);
                else if (l.Datatype != Vocab.XsdString) { sb.Append("^^"); AppendIri(sb, l.Datatype); }
                break;
            default:
                NTriplesFormat.AppendTerm(sb, term);
                break;
        }
    }

    private void AppendIri(StringBuilder sb, Iri iri)
    {
        foreach (var (prefix, ns) in _prefixes)
        {
            if (!iri.Value.StartsWith(ns, StringComparison.Ordinal)) continue;
            var mark = sb.Length;
            if (TryAppendLocalName(sb.Append(prefix).Append(':'), iri.Value.AsSpan(ns.Length))) return;
            sb.Length = mark;
        }
        NTriplesFormat.AppendIri(sb, iri.Value);
    }

    /// <summary>Appends the local part if it can be written as PN_LOCAL (escaping reserved characters); false if not.</summary>
    private static bool TryAppendLocalName(StringBuilder sb, ReadOnlySpan<char> local)
    {
        var start = sb.Length;
        for (var i = 0; i < local.Length; i++)
        {
            var c = local[i];
            int cp = c;
            var width = 1;
            if (char.IsHighSurrogate(c) && i + 1 < local.Length && char.IsLowSurrogate(local[i + 1]))
            {
                cp = char.ConvertToUtf32(c, local[i + 1]);
                width = 2;
            }
            var ok = i == 0 ? CharClasses.IsPnCharsU(cp) || CharClasses.IsDigit(cp) || cp == ':' : CharClasses.IsPnChars(cp) || cp == ':';
            if (ok) sb.Append(local.Slice(i, width));
            else if (c == '.' && i > 0 && i < local.Length - 1) sb.Append('.');
            else if (c != '%' && CharClasses.IsLocalNameEscapable(c)) sb.Append('\\').Append(c);
            else { sb.Length = start; return false; }
            i += width - 1;
        }
        return true;
    }

    private static bool IsValidPrefix(string prefix)
    {
        if (prefix.Length == 0) return true;
        if (!CharClasses.IsPnCharsBase(prefix[0]) || prefix[^1] == '.') return false;
        foreach (var c in prefix.AsSpan(1))
            if (!(CharClasses.IsPnChars(c) || c == '.')) return false;
        return true;
    }

    [GeneratedRegex(@"^[+-]?[0-9]+$")]
    private static partial Regex IntegerSyntax();

    [GeneratedRegex(@"^[+-]?[0-9]*\.[0-9]+$")]
    private static partial Regex DecimalSyntax();
}
