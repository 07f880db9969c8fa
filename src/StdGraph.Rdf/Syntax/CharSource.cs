namespace StdGraph.Rdf.Syntax;

/// <summary>
/// Reads a <see cref="TextReader"/> through a small buffer with arbitrary lookahead and tracks the
/// line and column of the next character, so parsers can stream and still report exact positions.
/// </summary>
internal sealed class CharSource
{
    public const int Eof = -1;
    private readonly TextReader _reader;
    private char[] _buffer = new char[8192];
    private int _start;
    private int _end;
    private bool _readerDone;

    public CharSource(TextReader reader) => _reader = reader;

    public int Line { get; private set; } = 1;
    public int Column { get; private set; } = 1;

    /// <summary>The UTF-16 unit <paramref name="offset"/> positions ahead, or <see cref="Eof"/>.</summary>
    public int Peek(int offset = 0)
    {
        if (_start + offset >= _end && !Fill(offset + 1)) return Eof;
        return _buffer[_start + offset];
    }

    /// <summary>The code point at <paramref name="offset"/> and how many UTF-16 units it takes.</summary>
    public int PeekCodePoint(int offset, out int width)
    {
        width = 1;
        var c = Peek(offset);
        if (c == Eof || !char.IsHighSurrogate((char)c)) return c;
        var low = Peek(offset + 1);
        if (low == Eof || !char.IsLowSurrogate((char)low)) return c;
        width = 2;
        return char.ConvertToUtf32((char)c, (char)low);
    }

    public int Read()
    {
        var c = Peek();
        if (c == Eof) return Eof;
        _start++;
        if (c == '\n') { Line++; Column = 1; }
        else if (!char.IsLowSurrogate((char)c)) Column++;
        return c;
    }

    public void Skip(int count)
    {
        for (var i = 0; i < count; i++) Read();
    }

    /// <summary>True when the next characters are exactly <paramref name="text"/> (optionally ignoring ASCII case).</summary>
    public bool LookingAt(string text, bool ignoreCase = false)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = Peek(i);
            if (c == Eof) return false;
            if (ignoreCase ? char.ToLowerInvariant((char)c) != char.ToLowerInvariant(text[i]) : c != text[i]) return false;
        }
        return true;
    }

    private bool Fill(int needed)
    {
        while (_end - _start < needed)
        {
            if (_readerDone) return false;
            if (_start > 0 && _start == _end) { _start = _end = 0; }
            if (_end == _buffer.Length)
            {
                if (_start > 0)
                {
                    Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                    _end -= _start;
                    _start = 0;
                }
                else
                {
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }
            }
            var n = _reader.Read(_buffer, _end, _buffer.Length - _end);
            if (n <= 0) { _readerDone = true; return _end - _start >= needed; }
            _end += n;
        }
        return true;
    }
}
