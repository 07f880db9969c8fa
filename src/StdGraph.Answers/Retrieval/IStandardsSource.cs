using StdGraph.Core.Catalogue;
using StdGraph.Core.Codes;
using StdGraph.Knowledge;
using StdGraph.Knowledge.Fields;

namespace StdGraph.Answers.Retrieval;

/// <summary>A national edition's adoption of an international code, with the degree where declared.</summary>
internal sealed record Adoption(StandardEdition National, StandardCode Target, AdoptionDegree? Degree);

/// <summary>An edition found by text: how much of the query its title covers (0..1), and a score to rank by.</summary>
internal sealed record ScoredEdition(StandardEdition Edition, double Coverage, double Score);

/// <summary>A field of the ontology a question names (by its label, or by a keyword of one of its rules), with that rule's keywords.</summary>
internal sealed record TopicField(FieldConcept Field, IReadOnlyList<RuleKeyword> Keywords, string Matched, bool ByLabel);

/// <summary>
/// What retrieval needs from the built data. Kept small so the catalogue-backed implementation can give way to the
/// search index and the graph queries without touching retrieval or composition.
/// </summary>
internal interface IStandardsSource
{
    StandardEdition? Edition(StandardCode code);

    /// <summary>The editions of the work <paramref name="code"/> belongs to: valid first, then newest first.</summary>
    IReadOnlyList<StandardEdition> EditionsOfWork(StandardCode code);

    /// <summary>National editions that adopt <paramref name="code"/> (any edition of it when undated).</summary>
    IReadOnlyList<Adoption> AdoptionsOf(StandardCode code);

    /// <summary>Editions declared (either way round) to replace <paramref name="edition"/>.</summary>
    IReadOnlyList<StandardCode> Successors(StandardEdition edition);

    /// <summary>Editions <paramref name="edition"/> replaces (either way round).</summary>
    IReadOnlyList<StandardCode> Predecessors(StandardEdition edition);

    /// <summary>Editions that cite <paramref name="edition"/> or its work.</summary>
    IReadOnlyList<StandardEdition> CitedBy(StandardEdition edition);

    IReadOnlyList<FieldMembership> Fields(StandardEdition edition);

    /// <summary>Fields whose labels or rule keywords occur in <paramref name="text"/> (labels also by the words of <paramref name="terms"/>).</summary>
    IReadOnlyList<TopicField> TopicsIn(string text, QueryTerms terms);

    /// <summary>Editions the ontology rules place in <paramref name="field"/> (directly or through a narrower field).</summary>
    IReadOnlyList<StandardEdition> InField(FieldConcept field, Func<StandardEdition, bool> keep);

    /// <summary>Editions whose titles cover most of <paramref name="terms"/>, best first.</summary>
    IReadOnlyList<ScoredEdition> Search(QueryTerms terms, Func<StandardEdition, bool> keep, int max);
}
