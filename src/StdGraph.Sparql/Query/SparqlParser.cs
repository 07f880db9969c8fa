using System.Globalization;
using StdGraph.Rdf;
using StdGraph.Sparql.Syntax;

namespace StdGraph.Sparql.Query;

/// <summary>
/// A recursive-descent parser for the SPARQL 1.1 query subset the embedded engine evaluates. Anything valid but outside
/// that subset raises <see cref="SparqlNotSupportedException"/> naming the feature; updates raise <see cref="SparqlReadOnlyException"/>.
/// </summary>
internal sealed class SparqlParser
{
    private static readonly HashSet<string> SupportedBuiltins = new(StringComparer.OrdinalIgnoreCase)
    {
        "STR", "LANG", "LANGMATCHES", "DATATYPE", "BOUND", "SAMETERM", "ISIRI", "ISURI", "ISBLANK", "ISLITERAL", "ISNUMERIC",
        "REGEX", "CONTAINS", "STRSTARTS", "STRENDS", "STRLEN", "UCASE", "LCASE",
    };

    private static readonly HashSet<string> UnsupportedBuiltins = new(StringComparer.OrdinalIgnoreCase)
    {
        "IRI", "URI", "BNODE", "RAND", "ABS", "CEIL", "FLOOR", "ROUND", "CONCAT", "ENCODE_FOR_URI", "STRBEFORE", "STRAFTER",
        "YEAR", "MONTH", "DAY", "HOURS", "MINUTES", "SECONDS", "TIMEZONE", "TZ", "NOW", "UUID", "STRUUID", "MD5", "SHA1",
        "SHA256", "SHA384", "SHA512", "COALESCE", "IF", "STRLANG", "STRDT", "SUBSTR", "REPLACE", "EXISTS", "NOT",
        "COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT",
    };

    private readonly SparqlLexer _lexer;
    private readonly Dictionary<string, string> _prefixes = new();
    private readonly HashSet<string> _variables = [];
    private string? _base;
    private Token _token;
    private int _freshBlank;

    private SparqlParser(string text, string? baseIri)
    {
        _lexer = new SparqlLexer(text);
        _base = baseIri;
        _token = _lexer.Next();
    }

    public static ParsedQuery Parse(string text, string? baseIri = null) => new SparqlParser(text, baseIri).ParseQuery();

    // ---------------------------------------------------------------- tokens

    private Token Advance()
    {
        var t = _token;
        _token = _lexer.Next();
        return t;
    }

    private SparqlSyntaxException Error(string reason) => new(reason, _token.Line, _token.Column);

    private SparqlSyntaxException Expected(string what) => Error($"expected {what} but found {_token}");

    private void Expect(string punct)
    {
        if (!_token.Is(punct)) throw Expected($"'{punct}'");
        Advance();
    }

    private bool Accept(string punct)
    {
        if (!_token.Is(punct)) return false;
        Advance();
        return true;
    }

    private bool AcceptWord(string word)
    {
        if (!_token.IsWord(word)) return false;
        Advance();
        return true;
    }

    // ---------------------------------------------------------------- query

    private ParsedQuery ParseQuery()
    {
        ParsePrologue();
        if (_token.Kind == TokenKind.Word && IsUpdateKeyword(_token.Text)) throw new SparqlReadOnlyException();
        ParsedQuery query;
        if (AcceptWord("SELECT")) query = ParseSelect();
        else if (AcceptWord("ASK")) query = ParseAsk();
        else if (AcceptWord("CONSTRUCT")) query = ParseConstruct();
        else if (AcceptWord("DESCRIBE")) query = ParseDescribe();
        else throw Expected("SELECT, ASK, CONSTRUCT or DESCRIBE");
        if (_token.IsWord("VALUES")) throw new SparqlNotSupportedException("VALUES");
        if (_token.Is(";") || (_token.Kind == TokenKind.Word && IsUpdateKeyword(_token.Text))) throw new SparqlReadOnlyException();
        if (_token.Kind != TokenKind.End) throw Expected("end of query");
        return query;
    }

