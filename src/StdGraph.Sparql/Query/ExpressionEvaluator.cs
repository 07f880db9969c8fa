using System.Globalization;
using System.Text.RegularExpressions;
using StdGraph.Rdf;

namespace StdGraph.Sparql.Query;

/// <summary>
/// SPARQL expression semantics (§17): a null result is a type error, which FILTER treats as false and which the
/// logical operators absorb where the truth table allows.
/// </summary>
internal static partial class ExpressionEvaluator
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    private enum NumericKind { Integer, Decimal, Float, Double }

    private static readonly HashSet<string> IntegerTypes =
    [
        "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "negativeInteger",
        "nonPositiveInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte",
    ];

    public static bool Filter(Expr expr, IReadOnlyDictionary<string, Term> row) =>
        Evaluate(expr, row) is { } value && EffectiveBoolean(value) == true;

    public static Term? Evaluate(Expr expr, IReadOnlyDictionary<string, Term> row)
    {
        switch (expr)
        {
            case VarExpr v: return row.TryGetValue(v.Name, out var t) ? t : null;
            case ConstExpr c: return c.Value;
            case UnaryExpr u: return Unary(u, row);
            case BinaryExpr b: return Binary(b, row);
            case CallExpr call: return Call(call, row);
            default: throw new InvalidOperationException("unknown expression " + expr.GetType().Name);
        }
    }

    /// <summary>Effective boolean value (§17.2.2); null when it is a type error.</summary>
    public static bool? EffectiveBoolean(Term term)
    {
        if (term is not Literal l) return null;
        if (l.Datatype == Vocab.XsdBoolean) return l.Lexical is "true" or "1" ? true : l.Lexical is "false" or "0" ? false : false;
        if (l.Language is null && l.Datatype == Vocab.XsdString) return l.Lexical.Length > 0;
        if (Numeric(l) is { } n) return n.Kind is NumericKind.Float or NumericKind.Double ? n.Double != 0 && !double.IsNaN(n.Double) : n.Decimal != 0;
        if (IsNumericType(l.Datatype)) return false; // ill-typed numeric
        return null;
    }

    private static Term? Unary(UnaryExpr u, IReadOnlyDictionary<string, Term> row)
    {
        var arg = Evaluate(u.Arg, row);
        if (arg is null) return null;
        if (u.Op == "!") return EffectiveBoolean(arg) is { } b ? Literal.Boolean(!b) : null;
        if (arg is not Literal l || Numeric(l) is not { } n) return null;
        return u.Op == "+" ? ToLiteral(n) : ToLiteral(n with { Decimal = -n.Decimal, Double = -n.Double });
    }

    private static Term? Binary(BinaryExpr b, IReadOnlyDictionary<string, Term> row)
    {
        if (b.Op is "||" or "&&")
        {
            var left = Evaluate(b.Left, row) is { } l ? EffectiveBoolean(l) : null;
            var right = Evaluate(b.Right, row) is { } r ? EffectiveBoolean(r) : null;
            if (b.Op == "||")
            {
                if (left == true || right == true) return Literal.Boolean(true);
                return left == false && right == false ? Literal.Boolean(false) : null;
            }
            if (left == false || right == false) return Literal.Boolean(false);
            return left == true && right == true ? Literal.Boolean(true) : null;
        }
        var a = Evaluate(b.Left, row);
        var c = Evaluate(b.Right, row);
        if (a is null || c is null) return null;
        switch (b.Op)
        {
            case "=": return Equal(a, c) is { } eq ? Literal.Boolean(eq) : null;
            case "!=": return Equal(a, c) is { } ne ? Literal.Boolean(!ne) : null;
            case "<": return Compare(a, c) is { } lt ? Literal.Boolean(lt < 0) : null;
            case ">": return Compare(a, c) is { } gt ? Literal.Boolean(gt > 0) : null;
            case "<=": return Compare(a, c) is { } le ? Literal.Boolean(le <= 0) : null;
            case ">=": return Compare(a, c) is { } ge ? Literal.Boolean(ge >= 0) : null;
            default: return Arithmetic(b.Op, a, c);
        }
    }

    // ---------------------------------------------------------------- comparison

    /// <summary>Value equality where the types are known, RDF term equality otherwise; null is a type error.</summary>
    public static bool? Equal(Term a, Term b)
    {
        if (a is not Literal la || b is not Literal lb) return a == b;
        var na = Numeric(la);
        var nb = Numeric(lb);
        if (na is not null && nb is not null) return CompareNumbers(na.Value, nb.Value) == 0;
        if (IsSimpleOrString(la) && IsSimpleOrString(lb)) return la.Lexical == lb.Lexical;
        if (la.Language is not null && lb.Language is not null) return la.Lexical == lb.Lexical && la.Language == lb.Language;
        if (la.Datatype == Vocab.XsdBoolean && lb.Datatype == Vocab.XsdBoolean && Bool(la) is { } ba && Bool(lb) is { } bb) return ba == bb;
        if (CompareTemporal(la, lb) is { } temporal) return temporal == 0;
        if (la == lb) return true;
        // A language-tagged string equals only itself. Two valid values of different known types can never be equal.
        // Anything else (an unknown datatype, an ill-typed value) is a type error, not "unequal" (RDFterm-equal, §17.4.1.7).
        if (la.Language is not null || lb.Language is not null) return false;
        var ka = KnownKind(la);
        var kb = KnownKind(lb);
        return ka is not null && kb is not null && ka != kb ? false : null;
    }

    /// <summary>The order of the <c>&lt;</c> operator; null when the two values cannot be compared.</summary>
    public static int? Compare(Term a, Term b)
    {
        if (a is not Literal la || b is not Literal lb) return null;
        var na = Numeric(la);
        var nb = Numeric(lb);
        if (na is not null && nb is not null) return CompareNumbers(na.Value, nb.Value);
        if (IsSimpleOrString(la) && IsSimpleOrString(lb)) return Math.Sign(string.CompareOrdinal(la.Lexical, lb.Lexical));
        if (la.Datatype == Vocab.XsdBoolean && lb.Datatype == Vocab.XsdBoolean && Bool(la) is { } ba && Bool(lb) is { } bb) return ba.CompareTo(bb);
        return CompareTemporal(la, lb);
    }

    /// <summary>
    /// xsd:dateTime with xsd:dateTime, xsd:date with xsd:date (XSD §3.2.7.4): a value without a timezone is compared as
    /// UTC only when the answer holds for every timezone (±14 h); otherwise the comparison is indeterminate (null).
    /// </summary>
    private static int? CompareTemporal(Literal a, Literal b)
    {
        var isDateTime = a.Datatype == Vocab.XsdDateTime && b.Datatype == Vocab.XsdDateTime;
        var isDate = a.Datatype == Vocab.XsdDate && b.Datatype == Vocab.XsdDate;
        if (!isDateTime && !isDate) return null;
        if (Temporal(a.Lexical, isDate) is not { } x || Temporal(b.Lexical, isDate) is not { } y) return null;
        if (x.HasZone == y.HasZone) return x.Utc.CompareTo(y.Utc);
        var difference = (x.Utc - y.Utc).Duration();
        return difference > TimeSpan.FromHours(14) ? x.Utc.CompareTo(y.Utc) : null;
    }

    private static (System.DateTime Utc, bool HasZone)? Temporal(string lexical, bool dateOnly)
    {
        var m = TemporalPattern().Match(lexical.Trim());
        if (!m.Success || (dateOnly != !m.Groups["time"].Success)) return null;
        try
        {
            var value = new System.DateTime(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["mo"].Value, CultureInfo.InvariantCulture),
                int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture), 0, 0, 0, DateTimeKind.Utc);
            if (m.Groups["time"].Success)
            {
                var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
                var seconds = decimal.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture);
                if (hour == 24 && (m.Groups["mi"].Value != "00" || seconds != 0)) return null;
                value = value.AddHours(hour).AddMinutes(int.Parse(m.Groups["mi"].Value, CultureInfo.InvariantCulture)).AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
            }
            var zone = m.Groups["z"].Value;
            if (zone is "Z" or "") return (value, zone == "Z");
            var offset = new TimeSpan(int.Parse(zone[1..3], CultureInfo.InvariantCulture), int.Parse(zone[4..6], CultureInfo.InvariantCulture), 0);
            return (zone[0] == '-' ? value + offset : value - offset, true);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^(?<y>-?\d{4,})-(?<mo>\d{2})-(?<d>\d{2})(?<time>T(?<h>\d{2}):(?<mi>\d{2}):(?<s>\d{2}(\.\d+)?))?(?<z>Z|[+-]\d{2}:\d{2})?$")]
    private static partial Regex TemporalPattern();

    /// <summary>ORDER BY order (§15.1): unbound, blank nodes, IRIs, literals; literals by value where comparable.</summary>
    public static int OrderCompare(Term? a, Term? b)
    {
        static int Rank(Term? t) => t switch { null => 0, BlankNode => 1, Iri => 2, _ => 3 };
        var ra = Rank(a);
        var rb = Rank(b);
        if (ra != rb) return ra.CompareTo(rb);
        switch (a)
        {
            case null: return 0;
            case BlankNode x: return string.CompareOrdinal(x.Label, ((BlankNode)b!).Label);
            case Iri x: return string.CompareOrdinal(x.Value, ((Iri)b!).Value);
        }
        var la = (Literal)a;
        var lb = (Literal)b!;
        if (Compare(la, lb) is { } c && c != 0) return c;
        // Simple literals before other literals, then a stable order by lexical form, datatype and language.
        var sa = la.Language is null && la.Datatype == Vocab.XsdString ? 0 : 1;
        var sb = lb.Language is null && lb.Datatype == Vocab.XsdString ? 0 : 1;
        if (sa != sb) return sa.CompareTo(sb);
        var byLexical = string.CompareOrdinal(la.Lexical, lb.Lexical);
        if (byLexical != 0) return byLexical;
        var byType = string.CompareOrdinal(la.Datatype.Value, lb.Datatype.Value);
        return byType != 0 ? byType : string.CompareOrdinal(la.Language ?? "", lb.Language ?? "");
    }

    private static bool IsSimpleOrString(Literal l) => l.Language is null && l.Datatype == Vocab.XsdString;

    private static string? KnownKind(Literal l) =>
        l.Datatype == Vocab.XsdString ? "string" :
        Numeric(l) is not null ? "numeric" :
        l.Datatype == Vocab.XsdBoolean && Bool(l) is not null ? "boolean" :
        l.Datatype == Vocab.XsdDateTime && Temporal(l.Lexical, dateOnly: false) is not null ? "dateTime" :
        l.Datatype == Vocab.XsdDate && Temporal(l.Lexical, dateOnly: true) is not null ? "date" : null;

    private static bool? Bool(Literal l) => l.Lexical switch { "true" or "1" => true, "false" or "0" => false, _ => null };

    // ---------------------------------------------------------------- numbers

    private readonly record struct Number(NumericKind Kind, decimal Decimal, double Double);

    private static bool IsNumericType(Iri datatype) =>
        datatype.Value.StartsWith(Vocab.Xsd, StringComparison.Ordinal) &&
        (IntegerTypes.Contains(datatype.Value[Vocab.Xsd.Length..]) || datatype.Value[Vocab.Xsd.Length..] is "decimal" or "float" or "double");

    private static Number? Numeric(Literal l)
    {
        if (l.Language is not null || !l.Datatype.Value.StartsWith(Vocab.Xsd, StringComparison.Ordinal)) return null;
        var local = l.Datatype.Value[Vocab.Xsd.Length..];
        var text = l.Lexical.Trim();
        if (IntegerTypes.Contains(local))
        {
            if (text.Contains('.') || text.Contains('e', StringComparison.OrdinalIgnoreCase)) return null;
            return decimal.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? new Number(NumericKind.Integer, i, (double)i) : null;
        }
        if (local == "decimal")
        {
            if (text.Contains('e', StringComparison.OrdinalIgnoreCase)) return null;
            return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? new Number(NumericKind.Decimal, d, (double)d) : null;
        }
        if (local is "double" or "float")
        {
            double value;
            if (text is "INF" or "+INF") value = double.PositiveInfinity;
            else if (text == "-INF") value = double.NegativeInfinity;
            else if (text == "NaN") value = double.NaN;
            else if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return null;
            var kind = local == "float" ? NumericKind.Float : NumericKind.Double;
            var asDecimal = double.IsFinite(value) && Math.Abs(value) < 7.9e27 ? (decimal)value : 0m;
            return new Number(kind, asDecimal, value);
        }
        return null;
    }

    /// <summary>Null when either is NaN, which is unordered and unequal to everything.</summary>
    private static int? CompareNumbers(Number a, Number b)
    {
        if (a.Kind is NumericKind.Float or NumericKind.Double || b.Kind is NumericKind.Float or NumericKind.Double)
            return double.IsNaN(a.Double) || double.IsNaN(b.Double) ? null : a.Double.CompareTo(b.Double);
        return a.Decimal.CompareTo(b.Decimal);
    }

    private static Term? Arithmetic(string op, Term a, Term b)
    {
        if (a is not Literal la || b is not Literal lb || Numeric(la) is not { } x || Numeric(lb) is not { } y) return null;
        var kind = (NumericKind)Math.Max((int)x.Kind, (int)y.Kind);
        if (op == "/" && kind == NumericKind.Integer) kind = NumericKind.Decimal;
        try
        {
            if (kind is NumericKind.Float or NumericKind.Double)
            {
                var r = op switch { "+" => x.Double + y.Double, "-" => x.Double - y.Double, "*" => x.Double * y.Double, _ => x.Double / y.Double };
                return ToLiteral(new Number(kind, 0, r));
            }
            if (op == "/" && y.Decimal == 0) return null;
            var d = op switch { "+" => x.Decimal + y.Decimal, "-" => x.Decimal - y.Decimal, "*" => x.Decimal * y.Decimal, _ => x.Decimal / y.Decimal };
            return ToLiteral(new Number(kind, d, (double)d));
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static Literal ToLiteral(Number n) => n.Kind switch
    {
        NumericKind.Integer => Literal.Typed(n.Decimal.ToString("0", CultureInfo.InvariantCulture), Vocab.XsdInteger),
        NumericKind.Decimal => Literal.Typed(CanonicalDecimal(n.Decimal), Vocab.XsdDecimal),
        NumericKind.Float => Literal.Typed(CanonicalDouble(n.Double), new Iri(Vocab.Xsd + "float")),
        _ => Literal.Typed(CanonicalDouble(n.Double), Vocab.XsdDouble),
    };

    private static string CanonicalDecimal(decimal d)
    {
        var s = d.ToString("0.0###########################", CultureInfo.InvariantCulture);
        return s;
    }

    private static string CanonicalDouble(double d) =>
        double.IsNaN(d) ? "NaN" : double.IsPositiveInfinity(d) ? "INF" : double.IsNegativeInfinity(d) ? "-INF" : d.ToString("0.0###############E0", CultureInfo.InvariantCulture);

    // ---------------------------------------------------------------- built-ins

    private static Term? Call(CallExpr call, IReadOnlyDictionary<string, Term> row)
    {
        if (call.Name == "BOUND") return Literal.Boolean(row.ContainsKey(((VarExpr)call.Args[0]).Name));
        var args = new Term?[call.Args.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Evaluate(call.Args[i], row);
            if (args[i] is null) return null;
        }
        var a = args[0]!;
        switch (call.Name)
        {
            case "ISIRI": return Literal.Boolean(a is Iri);
            case "ISBLANK": return Literal.Boolean(a is BlankNode);
            case "ISLITERAL": return Literal.Boolean(a is Literal);
            case "ISNUMERIC": return Literal.Boolean(a is Literal ln && Numeric(ln) is not null);
            case "SAMETERM": return Literal.Boolean(a == args[1]);
            case "STR":
                return a switch { Iri i => Literal.String(i.Value), Literal l => Literal.String(l.Lexical), _ => null };
            case "LANG": return a is Literal lang ? Literal.String(lang.Language ?? "") : null;
            case "DATATYPE": return a is Literal dt ? dt.Datatype : null;
            case "LANGMATCHES":
                if (a is not Literal { Language: null } tag || args[1] is not Literal { Language: null } range) return null;
                return Literal.Boolean(LangMatches(tag.Lexical, range.Lexical));
            case "REGEX":
                if (StringArg(a) is not { } text || args[1] is not Literal { Language: null } pattern) return null;
                var flags = args.Length > 2 ? args[2] is Literal { Language: null } f ? f.Lexical : null : "";
                if (flags is null || RegexOptionsFrom(flags) is not { } options) return null;
                try
                {
                    var regex = flags.Contains('q') ? Regex.Escape(pattern.Lexical) : pattern.Lexical;
                    return Literal.Boolean(Regex.IsMatch(text, regex, options, RegexTimeout));
                }
                catch (ArgumentException)
                {
                    return null;
                }
            case "CONTAINS" or "STRSTARTS" or "STRENDS":
                if (a is not Literal la || args[1] is not Literal lb || StringArg(la) is not { } s1 || StringArg(lb) is not { } s2) return null;
                if (lb.Language is not null && la.Language != lb.Language) return null;
                return Literal.Boolean(call.Name switch
                {
                    "CONTAINS" => s1.Contains(s2, StringComparison.Ordinal),
                    "STRSTARTS" => s1.StartsWith(s2, StringComparison.Ordinal),
                    _ => s1.EndsWith(s2, StringComparison.Ordinal),
                });
            case "STRLEN": return StringArg(a) is { } len ? Literal.Integer(len.EnumerateRunes().Count()) : null;
            case "UCASE" or "LCASE":
                if (a is not Literal lc || StringArg(lc) is not { } cased) return null;
                var changed = call.Name == "UCASE" ? cased.ToUpperInvariant() : cased.ToLowerInvariant();
                return lc with { Lexical = changed };
            default: throw new SparqlNotSupportedException("the function " + call.Name);
        }
    }

    private static string? StringArg(Term t) =>
        t is Literal l && (l.Language is not null || l.Datatype == Vocab.XsdString) ? l.Lexical : null;

    private static bool LangMatches(string tag, string range)
    {
        if (range == "*") return tag.Length > 0;
        return tag.Equals(range, StringComparison.OrdinalIgnoreCase) ||
               (tag.Length > range.Length && tag[range.Length] == '-' && tag.StartsWith(range, StringComparison.OrdinalIgnoreCase));
    }

    private static RegexOptions? RegexOptionsFrom(string flags)
    {
        var options = RegexOptions.CultureInvariant;
        foreach (var f in flags)
        {
            switch (f)
            {
                case 'i': options |= RegexOptions.IgnoreCase; break;
                case 's': options |= RegexOptions.Singleline; break;
                case 'm': options |= RegexOptions.Multiline; break;
                case 'x': options |= RegexOptions.IgnorePatternWhitespace; break;
                case 'q': break; // handled by the caller: the pattern is a plain string
                default: return null;
            }
        }
        return options;
    }
}
