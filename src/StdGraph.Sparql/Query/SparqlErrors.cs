namespace StdGraph.Sparql.Query;

/// <summary>The query uses a SPARQL feature the embedded engine does not evaluate; the message names it.</summary>
public sealed class SparqlNotSupportedException(string feature)
    : Exception($"The embedded SPARQL engine does not support {feature}. Supported: SELECT, ASK, CONSTRUCT, DESCRIBE with basic graph patterns, FILTER, OPTIONAL, UNION, ORDER BY, DISTINCT, LIMIT/OFFSET.")
{
    public string Feature { get; } = feature;
}

/// <summary>An update (INSERT, DELETE, LOAD, CLEAR, …) was sent to a read-only endpoint.</summary>
public sealed class SparqlReadOnlyException()
    : Exception("This SPARQL endpoint is read-only: updates (INSERT, DELETE, LOAD, CLEAR, CREATE, DROP, COPY, MOVE, ADD) are refused.");

/// <summary>The query text is not valid SPARQL; line and column point at the problem.</summary>
public sealed class SparqlSyntaxException(string reason, int line, int column)
    : Exception($"SPARQL syntax error at line {line}, column {column}: {reason}")
{
    public string Reason { get; } = reason;
    public int Line { get; } = line;
    public int Column { get; } = column;
}

/// <summary>A query hit a guard: it ran longer than the time limit or produced more results than the cap.</summary>
public sealed class SparqlQueryLimitException(string message) : Exception(message);
