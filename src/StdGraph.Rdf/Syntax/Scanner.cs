using System.Text;

namespace StdGraph.Rdf.Syntax;

/// <summary>The terminals shared by Turtle and N-Triples: IRIREF, string literals, language tags, blank node labels.</summary>
internal sealed class Scanner
{
    private readonly StringBuilder _text = new();

    public Scanner(TextReader reader) => Source = new CharSource(reader);

    public CharSource Source { get; }

    public RdfSyntaxException Error(string message) => new(message, Source.Line, Source.Column);

    public RdfSyntaxException Unexpected(string expected)
    {
        var c = Source.Peek();
        return Error(c == CharSource.Eof ? $"expected {expected} but reached end of input" : $"expected {expected} but found '{Describe(c)}'");
    }

    private static string Describe(int c) => c < 0x20 ? $"\\u{c:X4}" : ((char)c).ToString();

    public void Expect(char c, string what)
    {
        if (Source.Peek() != c) throw Unexpected(what);
        Source.Read();
    }

    /// <summary>Skips spaces, tabs, comments and (unless <paramref name="lineBreaks"/> is false) line ends.</summary>
    public void SkipSpace(bool lineBreaks = true)
    {
        while (true)
        {
            var c = Source.Peek();
            if (c is ' ' or '\t' || (lineBreaks && c is '\n' or '\r')) { Source.Read(); continue; }
            if (c == '#')
            {
                while (Source.Peek() is not ('\n' or '\r' or CharSource.Eof)) Source.Read();
                continue;
            }
            return;
        }
    }

    /// <summary>Reads <c>&lt;...&gt;</c> with UCHAR escapes decoded; the result may be relative.</summary>
    public string ReadIriRef()
    {
        Expect('<', "'<'");
        _text.Clear();
        while (true)
        {
            var c = Source.Peek();
            if (c == '>') { Source.Read(); return _text.ToString(); }
            if (c == CharSource.Eof) throw Error("unterminated IRI");
            if (c == '\\')
            {
                Source.Read();
                var kind = Source.Peek();
                if (kind is not ('u' or 'U')) throw Error("only \\u and \\U escapes are allowed in an IRI");
                var cp = ReadUcharAfterBackslash();
                if (CharClasses.IsForbiddenInIri(cp)) throw Error($"escaped character U+{cp:X4} is not allowed in an IRI");
                AppendCodePoint(cp);
                continue;
            }
            if (CharClasses.IsForbiddenInIri(c)) throw Error($"character '{Describe(c)}' is not allowed in an IRI");
            _text.Append((char)Source.Read());
        }
    }

    /// <summary>After a backslash: reads <c>uXXXX</c> or <c>UXXXXXXXX</c> and returns the code point.</summary>
    public int ReadUcharAfterBackslash()
    {
        var kind = Source.Read();
        var digits = kind == 'u' ? 4 : 8;
        var value = 0;
        for (var i = 0; i < digits; i++)
        {
            var h = Source.Peek();
            if (!CharClasses.IsHex(h)) throw Error("bad hexadecimal digit in \\" + (char)kind + " escape");
            Source.Read();
            value = value * 16 + Convert.ToInt32(((char)h).ToString(), 16);
        }
        if (value > 0x10FFFF || value is >= 0xD800 and <= 0xDFFF) throw Error($"escape \\{(char)kind}{value:X} is not a Unicode scalar value");
        return value;
    }

    public void AppendCodePoint(int cp)
    {
        if (cp < 0x10000) _text.Append((char)cp);
        else _text.Append(char.ConvertFromUtf32(cp));
    }

    /// <summary>Reads a quoted string (the opening quote is next). Long (triple-quoted) forms only when allowed.</summary>
    public string ReadString(bool allowLongAndSingleQuotes)
    {
        var quote = (char)Source.Peek();
        if (quote != '"' && !(allowLongAndSingleQuotes && quote == '\'')) throw Unexpected("a string");
        var isLong = allowLongAndSingleQuotes && Source.Peek(1) == quote && Source.Peek(2) == quote;
        Source.Skip(isLong ? 3 : 1);
        _text.Clear();
        while (true)
        {
            var c = Source.Peek();
            if (c == CharSource.Eof) throw Error("unterminated string");
            if (c == quote)
            {
                if (!isLong) { Source.Read(); return _text.ToString(); }
                if (Source.Peek(1) == quote && Source.Peek(2) == quote)
                {
                    // The grammar lets a quote inside a long string only before a non-quote, so the first three close it.
                    Source.Skip(3);
                    return _text.ToString();
                }
                _text.Append((char)Source.Read());
                continue;
            }
            if (c == '\\')
            {
                Source.Read();
                var e = Source.Peek();
                switch (e)
                {
                    case 't': _text.Append('\t'); break;
                    case 'b': _text.Append('\b'); break;
                    case 'n': _text.Append('\n'); break;
                    case 'r': _text.Append('\r'); break;
                    case 'f': _text.Append('\f'); break;
                    case '"': _text.Append('"'); break;
                    case '\'': _text.Append('\''); break;
                    case '\\': _text.Append('\\'); break;
                    case 'u' or 'U': AppendCodePoint(ReadUcharAfterBackslash()); continue;
                    default: throw Error("bad escape sequence in string");
                }
                Source.Read();
                continue;
            }
            if (!isLong && c is '\n' or '\r') throw Error("line break in a single-line string");
            _text.Append((char)Source.Read());
        }
    }

    /// <summary>After '@': <c>[a-zA-Z]+ ('-' [a-zA-Z0-9]+)*</c>.</summary>
    public string ReadLangTag()
    {
        _text.Clear();
        if (!CharClasses.IsAsciiLetter(Source.Peek())) throw Unexpected("a language tag");
        while (CharClasses.IsAsciiLetter(Source.Peek())) _text.Append((char)Source.Read());
        while (Source.Peek() == '-')
        {
            var n = Source.Peek(1);
            if (!(CharClasses.IsAsciiLetter(n) || CharClasses.IsDigit(n))) throw Error("empty language subtag");
            _text.Append((char)Source.Read());
            while (CharClasses.IsAsciiLetter(Source.Peek()) || CharClasses.IsDigit(Source.Peek())) _text.Append((char)Source.Read());
        }
        return _text.ToString();
    }

    /// <summary>Reads <c>_:label</c> and returns the label.</summary>
    public string ReadBlankNodeLabel()
    {
        Expect('_', "'_:'");
        Expect(':', "':' after '_'");
        _text.Clear();
        var first = Source.PeekCodePoint(0, out var w);
        if (!(CharClasses.IsPnCharsU(first) || CharClasses.IsDigit(first))) throw Unexpected("a blank node label");
        CopyUnits(w);
        ReadNameTail(CharClasses.IsPnChars);
        return _text.ToString();
    }

    /// <summary>
    /// Reads <c>((C | '.')* C)?</c> into the buffer: dots are taken only when a name character follows them,
    /// so a trailing '.' stays for the statement terminator.
    /// </summary>
    public void ReadNameTail(Func<int, bool> isNameChar)
    {
        while (true)
        {
            var cp = Source.PeekCodePoint(0, out var w);
            if (isNameChar(cp)) { CopyUnits(w); continue; }
            if (cp != '.') return;
            var dots = 1;
            while (Source.Peek(dots) == '.') dots++;
            if (!isNameChar(Source.PeekCodePoint(dots, out _))) return;
            CopyUnits(dots);
        }
    }

    public StringBuilder Text => _text;

    public void CopyUnits(int count)
    {
        for (var i = 0; i < count; i++) _text.Append((char)Source.Read());
    }
}
