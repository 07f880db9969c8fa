using StdGraph.Rdf.Syntax;

namespace StdGraph.Rdf;

/// <summary>
/// Streaming Turtle 1.1 reader. Triples are yielded after each statement, so memory stays flat for large files.
/// Prefixes and the base IRI in effect are available through <see cref="Prefixes"/> and <see cref="BaseIri"/>.
/// </summary>
public sealed class TurtleReader
{
    private readonly Scanner _scanner;
    private readonly CharSource _source;
    private readonly Dictionary<string, string> _prefixes = new(StringComparer.Ordinal);
    private readonly BlankNodeAllocator _blankNodes = new();
    private readonly Queue<Triple> _pending = new();

    public TurtleReader(TextReader reader, string? baseIri = null)
    {
        _scanner = new Scanner(reader);
        _source = _scanner.Source;
        BaseIri = baseIri;
    }

    public IReadOnlyDictionary<string, string> Prefixes => _prefixes;

    public string? BaseIri { get; private set; }

    public static IReadOnlyList<Triple> Parse(string text, string? baseIri = null) =>
        new TurtleReader(new StringReader(text), baseIri).Read().ToList();

    public IEnumerable<Triple> Read()
    {
        while (true)
        {
            _scanner.SkipSpace();
            if (_source.Peek() == CharSource.Eof) yield break;
            ReadStatement();
            while (_pending.Count > 0) yield return _pending.Dequeue();
        }
    }

    private void ReadStatement()
    {
        if (_source.Peek() == '@')
        {
            if (_source.LookingAt("@prefix") && !IsNameContinuation(7)) { _source.Skip(7); ReadPrefixDirective(requireDot: true); return; }
            if (_source.LookingAt("@base") && !IsNameContinuation(5)) { _source.Skip(5); ReadBaseDirective(requireDot: true); return; }
            throw _scanner.Error("unknown directive (expected @prefix or @base)");
        }
        if (_source.LookingAt("PREFIX", ignoreCase: true) && !IsNameContinuation(6)) { _source.Skip(6); ReadPrefixDirective(requireDot: false); return; }
        if (_source.LookingAt("BASE", ignoreCase: true) && !IsNameContinuation(4)) { _source.Skip(4); ReadBaseDirective(requireDot: false); return; }

        ReadTriples();
        _scanner.SkipSpace();
        _scanner.Expect('.', "'.' at the end of the statement");
    }

    private bool IsNameContinuation(int offset)
    {
        var c = _source.PeekCodePoint(offset, out _);
        return CharClasses.IsPnChars(c) || c is ':' or '.';
    }

    private void ReadPrefixDirective(bool requireDot)
    {
        _scanner.SkipSpace();
        var prefix = ReadPrefixName();
        _scanner.Expect(':', "':' after the prefix name");
        _scanner.SkipSpace();
        _prefixes[prefix] = ReadIriRefResolved();
        if (requireDot)
        {
            _scanner.SkipSpace();
            _scanner.Expect('.', "'.' after @prefix");
        }
    }

    private void ReadBaseDirective(bool requireDot)
    {
        _scanner.SkipSpace();
        BaseIri = ReadIriRefResolved();
        if (requireDot)
        {
            _scanner.SkipSpace();
            _scanner.Expect('.', "'.' after @base");
        }
    }

    private void ReadTriples()
    {
        if (_source.Peek() == '[')
        {
            var subject = ReadBracket(out var hadProperties);
            _scanner.SkipSpace();
            if (!hadProperties || _source.Peek() != '.') ReadPredicateObjectList(subject);
            return;
        }
        var s = ReadSubject();
        _scanner.SkipSpace();
        ReadPredicateObjectList(s);
    }

    private Term ReadSubject()
    {
        var c = _source.Peek();
        return c switch
        {
            '<' => ReadIri(),
            '_' when _source.Peek(1) == ':' => ReadLabelledBlankNode(),
            '(' => ReadCollection(),
            '"' or '\'' or '+' or '-' or '.' or (>= '0' and <= '9') => throw _scanner.Error("a literal cannot be a subject"),
            _ when c == ':' || CharClasses.IsPnCharsBase(_source.PeekCodePoint(0, out _)) => ReadPrefixedNameOrKeyword(allowBoolean: false),
            _ => throw _scanner.Unexpected("a subject"),
        };
    }

    private void ReadPredicateObjectList(Term subject)
    {
        ReadVerbAndObjects(subject);
        while (true)
        {
            _scanner.SkipSpace();
            if (_source.Peek() != ';') return;
            while (_source.Peek() == ';')
            {
                _source.Read();
                _scanner.SkipSpace();
            }
            if (_source.Peek() is '.' or ']' or CharSource.Eof) return;
            ReadVerbAndObjects(subject);
        }
    }