    private static bool IsUpdateKeyword(string word) =>
        word.ToUpperInvariant() is "INSERT" or "DELETE" or "LOAD" or "CLEAR" or "CREATE" or "DROP" or "COPY" or "MOVE" or "ADD" or "WITH";

    private void ParsePrologue()
    {
        while (true)
        {
            if (AcceptWord("BASE"))
            {
                if (_token.Kind != TokenKind.Iri) throw Expected("an IRI after BASE");
                _base = ResolveIri(Advance().Text);
            }
            else if (AcceptWord("PREFIX"))
            {
                if (_token.Kind != TokenKind.PName || !_token.Text.EndsWith(':')) throw Expected("a prefix name ending in ':'");
                var prefix = Advance().Text[..^1];
                if (_token.Kind != TokenKind.Iri) throw Expected("an IRI after the prefix");
                _prefixes[prefix] = ResolveIri(Advance().Text);
            }
            else return;
        }
    }

    private ParsedQuery ParseSelect()
    {
        var distinct = AcceptWord("DISTINCT");
        if (!distinct) AcceptWord("REDUCED"); // REDUCED permits but does not require removing duplicates
        List<string>? projection = null;
        if (!Accept("*"))
        {
            projection = [];
            while (_token.Kind == TokenKind.Var || _token.Is("("))
            {
                if (_token.Is("(")) throw new SparqlNotSupportedException("expressions in the SELECT clause ((expr AS ?var))");
                projection.Add(Advance().Text);
            }
            if (projection.Count == 0) throw Expected("variables or '*' after SELECT");
        }
        RejectDataset();
        var where = ParseWhere(required: true);
        var (order, limit, offset) = ParseSolutionModifiers();
        return new ParsedQuery(QueryForm.Select, projection, distinct, where, order, limit, offset, [], [], [.. _variables]);
    }

    private ParsedQuery ParseAsk()
    {
        RejectDataset();
        var where = ParseWhere(required: true);
        var (order, limit, offset) = ParseSolutionModifiers();
        return new ParsedQuery(QueryForm.Ask, null, false, where, order, limit, offset, [], [], [.. _variables]);
    }

    private ParsedQuery ParseConstruct()
    {
        List<TriplePattern> template;
        GraphPattern where;
        if (_token.IsWord("WHERE"))
        {
            // CONSTRUCT WHERE { triples }: the pattern is its own template
            Advance();
            Expect("{");
            template = [];
            if (!_token.Is("}")) ParseTriplesBlock(template, allowPaths: false);
            Expect("}");
            where = new BgpPattern(template);
        }
        else
        {
            Expect("{");
            template = [];
            if (!_token.Is("}")) ParseTriplesBlock(template, allowPaths: false);
            Expect("}");
            RejectDataset();
            where = ParseWhere(required: true);
        }
        var (order, limit, offset) = ParseSolutionModifiers();
        return new ParsedQuery(QueryForm.Construct, null, false, where, order, limit, offset, template, [], [.. _variables]);
    }

    private ParsedQuery ParseDescribe()
    {
        var targets = new List<PatternNode>();
        if (!Accept("*"))
        {
            while (_token.Kind is TokenKind.Var or TokenKind.Iri or TokenKind.PName) targets.Add(ParseVarOrTerm());
            if (targets.Count == 0) throw Expected("variables, IRIs or '*' after DESCRIBE");
        }
        RejectDataset();
        var where = _token.IsWord("WHERE") || _token.Is("{") ? ParseWhere(required: false) : BgpPattern.Empty;
        var (order, limit, offset) = ParseSolutionModifiers();
        if (targets.Count == 0) targets.AddRange(_variables.Where(v => !v.StartsWith("_:", StringComparison.Ordinal)).Select(v => new VarNode(v)));
        return new ParsedQuery(QueryForm.Describe, null, false, where, order, limit, offset, [], targets, [.. _variables]);
    }

    private void RejectDataset()
    {
        if (_token.IsWord("FROM")) throw new SparqlNotSupportedException("FROM / FROM NAMED (the embedded endpoint has one default graph)");
    }

