namespace StdGraph.Rdf;

/// <summary>An RDF 1.1 term. Equality is RDF term equality: same kind and same components.</summary>
public abstract record Term;

/// <summary>An absolute IRI, kept as the exact string (no normalisation beyond what the syntax defines).</summary>
public sealed record Iri(string Value) : Term
{
    // Hand-written because the store hashes every term it sees: the generated versions also hash and compare
    // the record's runtime type, which is fixed for a sealed record.
    public bool Equals(Iri? other) => other is not null && (ReferenceEquals(this, other) || string.Equals(Value, other.Value, StringComparison.Ordinal));

    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => "<" + Value + ">";
}

/// <summary>A blank node. The label only has meaning inside one graph.</summary>
public sealed record BlankNode(string Label) : Term
{
    public bool Equals(BlankNode? other) => other is not null && string.Equals(Label, other.Label, StringComparison.Ordinal);

    public override int GetHashCode() => ~Label.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => "_:" + Label;
}

/// <summary>
/// A literal. A language tag is normalised to lower case (RDF compares tags case-insensitively) and forces
/// the datatype to rdf:langString; without one the datatype defaults to xsd:string when not given.
/// </summary>
public sealed record Literal(string Lexical, Iri Datatype, string? Language = null) : Term
{
    public string? Language { get; init; } = string.IsNullOrEmpty(Language) ? null : Language.ToLowerInvariant();

    public Iri Datatype { get; init; } = string.IsNullOrEmpty(Language) ? Datatype ?? Vocab.XsdString : Vocab.RdfLangString;

    public bool Equals(Literal? other) =>
        other is not null
        && string.Equals(Lexical, other.Lexical, StringComparison.Ordinal)
        && string.Equals(Language, other.Language, StringComparison.Ordinal)
        && Datatype.Equals(other.Datatype);

    // The datatype is left out of the hash: a literal's lexical form almost always tells it apart already,
    // and hashing a 40-character datatype IRI on every lookup would double the cost.
    public override int GetHashCode() => Lexical.GetHashCode(StringComparison.Ordinal) ^ (Language is null ? 0 : 0x5bd1e995);

    public static Literal String(string value) => new(value, Vocab.XsdString);

    public static Literal LangString(string value, string language)
    {
        ArgumentException.ThrowIfNullOrEmpty(language);
        return new(value, Vocab.RdfLangString, language);
    }

    public static Literal Typed(string lexical, Iri datatype) => new(lexical, datatype);

    public static Literal Integer(long value) => new(value.ToString(System.Globalization.CultureInfo.InvariantCulture), Vocab.XsdInteger);

    public static Literal Decimal(decimal value) => new(value.ToString(System.Globalization.CultureInfo.InvariantCulture), Vocab.XsdDecimal);

    public static Literal Boolean(bool value) => new(value ? "true" : "false", Vocab.XsdBoolean);

    /// <summary>An xsd:date from its lexical form, e.g. "2016-10-13".</summary>
    public static Literal Date(string lexical) => new(lexical, Vocab.XsdDate);

    public static Literal Date(DateOnly value) => new(value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Vocab.XsdDate);

    public static Literal DateTime(DateTimeOffset value) =>
        new(value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", System.Globalization.CultureInfo.InvariantCulture), Vocab.XsdDateTime);

    public override string ToString() => Syntax.NTriplesFormat.FormatTerm(this);
}

/// <summary>One RDF statement. The object is named <c>Obj</c> because <c>Object</c> would shadow <see cref="object"/>.</summary>
public sealed record Triple(Term Subject, Iri Predicate, Term Obj)
{
    public override string ToString() => $"{Syntax.NTriplesFormat.FormatTerm(Subject)} {Predicate} {Syntax.NTriplesFormat.FormatTerm(Obj)} .";
}
