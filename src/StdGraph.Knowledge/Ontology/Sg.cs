using StdGraph.Rdf;

namespace StdGraph.Knowledge;

/// <summary>The IRIs of StdGraph's own vocabulary (<c>ontology/stdgraph.ttl</c>) and of its identifiers.</summary>
public static class Sg
{
    public const string Namespace = "https://stdgraph.org/ontology#";
    public const string FieldNamespace = "https://stdgraph.org/field/";
    public const string RuleNamespace = "https://stdgraph.org/rule/";
    public const string EditionNamespace = "https://stdgraph.org/id/";
    public const string WorkNamespace = "https://stdgraph.org/work/";
    public const string CommitteeNamespace = "https://stdgraph.org/committee/";
    public const string IcsNamespace = "https://stdgraph.org/ics/";
    public const string BodyNamespace = "https://stdgraph.org/body/";
    public const string CorpusNamespace = "https://stdgraph.org/corpus/";

    private static Iri T(string local) => new(Namespace + local);

    // classes
    public static readonly Iri StandardEdition = T("StandardEdition");
    public static readonly Iri Work = T("Work");
    public static readonly Iri NationalStandard = T("NationalStandard");
    public static readonly Iri InternationalStandard = T("InternationalStandard");
    public static readonly Iri InternetStandard = T("InternetStandard");
    public static readonly Iri Committee = T("Committee");
    public static readonly Iri StandardsBody = T("StandardsBody");
    public static readonly Iri IcsClass = T("IcsClass");
    public static readonly Iri Field = T("Field");
    public static readonly Iri KeyField = T("KeyField");
    public static readonly Iri WorkDeployment = T("WorkDeployment");
    public static readonly Iri EmergingArea = T("EmergingArea");
    public static readonly Iri Topic = T("Topic");
    public static readonly Iri FieldMembership = T("FieldMembership");
    public static readonly Iri ClassificationRule = T("ClassificationRule");
    public static readonly Iri IcsRule = T("IcsRule");
    public static readonly Iri CommitteeRule = T("CommitteeRule");
    public static readonly Iri KeywordRule = T("KeywordRule");
    public static readonly Iri CodeRule = T("CodeRule");
    public static readonly Iri Adoption = T("Adoption");
    public static readonly Iri InferredReplacement = T("InferredReplacement");
    public static readonly Iri AdoptionDegree = T("AdoptionDegree");

    // individuals
    public static readonly Iri IDT = T("IDT");
    public static readonly Iri MOD = T("MOD");
    public static readonly Iri NEQ = T("NEQ");
    public static readonly Iri EQV = T("EQV");
    public static readonly Iri EditionSequenceInference = T("editionSequenceInference");

    // properties
    public static readonly Iri Code = T("code");
    public static readonly Iri PrintedCode = T("printedCode");
    public static readonly Iri Status = T("status");
    public static readonly Iri DeliverableType = T("deliverableType");
    public static readonly Iri Stage = T("stage");
    public static readonly Iri Effective = T("effective");
    public static readonly Iri Withdrawn = T("withdrawn");
    public static readonly Iri Edition = T("edition");
    public static readonly Iri Year = T("year");
    public static readonly Iri Ccs = T("ccs");
    public static readonly Iri Category = T("category");
    public static readonly Iri KnownOnlyByCode = T("knownOnlyByCode");
    public static readonly Iri EditionOf = T("editionOf");
    public static readonly Iri HasEdition = T("hasEdition");
    public static readonly Iri Replaces = T("replaces");
    public static readonly Iri ReplacedBy = T("replacedBy");
    public static readonly Iri Adopts = T("adopts");
    public static readonly Iri AdoptedBy = T("adoptedBy");
    public static readonly Iri AdoptionLink = T("adoption");
    public static readonly Iri AdoptedStandard = T("adoptedStandard");
    public static readonly Iri Degree = T("degree");
    public static readonly Iri Cites = T("cites");
    public static readonly Iri CitedBy = T("citedBy");
    public static readonly Iri Amends = T("amends");
    public static readonly Iri AmendedBy = T("amendedBy");
    public static readonly Iri Updates = T("updates");
    public static readonly Iri UpdatedBy = T("updatedBy");
    public static readonly Iri OwnedBy = T("ownedBy");
    public static readonly Iri PublishedBy = T("publishedBy");
    public static readonly Iri ClassifiedUnder = T("classifiedUnder");
    public static readonly Iri InField = T("inField");
    public static readonly Iri FieldMembershipLink = T("fieldMembership");
    public static readonly Iri MembershipField = T("field");
    public static readonly Iri InheritedFrom = T("inheritedFrom");
    public static readonly Iri ReplacingEdition = T("replacingEdition");
    public static readonly Iri ReplacedEdition = T("replacedEdition");

    // rule vocabulary
    public static readonly Iri RuleId = T("ruleId");
    public static readonly Iri Assigns = T("assigns");
    public static readonly Iri IcsPrefix = T("icsPrefix");
    public static readonly Iri CommitteeCode = T("committeeCode");
    public static readonly Iri CodePrefix = T("codePrefix");
    public static readonly Iri Keyword = T("keyword");
    public static readonly Iri ExcludeKeyword = T("excludeKeyword");
    public static readonly Iri RequiresIcsPrefix = T("requiresIcsPrefix");
    public static readonly Iri RequiresCommittee = T("requiresCommittee");
    public static readonly Iri RequiresCategory = T("requiresCategory");

    // reused vocabularies the mapping writes that Vocab does not name
    public static readonly Iri DctermsSource = new(Vocab.Dcterms + "source");
    public static readonly Iri DctermsAbstract = new(Vocab.Dcterms + "abstract");
    public static readonly Iri XsdGYearMonth = new(Vocab.Xsd + "gYearMonth");
}
