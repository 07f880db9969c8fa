namespace StdGraph.Rdf;

/// <summary>Namespaces and the IRIs of common vocabularies that StdGraph uses.</summary>
public static class Vocab
{
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Rdfs = "http://www.w3.org/2000/01/rdf-schema#";
    public const string Xsd = "http://www.w3.org/2001/XMLSchema#";
    public const string Owl = "http://www.w3.org/2002/07/owl#";
    public const string Skos = "http://www.w3.org/2004/02/skos/core#";
    public const string Dcterms = "http://purl.org/dc/terms/";
    public const string Prov = "http://www.w3.org/ns/prov#";

    public static readonly Iri RdfType = new(Rdf + "type");
    public static readonly Iri RdfFirst = new(Rdf + "first");
    public static readonly Iri RdfRest = new(Rdf + "rest");
    public static readonly Iri RdfNil = new(Rdf + "nil");
    public static readonly Iri RdfLangString = new(Rdf + "langString");
    public static readonly Iri RdfProperty = new(Rdf + "Property");

    public static readonly Iri RdfsLabel = new(Rdfs + "label");
    public static readonly Iri RdfsComment = new(Rdfs + "comment");
    public static readonly Iri RdfsSubClassOf = new(Rdfs + "subClassOf");
    public static readonly Iri RdfsSubPropertyOf = new(Rdfs + "subPropertyOf");
    public static readonly Iri RdfsSeeAlso = new(Rdfs + "seeAlso");
    public static readonly Iri RdfsClass = new(Rdfs + "Class");

    public static readonly Iri XsdString = new(Xsd + "string");
    public static readonly Iri XsdBoolean = new(Xsd + "boolean");
    public static readonly Iri XsdInteger = new(Xsd + "integer");
    public static readonly Iri XsdInt = new(Xsd + "int");
    public static readonly Iri XsdLong = new(Xsd + "long");
    public static readonly Iri XsdDecimal = new(Xsd + "decimal");
    public static readonly Iri XsdDouble = new(Xsd + "double");
    public static readonly Iri XsdDate = new(Xsd + "date");
    public static readonly Iri XsdDateTime = new(Xsd + "dateTime");
    public static readonly Iri XsdGYear = new(Xsd + "gYear");
    public static readonly Iri XsdAnyUri = new(Xsd + "anyURI");

    public static readonly Iri OwlSameAs = new(Owl + "sameAs");
    public static readonly Iri OwlClass = new(Owl + "Class");
    public static readonly Iri OwlObjectProperty = new(Owl + "ObjectProperty");
    public static readonly Iri OwlDatatypeProperty = new(Owl + "DatatypeProperty");

    public static readonly Iri SkosPrefLabel = new(Skos + "prefLabel");
    public static readonly Iri SkosAltLabel = new(Skos + "altLabel");
    public static readonly Iri SkosNotation = new(Skos + "notation");
    public static readonly Iri SkosBroader = new(Skos + "broader");
    public static readonly Iri SkosNarrower = new(Skos + "narrower");
    public static readonly Iri SkosConcept = new(Skos + "Concept");
    public static readonly Iri SkosConceptScheme = new(Skos + "ConceptScheme");
    public static readonly Iri SkosInScheme = new(Skos + "inScheme");
    public static readonly Iri SkosExactMatch = new(Skos + "exactMatch");
    public static readonly Iri SkosCloseMatch = new(Skos + "closeMatch");
    public static readonly Iri SkosDefinition = new(Skos + "definition");

    public static readonly Iri DctermsTitle = new(Dcterms + "title");
    public static readonly Iri DctermsIdentifier = new(Dcterms + "identifier");
    public static readonly Iri DctermsIssued = new(Dcterms + "issued");
    public static readonly Iri DctermsModified = new(Dcterms + "modified");
    public static readonly Iri DctermsReplaces = new(Dcterms + "replaces");
    public static readonly Iri DctermsIsReplacedBy = new(Dcterms + "isReplacedBy");
    public static readonly Iri DctermsReferences = new(Dcterms + "references");
    public static readonly Iri DctermsIsPartOf = new(Dcterms + "isPartOf");
    public static readonly Iri DctermsPublisher = new(Dcterms + "publisher");
    public static readonly Iri DctermsSubject = new(Dcterms + "subject");
    public static readonly Iri DctermsDescription = new(Dcterms + "description");

    public static readonly Iri ProvWasDerivedFrom = new(Prov + "wasDerivedFrom");
    public static readonly Iri ProvWasGeneratedBy = new(Prov + "wasGeneratedBy");
    public static readonly Iri ProvGeneratedAtTime = new(Prov + "generatedAtTime");

    /// <summary>The prefixes StdGraph writes by default.</summary>
    public static IReadOnlyDictionary<string, string> CommonPrefixes { get; } = new Dictionary<string, string>
    {
        ["rdf"] = Rdf, ["rdfs"] = Rdfs, ["xsd"] = Xsd, ["owl"] = Owl,
        ["skos"] = Skos, ["dcterms"] = Dcterms, ["prov"] = Prov,
    };
}
