using StdGraph.Rdf;

namespace StdGraph.Knowledge;

/// <summary>A concept of the field taxonomy (key field, work deployment, emerging area or topic).</summary>
public sealed class FieldConcept
{
    internal FieldConcept(Iri iri, Iri kind, string? notation, IReadOnlyDictionary<string, string> labels, IReadOnlyList<Iri> broader)
    {
        Iri = iri;
        Kind = kind;
        Notation = notation;
        Labels = labels;
        Broader = broader;
    }

    public Iri Iri { get; }

    /// <summary>The slug after <c>https://stdgraph.org/field/</c>: <c>smart-city</c>.</summary>
    public string Id => Iri.Value.StartsWith(Sg.FieldNamespace, StringComparison.Ordinal) ? Iri.Value[Sg.FieldNamespace.Length..] : Iri.Value;

    /// <summary><see cref="Sg.KeyField"/>, <see cref="Sg.WorkDeployment"/>, <see cref="Sg.EmergingArea"/> or <see cref="Sg.Topic"/>.</summary>
    public Iri Kind { get; }

    public string? Notation { get; }

    /// <summary>Preferred labels by language (<c>zh</c>, <c>en</c>).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; }

    public IReadOnlyList<Iri> Broader { get; }

    public IReadOnlyList<FieldConcept> Children { get; internal set; } = [];

    public string Label(string language) => Labels.TryGetValue(language, out var l) ? l : Labels.Values.FirstOrDefault() ?? Id;

    public bool IsKeyField => Kind == Sg.KeyField;

    public override string ToString() => $"{Id} ({Label("zh")} / {Label("en")})";
}

/// <summary>A title keyword of a rule; a null language matches every title.</summary>
public sealed record RuleKeyword(string Text, string? Language);

/// <summary>A classification rule as declared in <c>ontology/field-rules.ttl</c>.</summary>
public sealed class ClassificationRule
{
    internal ClassificationRule(Iri iri, string id, Iri kind, Iri assigns, IReadOnlyDictionary<string, string> descriptions)
    {
        Iri = iri;
        Id = id;
        Kind = kind;
        Assigns = assigns;
        Descriptions = descriptions;
    }

    public Iri Iri { get; }
    public string Id { get; }

    /// <summary><see cref="Sg.IcsRule"/>, <see cref="Sg.CommitteeRule"/>, <see cref="Sg.KeywordRule"/> or <see cref="Sg.CodeRule"/>.</summary>
    public Iri Kind { get; }

    public Iri Assigns { get; }
    public IReadOnlyDictionary<string, string> Descriptions { get; }
    public IReadOnlyList<string> IcsPrefixes { get; internal init; } = [];
    public IReadOnlyList<string> Committees { get; internal init; } = [];
    public IReadOnlyList<string> CodePrefixes { get; internal init; } = [];
    public IReadOnlyList<RuleKeyword> Keywords { get; internal init; } = [];
    public IReadOnlyList<RuleKeyword> ExcludeKeywords { get; internal init; } = [];
    public IReadOnlyList<string> RequiredIcsPrefixes { get; internal init; } = [];
    public IReadOnlyList<string> RequiredCommittees { get; internal init; } = [];
    public IReadOnlyList<string> RequiredCategories { get; internal init; } = [];

    public string Description(string language) =>
        Descriptions.TryGetValue(language, out var d) ? d : Descriptions.TryGetValue("en", out var en) ? en : Id;

    public override string ToString() => Id;
}

/// <summary>
/// StdGraph's ontology as loaded from <c>ontology/*.ttl</c> with the project's own Turtle reader: every triple,
/// the field taxonomy and the classification rules.
/// </summary>
public sealed class Ontology
{
    private readonly Dictionary<Iri, FieldConcept> _concepts;

