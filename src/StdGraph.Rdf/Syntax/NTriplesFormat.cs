using System.Text;

namespace StdGraph.Rdf.Syntax;

/// <summary>Canonical N-Triples spelling of terms, shared by both writers.</summary>
internal static class NTriplesFormat
{
    public static string FormatTerm(Term term)
    {
        var sb = new StringBuilder();
        AppendTerm(sb, term);
        return sb.ToString();
    }

    public static void AppendTerm(StringBuilder sb, Term term)
    {
        switch (term)
        {
            case Iri iri: AppendIri(sb, iri.Value); break;
            case BlankNode b: sb.Append("_:").Append(SafeLabel(b.Label)); break;
            case Literal l:
                AppendQuoted(sb, l.Lexical);
                if (l.Language is not null) sb.Append('@').Append(l.Language);
                else if (l.Datatype != Vocab.XsdString) { sb.Append("^^"); AppendIri(sb, l.Datatype.Value); }
                break;
            default: throw new ArgumentException("unknown term kind " + term.GetType().Name, nameof(term));
        }
    }

    public static void AppendIri(StringBuilder sb, string iri)
    {
        // Turtle and N-Triples cannot carry these characters in an IRI at all, not even escaped, so writing one
        // would produce a file no conforming reader accepts.
        foreach (var c in iri)
            if (CharClasses.IsForbiddenInIri(c))
                throw new ArgumentException($"IRI <{iri}> contains U+{(int)c:X4}, which no IRI may contain; percent-encode it when minting the IRI", nameof(iri));
        sb.Append('<').Append(iri).Append('>');
    }

    public static void AppendQuoted(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x7F) sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    /// <summary>
    /// A label that is valid in both syntaxes: labels made by our readers pass unchanged; anything else
    /// (e.g. labels built in code with spaces) is hex-encoded so the output always re-reads.
    /// </summary>
    public static string SafeLabel(string label)
    {
        if (IsValidLabel(label)) return label;
        var sb = new StringBuilder("x");
        foreach (var b in Encoding.UTF8.GetBytes(label)) sb.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    private static bool IsValidLabel(string label)
    {
        if (label.Length == 0) return false;
        var i = 0;
        var first = true;
        while (i < label.Length)
        {
            var cp = char.ConvertToUtf32(label, i);
            var ok = first ? CharClasses.IsPnCharsU(cp) || CharClasses.IsDigit(cp) : CharClasses.IsPnChars(cp) || (cp == '.' && i < label.Length - 1);
            if (!ok) return false;
            i += char.IsSurrogatePair(label, i) ? 2 : 1;
            first = false;
        }
        return label[^1] != '.';
    }
}