    private GraphPattern ParseWhere(bool required)
    {
        AcceptWord("WHERE");
        if (!_token.Is("{")) throw required ? Expected("'{' starting the WHERE clause") : Expected("'{'");
        return ParseGroupGraphPattern();
    }

    private (List<OrderCondition> Order, long? Limit, long? Offset) ParseSolutionModifiers()
    {
        if (_token.IsWord("GROUP")) throw new SparqlNotSupportedException("GROUP BY and aggregates");
        if (_token.IsWord("HAVING")) throw new SparqlNotSupportedException("HAVING");
        var order = new List<OrderCondition>();
        if (AcceptWord("ORDER"))
        {
            if (!AcceptWord("BY")) throw Expected("BY after ORDER");
            while (true)
            {
                if (_token.IsWord("ASC") || _token.IsWord("DESC"))
                {
                    var descending = Advance().Text.Equals("DESC", StringComparison.OrdinalIgnoreCase);
                    if (!_token.Is("(")) throw Expected("'(' after ASC/DESC");
                    order.Add(new OrderCondition(ParseBracketted(), descending));
                }
                else if (_token.Kind == TokenKind.Var) order.Add(new OrderCondition(new VarExpr(Advance().Text), false));
                else if (_token.Is("(")) order.Add(new OrderCondition(ParseBracketted(), false));
                else if (_token.Kind == TokenKind.Word && !IsModifierKeyword(_token.Text) || _token.Kind is TokenKind.Iri or TokenKind.PName)
                    order.Add(new OrderCondition(ParsePrimary(), false));
                else break;
            }
            if (order.Count == 0) throw Expected("an order condition");
        }
        long? limit = null, offset = null;
        for (var i = 0; i < 2; i++)
        {
            if (AcceptWord("LIMIT")) limit = ParseCount("LIMIT");
            else if (AcceptWord("OFFSET")) offset = ParseCount("OFFSET");
        }
        return (order, limit, offset);
    }

    private static bool IsModifierKeyword(string word) => word.ToUpperInvariant() is "LIMIT" or "OFFSET" or "VALUES";

    private long ParseCount(string what)
    {
        if (_token.Kind != TokenKind.Integer) throw Expected($"a non-negative integer after {what}");
        return long.Parse(Advance().Text, CultureInfo.InvariantCulture);
    }

    // ---------------------------------------------------------------- graph patterns (SPARQL 1.1 §18.2.2)

    private GraphPattern ParseGroupGraphPattern()
    {
        Expect("{");
        if (_token.IsWord("SELECT")) throw new SparqlNotSupportedException("subqueries");
        GraphPattern group = BgpPattern.Empty;
        var filters = new List<Expr>();
        var triples = new List<TriplePattern>();

        void FlushTriples()
        {
            if (triples.Count == 0) return;
            group = Join(group, new BgpPattern([.. triples]));
            triples.Clear();
        }

        while (!_token.Is("}"))
        {
            if (_token.Kind == TokenKind.End) throw Expected("'}'");
            if (_token.IsWord("OPTIONAL"))
            {
                Advance();
                FlushTriples();
                var inner = ParseGroupGraphPattern();
                group = inner is FilterPattern f ? new LeftJoinPattern(group, f.Inner, f.Filter) : new LeftJoinPattern(group, inner, null);
            }
            else if (_token.IsWord("FILTER"))
            {
                Advance();
                filters.Add(ParseConstraint());
            }
            else if (_token.Is("{"))
            {
                FlushTriples();
                var union = ParseGroupGraphPattern();
                while (AcceptWord("UNION")) union = new UnionPattern(union, ParseGroupGraphPattern());
                group = Join(group, union);
            }
            else if (_token.IsWord("MINUS")) throw new SparqlNotSupportedException("MINUS");
            else if (_token.IsWord("GRAPH")) throw new SparqlNotSupportedException("GRAPH (named graphs)");
            else if (_token.IsWord("SERVICE")) throw new SparqlNotSupportedException("SERVICE (federated queries)");
            else if (_token.IsWord("BIND")) throw new SparqlNotSupportedException("BIND");
            else if (_token.IsWord("VALUES")) throw new SparqlNotSupportedException("VALUES");
            else
            {
                ParseTriplesSameSubject(triples, allowPaths: true);
                if (!Accept(".")) { if (!_token.Is("}") && !IsPatternKeyword()) throw Expected("'.' or '}'"); }
                continue;
            }
            Accept(".");
        }
        Advance();
        FlushTriples();
        return filters.Count == 0 ? group : new FilterPattern(filters.Aggregate((a, b) => new BinaryExpr("&&", a, b)), group);
    }

