using StdGraph.Rdf;

namespace StdGraph.Sparql.Query;

/// <summary>A position in a triple pattern: a variable or a fixed term.</summary>
internal abstract record PatternNode;

/// <summary>A variable. Blank nodes in a query pattern become variables that are never projected (names start with "_:").</summary>
internal sealed record VarNode(string Name) : PatternNode
{
    public bool IsBlank => Name.StartsWith("_:", StringComparison.Ordinal);
}

internal sealed record TermNode(Term Term) : PatternNode;

internal sealed record TriplePattern(PatternNode Subject, PatternNode Predicate, PatternNode Obj);

internal abstract record GraphPattern;

internal sealed record BgpPattern(IReadOnlyList<TriplePattern> Triples) : GraphPattern
{
    public static readonly BgpPattern Empty = new([]);
}

internal sealed record JoinPattern(GraphPattern Left, GraphPattern Right) : GraphPattern;

internal sealed record LeftJoinPattern(GraphPattern Left, GraphPattern Right, Expr? Filter) : GraphPattern;

internal sealed record UnionPattern(GraphPattern Left, GraphPattern Right) : GraphPattern;

internal sealed record FilterPattern(Expr Filter, GraphPattern Inner) : GraphPattern;

internal abstract record Expr;

internal sealed record VarExpr(string Name) : Expr;

internal sealed record ConstExpr(Term Value) : Expr;

internal sealed record UnaryExpr(string Op, Expr Arg) : Expr;

internal sealed record BinaryExpr(string Op, Expr Left, Expr Right) : Expr;

/// <summary>A built-in call by upper-case keyword (REGEX, STR, …).</summary>
internal sealed record CallExpr(string Name, IReadOnlyList<Expr> Args) : Expr;

internal sealed record OrderCondition(Expr Expr, bool Descending);

internal enum QueryForm { Select, Ask, Construct, Describe }

internal sealed record ParsedQuery(
    QueryForm Form,
    IReadOnlyList<string>? Projection,
    bool Distinct,
    GraphPattern Where,
    IReadOnlyList<OrderCondition> OrderBy,
    long? Limit,
    long? Offset,
    IReadOnlyList<TriplePattern> Template,
    IReadOnlyList<PatternNode> DescribeTargets,
    IReadOnlyList<string> PatternVariables);
