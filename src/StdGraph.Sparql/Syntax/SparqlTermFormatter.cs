using System.Globalization;
using System.Text;
using StdGraph.Rdf;

namespace StdGraph.Sparql.Syntax;

/// <summary>
/// Spells terms for SPARQL query/update text and N-Triples uploads. Every value that reaches a server goes
/// through here, so a title or code can never end a string, an IRI or a group early.
/// </summary>
internal static class SparqlTermFormatter
{
    public static string Format(Term term)
    {
        var sb = new StringBuilder();
        Append(sb, term);
        return sb.ToString();
    }

    public static void Append(StringBuilder sb, Term term)
    {
        switch (term)
        {
            case Iri iri: AppendIri(sb, iri.Value); break;
            case BlankNode: throw new ArgumentException("blank nodes must be skolemized before they are sent to a server", nameof(term));
            case Literal literal:
                AppendString(sb, literal.Lexical);
                if (literal.Language is not null) AppendLanguage(sb, literal.Language);
                // Plain and xsd:string literals are one term in RDF 1.1 but two in Virtuoso, so always send the plain form.
                else if (literal.Datatype != Vocab.XsdString) { sb.Append("^^"); AppendIri(sb, literal.Datatype.Value); }
                break;
            default: throw new ArgumentException("unknown term kind " + term.GetType().Name, nameof(term));
        }
    }

    /// <summary>
    /// An IRI reference. Characters that IRIREF forbids are refused rather than escaped: SPARQL has no escape that a
    /// server must decode inside an IRI back to the same character, so escaping would silently change the IRI.
    /// </summary>
    public static void AppendIri(StringBuilder sb, string iri)
    {
        for (var i = 0; i < iri.Length; i++)
        {
            var c = iri[i];
            if (c <= 0x20 || c is '<' or '>' or '"' or '{' or '}' or '|' or '^' or '`' or '\\')
                throw new ArgumentException($"IRI <{Printable(iri)}> contains U+{(int)c:X4}, which an IRI cannot carry; percent-encode it when minting the IRI", nameof(iri));
            if (char.IsSurrogate(c) && !IsPairedSurrogateAt(iri, i))
                throw new ArgumentException($"IRI <{Printable(iri)}> contains an unpaired surrogate", nameof(iri));
        }
        sb.Append('<').Append(iri).Append('>');
    }

    /// <summary>A double-quoted string with ECHAR escapes; the result is valid in SPARQL, Turtle and N-Triples alike.</summary>
    public static void AppendString(StringBuilder sb, string value)
    {
        sb.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || c == 0x7F || (char.IsSurrogate(c) && !IsPairedSurrogateAt(value, i)))
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    private static void AppendLanguage(StringBuilder sb, string language)
    {
        // LANGTAG is [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*; anything else would let text after '@' escape into the query.
        var parts = language.Split('-');
        if (parts[0].Length == 0 || !parts[0].All(char.IsAsciiLetter) || parts.Skip(1).Any(p => p.Length == 0 || !p.All(char.IsAsciiLetterOrDigit)))
            throw new ArgumentException($"'{Printable(language)}' is not a language tag", nameof(language));
        sb.Append('@').Append(language);
    }

    private static bool IsPairedSurrogateAt(string s, int i) =>
        char.IsHighSurrogate(s[i]) ? i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) : i > 0 && char.IsHighSurrogate(s[i - 1]);

    private static string Printable(string s) => s.Length > 80 ? s[..80] + "…" : s;
}