    private bool IsPatternKeyword() =>
        _token.Is("{") || _token.Kind == TokenKind.Word && _token.Text.ToUpperInvariant() is "OPTIONAL" or "FILTER" or "MINUS" or "GRAPH" or "SERVICE" or "BIND" or "VALUES";

    private static GraphPattern Join(GraphPattern left, GraphPattern right) => left switch
    {
        // Join(Z, A) is A, except that a nested group's FILTER must stay inside it: OPTIONAL { { … FILTER } } may not
        // lift the filter into the left join (W3C dawg-optional-filter-005-not-simplified).
        BgpPattern { Triples.Count: 0 } when right is not FilterPattern => right,
        BgpPattern a when right is BgpPattern b => new BgpPattern([.. a.Triples, .. b.Triples]),
        _ => new JoinPattern(left, right),
    };

    private void ParseTriplesBlock(List<TriplePattern> output, bool allowPaths)
    {
        while (true)
        {
            ParseTriplesSameSubject(output, allowPaths);
            if (!Accept(".") || _token.Is("}")) return;
        }
    }

    private void ParseTriplesSameSubject(List<TriplePattern> output, bool allowPaths)
    {
        PatternNode subject;
        if (_token.Is("["))
        {
            subject = ParseBlankNodePropertyList(output, allowPaths);
            if (_token.Is(".") || _token.Is("}")) return;
        }
        else if (_token.Is("("))
        {
            subject = ParseCollection(output, allowPaths);
            if (_token.Is(".") || _token.Is("}")) return;
        }
        else subject = ParseVarOrTerm();
        ParsePropertyList(subject, output, allowPaths);
    }

    private void ParsePropertyList(PatternNode subject, List<TriplePattern> output, bool allowPaths)
    {
        while (true)
        {
            var verb = ParseVerb(allowPaths);
            while (true)
            {
                output.Add(new TriplePattern(subject, verb, ParseObject(output, allowPaths)));
                if (!Accept(",")) break;
            }
            if (!Accept(";")) return;
            while (Accept(";")) { }
            if (_token.Is(".") || _token.Is("]") || _token.Is("}")) return;
        }
    }

    private PatternNode ParseVerb(bool allowPaths)
    {
        if (_token.Kind == TokenKind.Word && _token.Text == "a")
        {
            Advance();
            return CheckNoPath(new TermNode(Vocab.RdfType), allowPaths);
        }
        if (_token.Is("^") || _token.Is("(") || _token.Is("!")) throw new SparqlNotSupportedException("property paths");
        if (_token.Kind is TokenKind.Var) return new VarNode(Note(Advance().Text));
        if (_token.Kind is TokenKind.Iri or TokenKind.PName) return CheckNoPath(new TermNode(ParseIri()), allowPaths);
        throw Expected("a predicate");
    }

    private PatternNode CheckNoPath(PatternNode verb, bool allowPaths)
    {
        if (_token.Is("/") || _token.Is("|") || _token.Is("*") || _token.Is("+") || (_token.Is("?")))
            throw allowPaths ? new SparqlNotSupportedException("property paths") : Error("property paths are not allowed in a template");
        return verb;
    }

    private PatternNode ParseObject(List<TriplePattern> output, bool allowPaths)
    {
        if (_token.Is("[")) return ParseBlankNodePropertyList(output, allowPaths);
        if (_token.Is("(")) return ParseCollection(output, allowPaths);
        return ParseVarOrTerm();
    }

