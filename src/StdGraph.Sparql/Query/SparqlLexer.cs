using System.Globalization;
using System.Text;

namespace StdGraph.Sparql.Query;

internal enum TokenKind { Word, PName, Iri, Var, String, LangTag, Integer, Decimal, Double, BlankLabel, Punct, End }

internal readonly record struct Token(TokenKind Kind, string Text, int Line, int Column)
{
    public bool Is(string punct) => Kind == TokenKind.Punct && Text == punct;

    public bool IsWord(string word) => Kind == TokenKind.Word && Text.Equals(word, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Kind switch
    {
        TokenKind.End => "end of query",
        TokenKind.Iri => "<" + Text + ">",
        TokenKind.Var => "?" + Text,
        TokenKind.String => "\"" + Text + "\"",
        _ => "'" + Text + "'",
    };
}

/// <summary>SPARQL 1.1 terminals. Strings come out unescaped; IRIs as written (resolution is the parser's job).</summary>
internal sealed class SparqlLexer
{
    private readonly string _text;
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    public SparqlLexer(string text) => _text = text;

    private SparqlSyntaxException Error(string reason) => new(reason, _line, _pos - _lineStart + 1);

    private char Peek(int offset = 0) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    public Token Next()
    {
        SkipSpaceAndComments();
        var line = _line;
        var column = _pos - _lineStart + 1;
        Token Make(TokenKind kind, string text) => new(kind, text, line, column);
        if (_pos >= _text.Length) return Make(TokenKind.End, "");
        var c = _text[_pos];

        if (c == '<' && TryIriRef(out var iri)) return Make(TokenKind.Iri, iri);
        if (c is '?' or '$' && IsNameStart(Peek(1)))
        {
            _pos++;
            return Make(TokenKind.Var, ReadWhile(IsNameChar));
        }
        if (c is '"' or '\'') return Make(TokenKind.String, ReadString());
        if (c == '@' && char.IsAsciiLetter(Peek(1)))
        {
            _pos++;
            var tag = ReadWhile(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-');
            return Make(TokenKind.LangTag, tag);
        }
        if (c == '_' && Peek(1) == ':')
        {
            _pos += 2;
            var label = ReadPnLocal();
            if (label.Length == 0) throw Error("blank node label expected after '_:'");
            return Make(TokenKind.BlankLabel, label);
        }
        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(1)))) return ReadNumber(line, column);
        if (IsNameStart(c) || c == ':')
        {
            var start = _pos;
            var prefix = c == ':' ? "" : ReadPnPrefix();
            if (Peek() == ':')
            {
                _pos++;
                var local = ReadPnLocal();
                return Make(TokenKind.PName, prefix + ":" + local);
            }
            _pos = start;
            return Make(TokenKind.Word, ReadWhile(ch => char.IsLetterOrDigit(ch) || ch == '_'));
        }
        foreach (var op in new[] { "^^", "&&", "||", "!=", "<=", ">=" })
        {
            if (string.CompareOrdinal(_text, _pos, op, 0, 2) == 0)
            {
                _pos += 2;
                return Make(TokenKind.Punct, op);
            }
        }
        if ("{}()[].,;*=<>!+-/^|".Contains(c))
        {
            _pos++;
            return Make(TokenKind.Punct, c.ToString());
        }
        throw Error($"unexpected character '{c}'");
    }

    private void SkipSpaceAndComments()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\n') { _pos++; _line++; _lineStart = _pos; }
            else if (char.IsWhiteSpace(c)) _pos++;
            else if (c == '#') { while (_pos < _text.Length && _text[_pos] != '\n') _pos++; }
            else break;
        }
    }

    private bool TryIriRef(out string iri)
    {
        var end = _pos + 1;
        var sb = new StringBuilder();
        while (end < _text.Length && _text[end] != '>')
        {
            var ch = _text[end];
            if (ch <= ' ' || ch is '<' or '"' or '{' or '}' or '|' or '^' or '`') { iri = ""; return false; }
            if (ch == '\\')
            {
                if (end + 1 < _text.Length && _text[end + 1] is 'u' or 'U')
                {
                    var len = _text[end + 1] == 'u' ? 4 : 8;
                    if (end + 2 + len > _text.Length) { iri = ""; return false; }
                    sb.Append(char.ConvertFromUtf32(int.Parse(_text.AsSpan(end + 2, len), NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
                    end += 2 + len;
                    continue;
                }
                iri = "";
                return false;
            }
            sb.Append(ch);
            end++;
        }
        if (end >= _text.Length) { iri = ""; return false; }
        _pos = end + 1;
        iri = sb.ToString();
        return true;
    }

    private string ReadString()
    {
        var quote = _text[_pos];
        var longString = Peek(1) == quote && Peek(2) == quote;
        _pos += longString ? 3 : 1;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length) throw Error("unterminated string");
            var c = _text[_pos];
            if (longString)
            {
                if (c == quote && Peek(1) == quote && Peek(2) == quote)
                {
                    _pos += 3;
                    // """a"""" : extra quotes before the closing triple belong to the string
                    while (Peek() == quote) { sb.Append(quote); _pos++; }
                    return sb.ToString();
                }
            }
            else
            {
                if (c == quote) { _pos++; return sb.ToString(); }
                if (c is '\n' or '\r') throw Error("line break in a short string");
            }
            if (c == '\\')
            {
                var e = Peek(1);
                _pos += 2;
                switch (e)
                {
                    case 't': sb.Append('\t'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 'f': sb.Append('\f'); break;
                    case '"': sb.Append('"'); break;
                    case '\'': sb.Append('\''); break;
                    case '\\': sb.Append('\\'); break;
                    case 'u' or 'U':
                        var len = e == 'u' ? 4 : 8;
                        if (_pos + len > _text.Length || !int.TryParse(_text.AsSpan(_pos, len), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var cp))
                            throw Error("bad \\u escape");
                        sb.Append(char.ConvertFromUtf32(cp));
                        _pos += len;
                        break;
                    default: throw Error($"unknown escape '\\{e}'");
                }
                continue;
            }
            if (c == '\n') { _line++; _lineStart = _pos + 1; }
            sb.Append(c);
            _pos++;
        }
    }

    private Token ReadNumber(int line, int column)
    {
        var start = _pos;
        while (char.IsAsciiDigit(Peek())) _pos++;
        var kind = TokenKind.Integer;
        if (Peek() == '.' && (char.IsAsciiDigit(Peek(1)) || Peek(1) is 'e' or 'E'))
        {
            _pos++;
            kind = TokenKind.Decimal;
            while (char.IsAsciiDigit(Peek())) _pos++;
        }
        else if (Peek() == '.' && _pos > start && !char.IsAsciiDigit(Peek(1)) && Peek(1) is not ('e' or 'E'))
        {
            // "1." : the dot ends the triple
        }
        if (Peek() is 'e' or 'E')
        {
            _pos++;
            if (Peek() is '+' or '-') _pos++;
            if (!char.IsAsciiDigit(Peek())) throw Error("exponent digits expected");
            while (char.IsAsciiDigit(Peek())) _pos++;
            kind = TokenKind.Double;
        }
        return new Token(kind, _text[start.._pos], line, column);
    }

    private string ReadWhile(Func<char, bool> accept)
    {
        var start = _pos;
        while (_pos < _text.Length && accept(_text[_pos])) _pos++;
        return _text[start.._pos];
    }

    private string ReadPnPrefix()
    {
        var start = _pos;
        while (_pos < _text.Length && (IsNameChar(_text[_pos]) || (_text[_pos] == '.' && IsNameChar(Peek(1))))) _pos++;
        return _text[start.._pos];
    }

    private string ReadPnLocal()
    {
        var sb = new StringBuilder();
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\\' && "_~.-!$&'()*+,;=/?#@%".Contains(Peek(1))) { sb.Append(Peek(1)); _pos += 2; continue; }
            if (c == '%' && Uri.IsHexDigit(Peek(1)) && Uri.IsHexDigit(Peek(2))) { sb.Append(_text, _pos, 3); _pos += 3; continue; }
            if (IsNameChar(c) || c == ':') { sb.Append(c); _pos++; continue; }
            if (c == '.' && _pos + 1 < _text.Length && (IsNameChar(Peek(1)) || Peek(1) is ':' or '%' or '\\')) { sb.Append(c); _pos++; continue; }
            break;
        }
        return sb.ToString();
    }

    private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_' || char.IsDigit(c) || (c >= 0x00C0 && !char.IsWhiteSpace(c) && !char.IsPunctuation(c));

    private static bool IsNameChar(char c) => IsNameStart(c) || c == '-' || c == 0x00B7 || char.IsSurrogate(c);
}
