namespace StdGraph.Rdf;

/// <summary>Malformed Turtle or N-Triples. Line and column are 1-based and point at the offending character.</summary>
public sealed class RdfSyntaxException : FormatException
{
    public RdfSyntaxException(string message, int line, int column)
        : base($"{message} (line {line}, column {column})")
    {
        Reason = message;
        Line = line;
        Column = column;
    }

    public string Reason { get; }
    public int Line { get; }
    public int Column { get; }
}