    private PatternNode ParseBlankNodePropertyList(List<TriplePattern> output, bool allowPaths)
    {
        Expect("[");
        var node = FreshBlank();
        if (!_token.Is("]")) ParsePropertyList(node, output, allowPaths);
        Expect("]");
        return node;
    }

    private PatternNode ParseCollection(List<TriplePattern> output, bool allowPaths)
    {
        Expect("(");
        if (Accept(")")) return new TermNode(Vocab.RdfNil);
        var head = FreshBlank();
        var current = head;
        while (true)
        {
            output.Add(new TriplePattern(current, new TermNode(Vocab.RdfFirst), ParseObject(output, allowPaths)));
            if (Accept(")"))
            {
                output.Add(new TriplePattern(current, new TermNode(Vocab.RdfRest), new TermNode(Vocab.RdfNil)));
                return head;
            }
            var next = FreshBlank();
            output.Add(new TriplePattern(current, new TermNode(Vocab.RdfRest), next));
            current = next;
        }
    }

    private VarNode FreshBlank() => new(Note("_:_anon" + _freshBlank++));

    private string Note(string variable)
    {
        _variables.Add(variable);
        return variable;
    }

    private PatternNode ParseVarOrTerm()
    {
        switch (_token.Kind)
        {
            case TokenKind.Var: return new VarNode(Note(Advance().Text));
            case TokenKind.BlankLabel: return new VarNode(Note("_:" + Advance().Text));
            case TokenKind.Punct when _token.Is("["):
                Advance();
                Expect("]");
                return FreshBlank();
            case TokenKind.Iri or TokenKind.PName: return new TermNode(ParseIri());
            default: return new TermNode(ParseLiteral());
        }
    }

    private Iri ParseIri()
    {
        var t = Advance();
        if (t.Kind == TokenKind.Iri) return new Iri(ResolveIri(t.Text));
        if (t.Kind != TokenKind.PName) throw new SparqlSyntaxException($"expected an IRI but found {t}", t.Line, t.Column);
        var colon = t.Text.IndexOf(':');
        var prefix = t.Text[..colon];
        if (!_prefixes.TryGetValue(prefix, out var ns)) throw new SparqlSyntaxException($"undeclared prefix '{prefix}:'", t.Line, t.Column);
        return new Iri(ns + t.Text[(colon + 1)..]); // the lexer has already removed local-name escapes
    }

    private string ResolveIri(string reference)
    {
        if (RelativeIri.HasScheme(reference) || _base is null) return reference;
        return RelativeIri.Resolve(reference, _base);
    }

    private Literal ParseLiteral()
    {
        var t = _token;
        switch (t.Kind)
        {
            case TokenKind.String:
                Advance();
                if (_token.Kind == TokenKind.LangTag) return Literal.LangString(t.Text, Advance().Text);
                if (Accept("^^")) return Literal.Typed(t.Text, ParseIri());
                return Literal.String(t.Text);
            case TokenKind.Integer: Advance(); return Literal.Typed(t.Text, Vocab.XsdInteger);
            case TokenKind.Decimal: Advance(); return Literal.Typed(t.Text, Vocab.XsdDecimal);
            case TokenKind.Double: Advance(); return Literal.Typed(t.Text, Vocab.XsdDouble);
            case TokenKind.Punct when t.Is("+") || t.Is("-"):
                Advance();
                var number = _token;
                if (number.Kind is not (TokenKind.Integer or TokenKind.Decimal or TokenKind.Double)) throw Expected("a number after the sign");
                var literal = ParseLiteral();
                return Literal.Typed((t.Text == "-" ? "-" : "+") + literal.Lexical, literal.Datatype);
            case TokenKind.Word when t.IsWord("true") || t.IsWord("false"):
                Advance();
                return Literal.Typed(t.Text.ToLowerInvariant(), Vocab.XsdBoolean);
            default: throw Expected("a variable, IRI, blank node or literal");
        }
    }

    // ---------------------------------------------------------------- expressions