    private void ReadVerbAndObjects(Term subject)
    {
        var predicate = ReadVerb();
        _scanner.SkipSpace();
        while (true)
        {
            var obj = ReadObject();
            _pending.Enqueue(new Triple(subject, predicate, obj));
            _scanner.SkipSpace();
            if (_source.Peek() != ',') return;
            _source.Read();
            _scanner.SkipSpace();
        }
    }

    private Iri ReadVerb()
    {
        if (_source.Peek() == 'a' && !IsPrefixedNameAfter(1))
        {
            _source.Read();
            return Vocab.RdfType;
        }
        var c = _source.Peek();
        if (c == '<') return ReadIri();
        if (c == ':' || CharClasses.IsPnCharsBase(_source.PeekCodePoint(0, out _)))
        {
            if (ReadPrefixedNameOrKeyword(allowBoolean: false) is Iri iri) return iri;
        }
        throw _scanner.Unexpected("a predicate (IRI, prefixed name or 'a')");
    }

    private bool IsPrefixedNameAfter(int offset)
    {
        var c = _source.PeekCodePoint(offset, out _);
        if (CharClasses.IsPnChars(c) || c == ':') return true;
        if (c != '.') return false;
        var next = _source.PeekCodePoint(offset + 1, out _);
        return CharClasses.IsPnChars(next) || next is '.' or ':';
    }

    private Term ReadObject()
    {
        var c = _source.Peek();
        switch (c)
        {
            case '<': return ReadIri();
            case '_' when _source.Peek(1) == ':': return ReadLabelledBlankNode();
            case '[': return ReadBracket(out _);
            case '(': return ReadCollection();
            case '"' or '\'': return ReadRdfLiteral();
            case '+' or '-' or (>= '0' and <= '9'): return ReadNumber();
            case '.' when CharClasses.IsDigit(_source.Peek(1)): return ReadNumber();
        }
        if (c == ':' || CharClasses.IsPnCharsBase(_source.PeekCodePoint(0, out _)))
            return ReadPrefixedNameOrKeyword(allowBoolean: true);
        throw _scanner.Unexpected("an object");
    }

    /// <summary>'[' ... ']': either ANON or a blank node property list whose triples are queued.</summary>
    private BlankNode ReadBracket(out bool hadProperties)
    {
        using var nesting = Nest();
        _scanner.Expect('[', "'['");
        var node = _blankNodes.Fresh();
        _scanner.SkipSpace();
        hadProperties = _source.Peek() != ']';
        if (hadProperties)
        {
            ReadPredicateObjectList(node);
            _scanner.SkipSpace();
        }
        _scanner.Expect(']', "']'");
        return node;
    }

    private Term ReadCollection()
    {
        using var nesting = Nest();
        _scanner.Expect('(', "'('");
        Term head = Vocab.RdfNil;
        BlankNode? last = null;
        while (true)
        {
            _scanner.SkipSpace();
            if (_source.Peek() == ')') { _source.Read(); return head; }
            var cell = _blankNodes.Fresh();
            if (last is null) head = cell;
            else _pending.Enqueue(new Triple(last, Vocab.RdfRest, cell));
            var item = ReadObject();
            _pending.Enqueue(new Triple(cell, Vocab.RdfFirst, item));
            last = cell;
            _scanner.SkipSpace();
            if (_source.Peek() == ')')
            {
                _source.Read();
                _pending.Enqueue(new Triple(last, Vocab.RdfRest, Vocab.RdfNil));
                return head;
            }
        }
    }

    /// <summary>Collections and blank node property lists may nest this deep; deeper input is an error, not a stack overflow.</summary>
    internal const int MaxNesting = 512;

    private int _nesting;

    private NestingScope Nest()
    {
        if (_nesting >= MaxNesting) throw _scanner.Error($"collections and blank node property lists nest deeper than {MaxNesting} levels");
        _nesting++;
        return new NestingScope(this);
    }

    private readonly struct NestingScope(TurtleReader reader) : IDisposable
    {
        public void Dispose() => reader._nesting--;
    }

    private BlankNode ReadLabelledBlankNode() => _blankNodes.ForLabel(_scanner.ReadBlankNodeLabel());

    private Literal ReadRdfLiteral()
    {
        var lexical = _scanner.ReadString(allowLongAndSingleQuotes: true);
        if (_source.Peek() == '@')
        {
            _source.Read();
            return Literal.LangString(lexical, _scanner.ReadLangTag());
        }
        if (_source.Peek() == '^' && _source.Peek(1) == '^')
        {
            _source.Skip(2);
            _scanner.SkipSpace();
            var c = _source.Peek();
            if (c == '<') return Literal.Typed(lexical, ReadIri());
            if ((c == ':' || CharClasses.IsPnCharsBase(_source.PeekCodePoint(0, out _)))
                && ReadPrefixedNameOrKeyword(allowBoolean: false) is Iri datatype)
                return Literal.Typed(lexical, datatype);
            throw _scanner.Unexpected("a datatype IRI after '^^'");
        }
        return Literal.String(lexical);
    }