    private Ontology(IReadOnlyList<Triple> triples, IReadOnlyList<string> files, Dictionary<Iri, FieldConcept> concepts, IReadOnlyList<ClassificationRule> rules)
    {
        Triples = triples;
        Files = files;
        _concepts = concepts;
        Rules = rules;
        Concepts = concepts.Values.OrderBy(c => c.Notation ?? "~", StringComparer.Ordinal).ThenBy(c => c.Iri.Value, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<Triple> Triples { get; }

    public IReadOnlyList<string> Files { get; }

    /// <summary>Every field concept, in notation order (1, 1.1, 1.1.s, 1.2, …).</summary>
    public IReadOnlyList<FieldConcept> Concepts { get; }

    public IEnumerable<FieldConcept> KeyFields => Concepts.Where(c => c.IsKeyField);

    public IReadOnlyList<ClassificationRule> Rules { get; }

    public FieldConcept? Concept(Iri iri) => _concepts.GetValueOrDefault(iri);

    public FieldConcept? Concept(string id) => _concepts.GetValueOrDefault(new Iri(id.Contains(':') ? id : Sg.FieldNamespace + id));

    /// <summary>The concept and every broader concept, narrowest first.</summary>
    public IEnumerable<FieldConcept> SelfAndAncestors(FieldConcept concept)
    {
        var seen = new HashSet<Iri>();
        var queue = new Queue<FieldConcept>([concept]);
        while (queue.Count > 0)
        {
            var c = queue.Dequeue();
            if (!seen.Add(c.Iri)) continue;
            yield return c;
            foreach (var b in c.Broader)
                if (_concepts.TryGetValue(b, out var parent)) queue.Enqueue(parent);
        }
    }

    /// <summary>Loads every <c>*.ttl</c> file of <paramref name="directory"/> (sorted by name, so the result is the same on every machine).</summary>
    public static Ontology Load(string directory)
    {
        var files = Directory.GetFiles(directory, "*.ttl").OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new InvalidDataException($"no ontology files (*.ttl) in {directory}");
        var triples = new List<Triple>();
        foreach (var file in files)
        {
            using var reader = new StreamReader(file);
            try
            {
                triples.AddRange(new TurtleReader(reader, new Uri(Path.GetFullPath(file)).AbsoluteUri).Read());
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new InvalidDataException($"{Path.GetFileName(file)}: {e.Message}", e);
            }
        }
        return FromTriples(triples, files);
    }

    internal static Ontology FromTriples(IReadOnlyList<Triple> triples, IReadOnlyList<string> files)
    {
        var bySubject = triples.GroupBy(t => t.Subject).ToDictionary(g => g.Key, g => g.ToList());
        IEnumerable<Term> Objects(Term s, Iri p) => bySubject.TryGetValue(s, out var ts) ? ts.Where(t => t.Predicate == p).Select(t => t.Obj) : [];
        Dictionary<string, string> Texts(Term s, Iri p) => Objects(s, p).OfType<Literal>()
            .GroupBy(l => l.Language ?? "")
            .ToDictionary(g => g.Key, g => g.First().Lexical);
        List<string> Strings(Term s, Iri p) => Objects(s, p).OfType<Literal>().Select(l => l.Lexical).OrderBy(x => x, StringComparer.Ordinal).ToList();
        List<RuleKeyword> Keywords(Term s, Iri p) => Objects(s, p).OfType<Literal>().Select(l => new RuleKeyword(l.Lexical, l.Language)).ToList();

        Iri[] conceptKinds = [Sg.KeyField, Sg.WorkDeployment, Sg.EmergingArea, Sg.Topic];
        Iri[] ruleKinds = [Sg.IcsRule, Sg.CommitteeRule, Sg.KeywordRule, Sg.CodeRule];

        var concepts = new Dictionary<Iri, FieldConcept>();
        var rules = new List<ClassificationRule>();
        foreach (var t in triples)
        {
            if (t.Predicate != Vocab.RdfType || t.Subject is not Iri subject || t.Obj is not Iri kind) continue;
            if (conceptKinds.Contains(kind))
            {
                concepts[subject] = new FieldConcept(subject, kind,
                    Objects(subject, Vocab.SkosNotation).OfType<Literal>().Select(l => l.Lexical).FirstOrDefault(),
                    Texts(subject, Vocab.SkosPrefLabel),
                    Objects(subject, Vocab.SkosBroader).OfType<Iri>().ToList());
            }
            else if (ruleKinds.Contains(kind))
            {
                var assigns = Objects(subject, Sg.Assigns).OfType<Iri>().ToList();
                var ids = Strings(subject, Sg.RuleId);
                if (assigns.Count != 1) throw new InvalidDataException($"rule {subject.Value} must assign exactly one field (has {assigns.Count})");
                if (ids.Count != 1) throw new InvalidDataException($"rule {subject.Value} must have exactly one sg:ruleId (has {ids.Count})");
                rules.Add(new ClassificationRule(subject, ids[0], kind, assigns[0], Texts(subject, Vocab.DctermsDescription))
                {
                    IcsPrefixes = Strings(subject, Sg.IcsPrefix),
                    Committees = Strings(subject, Sg.CommitteeCode),
                    CodePrefixes = Strings(subject, Sg.CodePrefix),
                    Keywords = Keywords(subject, Sg.Keyword),
                    ExcludeKeywords = Keywords(subject, Sg.ExcludeKeyword),
                    RequiredIcsPrefixes = Strings(subject, Sg.RequiresIcsPrefix),
                    RequiredCommittees = Strings(subject, Sg.RequiresCommittee),
                    RequiredCategories = Strings(subject, Sg.RequiresCategory),
                });
            }
        }

        foreach (var c in concepts.Values)
            c.Children = concepts.Values.Where(x => x.Broader.Contains(c.Iri)).OrderBy(x => x.Notation ?? "~", StringComparer.Ordinal).ToList();

        rules.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        var duplicate = rules.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidDataException($"rule id '{duplicate.Key}' is used by more than one rule");
        return new Ontology(triples, files, concepts, rules);
    }
}