    private Expr ParseConstraint()
    {
        if (_token.Is("(")) return ParseBracketted();
        if (_token.Kind is TokenKind.Iri or TokenKind.PName) return ParseFunctionCall();
        if (_token.Kind == TokenKind.Word) return ParseBuiltIn();
        throw Expected("'(' or a function call after FILTER");
    }

    private Expr ParseBracketted()
    {
        Expect("(");
        var e = ParseExpression();
        Expect(")");
        return e;
    }

    private Expr ParseExpression()
    {
        var left = ParseAnd();
        while (Accept("||")) left = new BinaryExpr("||", left, ParseAnd());
        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseRelational();
        while (Accept("&&")) left = new BinaryExpr("&&", left, ParseRelational());
        return left;
    }

    private Expr ParseRelational()
    {
        var left = ParseAdditive();
        foreach (var op in new[] { "=", "!=", "<", ">", "<=", ">=" })
            if (Accept(op)) return new BinaryExpr(op, left, ParseAdditive());
        if (_token.IsWord("IN") || _token.IsWord("NOT")) throw new SparqlNotSupportedException("IN / NOT IN");
        return left;
    }

    private Expr ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (true)
        {
            if (Accept("+")) left = new BinaryExpr("+", left, ParseMultiplicative());
            else if (Accept("-")) left = new BinaryExpr("-", left, ParseMultiplicative());
            else return left;
        }
    }

    private Expr ParseMultiplicative()
    {
        var left = ParseUnary();
        while (true)
        {
            if (Accept("*")) left = new BinaryExpr("*", left, ParseUnary());
            else if (Accept("/")) left = new BinaryExpr("/", left, ParseUnary());
            else return left;
        }
    }

    private Expr ParseUnary()
    {
        if (Accept("!")) return new UnaryExpr("!", ParseUnary());
        if (Accept("+")) return new UnaryExpr("+", ParseUnary());
        if (Accept("-")) return new UnaryExpr("-", ParseUnary());
        return ParsePrimary();
    }

    private Expr ParsePrimary()
    {
        switch (_token.Kind)
        {
            case TokenKind.Punct when _token.Is("("): return ParseBracketted();
            case TokenKind.Var: return new VarExpr(Advance().Text);
            case TokenKind.Iri or TokenKind.PName: return ParseFunctionCall();
            case TokenKind.Word when _token.IsWord("true") || _token.IsWord("false"): return new ConstExpr(ParseLiteral());
            case TokenKind.Word: return ParseBuiltIn();
            default: return new ConstExpr(ParseLiteral());
        }
    }

    private Expr ParseFunctionCall()
    {
        var iri = ParseIri();
        if (!_token.Is("(")) return new ConstExpr(iri);
        throw new SparqlNotSupportedException($"the function <{iri.Value}> (casts and extension functions)");
    }

    private Expr ParseBuiltIn()
    {
        var name = _token.Text.ToUpperInvariant();
        if (UnsupportedBuiltins.Contains(name)) throw new SparqlNotSupportedException($"the function {name}");
        if (!SupportedBuiltins.Contains(name)) throw Expected("an expression");
        Advance();
        Expect("(");
        var args = new List<Expr>();
        if (name == "BOUND")
        {
            if (_token.Kind != TokenKind.Var) throw Expected("a variable in BOUND");
            args.Add(new VarExpr(Advance().Text));
        }
        else if (!_token.Is(")"))
        {
            args.Add(ParseExpression());
            while (Accept(",")) args.Add(ParseExpression());
        }
        Expect(")");
        var (min, max) = name switch
        {
            "REGEX" => (2, 3),
            "LANGMATCHES" or "SAMETERM" or "CONTAINS" or "STRSTARTS" or "STRENDS" => (2, 2),
            _ => (1, 1),
        };
        if (args.Count < min || args.Count > max) throw Error($"{name} takes {(min == max ? min.ToString(CultureInfo.InvariantCulture) : $"{min} or {max}")} arguments, not {args.Count}");
        return new CallExpr(name == "ISURI" ? "ISIRI" : name, args);
    }
}
