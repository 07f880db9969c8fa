using StdGraph.Core.Catalogue;
using StdGraph.Core.Codes;

namespace StdGraph.Answers.Retrieval;

/// <summary>What the question asks for, as far as retrieval can tell.</summary>
internal enum QuestionIntent
{
    /// <summary>Two or more codes: how do they relate?</summary>
    Relation,

    /// <summary>One international code and "adopt": which national standards adopt it?</summary>
    Adopters,

    /// <summary>One code and "replace"/"latest": what replaced it, is it still valid?</summary>
    Successor,

    /// <summary>One code: what is it?</summary>
    Describe,

    /// <summary>No code: which standards are there on a topic (in a field, national, valid…)?</summary>
    Topic,
}

internal enum FactKind
{
    Title,
    Status,
    Issued,
    Adopts,
    AdoptedBy,
    Replaces,
    ReplacedBy,
    Cites,
    CitedBy,
    InField,
    NotInCatalogue,
}

/// <summary>One fact, tagged by the code it is about (<see cref="Code"/>) and, for a relation, the code it points at.</summary>
internal sealed record Fact(string Code, FactKind Kind, string Value, string? Target = null, AdoptionDegree? Degree = null, string? Language = null);

/// <summary>
/// The compact, structured context retrieval builds for one question: the standards it found and why, every fact
/// tagged by its code, and what the question asked for. Both the deterministic answer and the model's prompt come
/// from it, and the citation check accepts exactly the codes it holds.
/// </summary>
internal sealed class AnswerContext
{
    private readonly List<Fact> _facts = [];
    private readonly Dictionary<string, (StandardEdition Edition, string Reason)> _standards = new(StringComparer.Ordinal);
    private readonly HashSet<string> _codes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _absent = new(StringComparer.Ordinal);

    public AnswerContext(string question, string language, QuestionIntent intent)
    {
        Question = question;
        Language = language;
        Intent = intent;
    }

    public string Question { get; }
    public string Language { get; }
    public QuestionIntent Intent { get; set; }

    /// <summary>Codes the question names, as parsed.</summary>
    public List<StandardCode> Mentioned { get; } = [];

    /// <summary>For each mention: the editions it resolved to (one for a dated code, the work's editions for an undated one).</summary>
    public List<(StandardCode Mention, IReadOnlyList<StandardEdition> Editions)> Resolved { get; } = [];

    /// <summary>The topic of a question without codes, and the filters it implies.</summary>
    public QueryTerms? Topic { get; set; }
    public IReadOnlyList<TopicField> TopicFields { get; set; } = [];
    public bool NationalOnly { get; set; }
    public bool ValidOnly { get; set; }

    /// <summary>Standards answering a topic question, best first.</summary>
    public List<StandardEdition> TopicHits { get; } = [];

    /// <summary>International standards on the topic, offered when no national one exists.</summary>
    public List<StandardEdition> RelatedInternational { get; } = [];

    /// <summary>National adoptions of the mentioned international code (intent <see cref="QuestionIntent.Adopters"/>).</summary>
    public List<Adoption> Adoptions { get; } = [];

    /// <summary>False when the corpus holds nothing that answers the question.</summary>
    public bool Found { get; set; } = true;

    public IReadOnlyList<Fact> Facts => _facts;

    public IEnumerable<(StandardEdition Edition, string Reason)> Standards => _standards.Values;

    public StandardEdition? Standard(string canonical) => _standards.TryGetValue(canonical, out var s) ? s.Edition : null;

    public bool Holds(string canonical) => _standards.ContainsKey(canonical);

    public void AddStandard(StandardEdition edition, string reason)
    {
        if (!_standards.TryAdd(edition.ParsedCode.Canonical, (edition, reason))) return;
        NoteCode(edition.ParsedCode);
    }

    /// <summary>True when the context knows <paramref name="code"/> only as missing from the catalogue (allowed, never cited).</summary>
    public bool IsAbsent(StandardCode code) => _absent.Contains(code.Canonical);

    public void AddFact(Fact fact)
    {
        if (_facts.Contains(fact)) return;
        _facts.Add(fact);
        if (fact.Kind == FactKind.NotInCatalogue) _absent.Add(fact.Code);
        NoteCode(StandardCode.Parse(fact.Code));
        if (fact.Target is not null && StandardCode.TryParse(fact.Target, out var target, out _)) NoteCode(target);
    }

    /// <summary>True when <paramref name="code"/> (or, for an undated code, its work) is in the context.</summary>
    public bool Allows(StandardCode code) => _codes.Contains(code.Canonical) || (code.IsUndated && _codes.Contains("work:" + code.WorkKey));

    private void NoteCode(StandardCode code)
    {
        _codes.Add(code.Canonical);
        _codes.Add("work:" + code.WorkKey);
    }
}
