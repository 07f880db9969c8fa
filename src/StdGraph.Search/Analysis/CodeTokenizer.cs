using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using StdGraph.Core.Codes;

namespace StdGraph.Search.Analysis;

/// <summary>
/// Turns a field value holding one standard code into its <see cref="CodeKeys"/>, all at one position and spanning the
/// code's text. Text that is not a code falls back to lower-cased letter-or-digit runs, so nothing is silently dropped.
/// </summary>
internal sealed class CodeTokenizer : Tokenizer
{
    private const int MaxInput = 4096;

    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _position;
    private readonly List<(string Text, int Start, int End, int Increment)> _tokens = [];
    private int _next;
    private int _finalOffset;

    public CodeTokenizer(TextReader input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_next >= _tokens.Count) return false;
        ClearAttributes();
        var (text, start, end, increment) = _tokens[_next++];
        _term.SetEmpty().Append(text);
        _offset.SetOffset(CorrectOffset(start), CorrectOffset(end));
        _position.PositionIncrement = increment;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        var buffer = new char[MaxInput];
        var length = 0;
        int read;
        while (length < MaxInput && (read = m_input.Read(buffer, length, MaxInput - length)) > 0) length += read;
        // Drain anything longer than a code can be, so the final offset stays honest.
        var total = length;
        var sink = new char[1024];
        while ((read = m_input.Read(sink, 0, sink.Length)) > 0) total += read;
        _finalOffset = total;
        _tokens.Clear();
        _next = 0;
        Tokenise(new string(buffer, 0, length));
    }

    public override void End()
    {
        base.End();
        var final = CorrectOffset(_finalOffset);
        _offset.SetOffset(final, final);
    }

    private void Tokenise(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (start == end) return;

        if (StandardCode.TryParse(text[start..end], out var code, out _))
        {
            var increment = 1;
            foreach (var key in CodeKeys.ForIndexedCode(code))
            {
                _tokens.Add((key, start, end, increment));
                increment = 0;
            }

            return;
        }

        var i = start;
        while (i < end)
        {
            while (i < end && !char.IsLetterOrDigit(text[i])) i++;
            var wordStart = i;
            while (i < end && char.IsLetterOrDigit(text[i])) i++;
            // A surrogate pair split by the scan would leave a lone half; keep pairs whole.
            if (i < end && char.IsLowSurrogate(text[i])) i++;
            if (i > wordStart) _tokens.Add((text[wordStart..i].ToLowerInvariant(), wordStart, i, 1));
        }
    }
}

/// <summary>The analyzer of the <c>code</c> fields: one standard code per value, see <see cref="CodeTokenizer"/>.</summary>
internal sealed class CodeAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new CodeTokenizer(reader));
}