    private Literal ReadNumber()
    {
        var text = _scanner.Text;
        text.Clear();
        if (_source.Peek() is '+' or '-') text.Append((char)_source.Read());
        var digits = CopyDigits();
        var isDecimal = false;
        var isDouble = false;
        if (_source.Peek() == '.' && (CharClasses.IsDigit(_source.Peek(1)) || (digits > 0 && IsExponentAt(1))))
        {
            text.Append((char)_source.Read());
            digits += CopyDigits();
            isDecimal = true;
        }
        if (digits == 0) throw _scanner.Unexpected("a digit");
        if (_source.Peek() is 'e' or 'E')
        {
            if (!IsExponentAt(0)) throw _scanner.Error("malformed exponent");
            text.Append((char)_source.Read());
            if (_source.Peek() is '+' or '-') text.Append((char)_source.Read());
            CopyDigits();
            isDouble = true;
        }
        var lexical = text.ToString();
        return Literal.Typed(lexical, isDouble ? Vocab.XsdDouble : isDecimal ? Vocab.XsdDecimal : Vocab.XsdInteger);
    }

    private bool IsExponentAt(int offset)
    {
        if (_source.Peek(offset) is not ('e' or 'E')) return false;
        var next = _source.Peek(offset + 1);
        if (next is '+' or '-') next = _source.Peek(offset + 2);
        return CharClasses.IsDigit(next);
    }

    private int CopyDigits()
    {
        var n = 0;
        while (CharClasses.IsDigit(_source.Peek()))
        {
            _scanner.Text.Append((char)_source.Read());
            n++;
        }
        return n;
    }

    private Iri ReadIri()
    {
        if (_source.Peek() == '<') return new Iri(ReadIriRefResolved());
        if (ReadPrefixedNameOrKeyword(allowBoolean: false) is Iri iri) return iri;
        throw _scanner.Unexpected("an IRI");
    }

    private string ReadIriRefResolved()
    {
        var line = _source.Line;
        var column = _source.Column;
        var value = _scanner.ReadIriRef();
        if (IriResolver.HasScheme(value)) return IriResolver.Resolve(value, null);
        if (BaseIri is null) throw new RdfSyntaxException($"relative IRI <{value}> but no base IRI is set", line, column);
        return IriResolver.Resolve(value, BaseIri);
    }

    /// <summary>PN_PREFIX? (may be empty); the ':' is left for the caller.</summary>
    private string ReadPrefixName()
    {
        var text = _scanner.Text;
        text.Clear();
        var first = _source.PeekCodePoint(0, out var width);
        if (first == ':') return "";
        if (!CharClasses.IsPnCharsBase(first)) throw _scanner.Unexpected("a prefix name");
        _scanner.CopyUnits(width);
        _scanner.ReadNameTail(CharClasses.IsPnChars);
        return text.ToString();
    }

    private Term ReadPrefixedNameOrKeyword(bool allowBoolean)
    {
        var line = _source.Line;
        var column = _source.Column;
        var prefix = ReadPrefixName();
        if (_source.Peek() != ':')
        {
            if (allowBoolean && prefix is "true" or "false") return Literal.Boolean(prefix == "true");
            throw new RdfSyntaxException($"unexpected word '{prefix}' (a prefixed name needs ':')", line, column);
        }
        _source.Read();
        var local = ReadLocalName();
        if (!_prefixes.TryGetValue(prefix, out var ns))
            throw new RdfSyntaxException($"undefined prefix '{prefix}:'", line, column);
        return new Iri(ns + local);
    }

    private string ReadLocalName()
    {
        var text = _scanner.Text;
        text.Clear();
        var first = true;
        while (true)
        {
            var cp = _source.PeekCodePoint(0, out var width);
            if (first ? CharClasses.IsPnCharsU(cp) || CharClasses.IsDigit(cp) || cp == ':' : CharClasses.IsPnChars(cp) || cp == ':')
            {
                _scanner.CopyUnits(width);
            }
            else if (cp == '%')
            {
                if (!CharClasses.IsHex(_source.Peek(1)) || !CharClasses.IsHex(_source.Peek(2))) throw _scanner.Error("'%' must be followed by two hexadecimal digits");
                _scanner.CopyUnits(3);
            }
            else if (cp == '\\')
            {
                if (!CharClasses.IsLocalNameEscapable(_source.Peek(1))) throw _scanner.Error("invalid escape in a local name");
                _source.Read();
                _scanner.CopyUnits(1);
            }
            else if (cp == '.' && !first)
            {
                var dots = 1;
                while (_source.Peek(dots) == '.') dots++;
                var after = _source.PeekCodePoint(dots, out _);
                if (!(CharClasses.IsPnChars(after) || after is ':' or '%' or '\\')) break;
                _scanner.CopyUnits(dots);
            }
            else
            {
                break;
            }
            first = false;
        }
        return text.ToString();
    }
}
