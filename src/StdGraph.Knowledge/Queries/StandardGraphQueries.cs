using StdGraph.Core.Catalogue;
using StdGraph.Core.Codes;
using StdGraph.Knowledge.Mapping;
using StdGraph.Rdf;

namespace StdGraph.Knowledge.Queries;

/// <summary>A standard edition or work as the graph knows it.</summary>
public sealed record StandardNode(
    Iri Iri,
    string Code,
    bool IsWork,
    IReadOnlyDictionary<string, string> Titles,
    string? Status,
    string? Issued,
    bool KnownOnlyByCode)
{
    public int? Year => StandardCode.TryParse(Code, out var c, out _) ? c.Year : null;

    public string? Title(string language) => Titles.TryGetValue(language, out var t) ? t : Titles.Values.FirstOrDefault();

    public override string ToString() => Code;
}

/// <summary>A national edition adopting an international standard, with the degree when declared.</summary>
public sealed record AdoptionEdge(StandardNode National, StandardNode International, AdoptionDegree? Degree);

/// <summary>A replacement edge; <paramref name="Inferred"/> when the engine inferred it from the editions (IEC).</summary>
public sealed record ReplacementEdge(StandardNode Newer, StandardNode Older, bool Inferred);

/// <summary>The editions of one replacement history, oldest first, and the edges between them; <paramref name="Truncated"/> when a limit cut the walk short.</summary>
public sealed record ReplacementHistory(IReadOnlyList<StandardNode> Editions, IReadOnlyList<ReplacementEdge> Edges, bool Truncated);

/// <summary>A field a standard is in and the rule behind it.</summary>
public sealed record FieldPlacement(
    Iri Field,
    string FieldId,
    IReadOnlyDictionary<string, string> Labels,
    string RuleId,
    string Evidence,
    string? InheritedFromId);

/// <summary>A committee or ICS class attached to an edition.</summary>
public sealed record ClassNode(Iri Iri, string Code, IReadOnlyDictionary<string, string> Labels);

/// <summary>
/// The questions the product asks of the standards graph, over any <see cref="IGraphStore"/>. Every method takes a
/// code in any spelling; a dated code means that edition, an undated one the work. Lookups of many nodes are batched
/// into one <see cref="IGraphStore.NeighboursAsync"/> call per hop.
/// </summary>
public sealed class StandardGraphQueries(IGraphStore store)
{
    private readonly GraphTraversal _traversal = new(store);

    private static readonly Iri[] SummaryPredicates = [Sg.Code, Vocab.DctermsTitle, Sg.Status, Vocab.DctermsIssued, Sg.KnownOnlyByCode, Vocab.RdfType];

    /// <summary>The graph node for a code (edition for a dated code, work for an undated one), or null for text that is no code.</summary>
    public static Iri? NodeFor(string code) => StandardCode.TryParse(code, out var parsed, out _) ? StandardIris.For(parsed) : null;

    /// <summary>The edition (or work) with this code, or null when the graph has no node for it.</summary>
    public async Task<StandardNode?> StandardAsync(string code, CancellationToken ct = default) =>
        NodeFor(code) is { } iri ? (await SummariesAsync([iri], ct)).GetValueOrDefault(iri) : null;

    /// <summary>Batch lookup: one entry per code that names a node in the graph, keyed by the code as given.</summary>
    public async Task<IReadOnlyDictionary<string, StandardNode>> StandardsAsync(IEnumerable<string> codes, CancellationToken ct = default)
    {
        var byCode = codes.Distinct().Select(c => (Code: c, Iri: NodeFor(c))).Where(x => x.Iri is not null).ToList();
        var summaries = await SummariesAsync(byCode.Select(x => x.Iri!).Distinct().ToList(), ct);
        return byCode.Where(x => summaries.ContainsKey(x.Iri!)).ToDictionary(x => x.Code, x => summaries[x.Iri!]);
    }

    /// <summary>Every edition of the work of <paramref name="code"/>, oldest first (amendments after their base).</summary>
    public async Task<IReadOnlyList<StandardNode>> EditionsOfWorkAsync(string code, CancellationToken ct = default)
    {
        if (!StandardCode.TryParse(code, out var parsed, out _)) return [];
        var editions = await ObjectsAsync(StandardIris.Work(parsed), Sg.HasEdition, ct);
        return Chronological((await SummariesAsync(editions, ct)).Values);
    }

    public Task<IReadOnlyList<StandardNode>> ReplacesAsync(string code, CancellationToken ct = default) => RelatedAsync(code, Sg.Replaces, ct);

    public Task<IReadOnlyList<StandardNode>> ReplacedByAsync(string code, CancellationToken ct = default) => RelatedAsync(code, Sg.ReplacedBy, ct);

    /// <summary>
    /// The whole replacement history the edition belongs to: every edition reachable over replaces/replacedBy in
    /// either direction (bounded by <paramref name="maxDepth"/> and <paramref name="maxNodes"/>), oldest first, with
    /// each replacement edge between them and whether the engine inferred it.
    /// </summary>
    public async Task<ReplacementHistory> ReplacementChainAsync(string code, int maxDepth = 64, int maxNodes = 500, CancellationToken ct = default)
    {
        if (NodeFor(code) is not { } start) return new ReplacementHistory([], [], false);
        var closure = await _traversal.ClosureAsync(start, [Sg.Replaces, Sg.ReplacedBy], Direction.Outgoing, maxDepth, maxNodes, ct);
        var members = closure.Nodes.Select(n => n.Node).Prepend(start).OfType<Iri>().Distinct().ToList();
        var memberSet = members.ToHashSet();

        // Every replaces edge among the members, not just the ones the walk first arrived by.
        var replaces = await store.NeighboursAsync(members.Cast<Term>().ToList(), [Sg.Replaces], Direction.Outgoing, ct);
        var edges = replaces.SelectMany(kv => kv.Value.Select(p => (Newer: kv.Key, Older: p.Node)))
            .Where(e => e.Older is Iri older && memberSet.Contains(older)).Distinct().ToList();

        var summaries = await SummariesAsync(members, ct);
        var inferred = await InferredPairsAsync(members, ct);
        var edgeList = edges
            .Where(e => summaries.ContainsKey((Iri)e.Newer) && summaries.ContainsKey((Iri)e.Older))
            .Select(e => new ReplacementEdge(summaries[(Iri)e.Newer], summaries[(Iri)e.Older], inferred.Contains((e.Newer, e.Older))))
            .OrderBy(e => e.Older.Year).ThenBy(e => e.Older.Code, StringComparer.Ordinal).ThenBy(e => e.Newer.Code, StringComparer.Ordinal)
            .ToList();
        return new ReplacementHistory(Chronological(summaries.Values), edgeList, closure.Truncated);
    }

    /// <summary>Amendments and corrigenda of the edition.</summary>
    public async Task<IReadOnlyList<StandardNode>> AmendmentsAsync(string code, CancellationToken ct = default) =>
        Chronological((await RelatedAsync(code, Sg.AmendedBy, ct)).ToList());

    public Task<IReadOnlyList<StandardNode>> AmendsAsync(string code, CancellationToken ct = default) => RelatedAsync(code, Sg.Amends, ct);

    /// <summary>The international standards this national edition adopts, with degree.</summary>
    public async Task<IReadOnlyList<AdoptionEdge>> AdoptsAsync(string code, CancellationToken ct = default)
    {
        if (NodeFor(code) is not { } node) return [];
        var edges = await AdoptionEdgesAsync([node], ct);
        return edges;
    }

    /// <summary>
    /// The national editions that adopt this standard, with degree: adoptions of this edition and, for an edition,
    /// undated adoptions of its work.
    /// </summary>
    public async Task<IReadOnlyList<AdoptionEdge>> AdoptedByAsync(string code, CancellationToken ct = default)
    {
        if (!StandardCode.TryParse(code, out var parsed, out _)) return [];
        var targets = TargetsWithWork(parsed);
        var nationals = (await store.NeighboursAsync(targets, [Sg.AdoptedBy], Direction.Outgoing, ct))
            .SelectMany(kv => kv.Value).Select(p => p.Node).OfType<Iri>().Distinct().ToList();
        var edges = await AdoptionEdgesAsync(nationals, ct);
        var targetSet = targets.ToHashSet();
        return edges.Where(e => targetSet.Contains(e.International.Iri)).OrderBy(e => e.National.Code, StringComparer.Ordinal).ToList();
    }

    public Task<IReadOnlyList<StandardNode>> CitesAsync(string code, CancellationToken ct = default) => RelatedAsync(code, Sg.Cites, ct);

    /// <summary>Editions citing this edition, or its work (an undated citation of a work counts for all its editions).</summary>
    public async Task<IReadOnlyList<StandardNode>> CitedByAsync(string code, CancellationToken ct = default)
    {
        if (!StandardCode.TryParse(code, out var parsed, out _)) return [];
        var citing = (await store.NeighboursAsync(TargetsWithWork(parsed), [Sg.CitedBy], Direction.Outgoing, ct))
            .SelectMany(kv => kv.Value).Select(p => p.Node).OfType<Iri>().Distinct().ToList();
        return (await SummariesAsync(citing, ct)).Values.OrderBy(n => n.Code, StringComparer.Ordinal).ToList();
    }

    public Task<IReadOnlyList<StandardNode>> UpdatesAsync(string code, CancellationToken ct = default) => RelatedAsync(code, Sg.Updates, ct);

    public Task<IReadOnlyList<StandardNode>> UpdatedByAsync(string code, CancellationToken ct = default) => RelatedAsync(code, Sg.UpdatedBy, ct);

    /// <summary>The fields the edition is in, each with the rule that placed it there (direct memberships first).</summary>
    public async Task<IReadOnlyList<FieldPlacement>> FieldsAsync(string code, CancellationToken ct = default)
    {
        if (NodeFor(code) is not { } node) return [];
        var memberships = await ObjectsAsync(node, Sg.FieldMembershipLink, ct);
        if (memberships.Count == 0) return [];
        var props = await store.NeighboursAsync(memberships, [Sg.MembershipField, Vocab.ProvWasGeneratedBy, Sg.InheritedFrom, Vocab.DctermsDescription], Direction.Outgoing, ct);
        var fieldIris = props.Values.SelectMany(v => v).Where(p => p.Predicate == Sg.MembershipField).Select(p => p.Node).Distinct().ToList();
        var ruleIris = props.Values.SelectMany(v => v).Where(p => p.Predicate == Vocab.ProvWasGeneratedBy).Select(p => p.Node).Distinct().ToList();
        var labels = await store.NeighboursAsync(fieldIris, [Vocab.SkosPrefLabel], Direction.Outgoing, ct);
        var ruleIds = await store.NeighboursAsync(ruleIris, [Sg.RuleId], Direction.Outgoing, ct);

        var result = new List<FieldPlacement>();
        foreach (var (_, ps) in props)
        {
            var field = ps.FirstOrDefault(p => p.Predicate == Sg.MembershipField).Node as Iri;
            var rule = ps.FirstOrDefault(p => p.Predicate == Vocab.ProvWasGeneratedBy).Node;
            if (field is null || rule is null) continue;
            var inherited = ps.FirstOrDefault(p => p.Predicate == Sg.InheritedFrom).Node as Iri;
            var evidence = (ps.FirstOrDefault(p => p.Predicate == Vocab.DctermsDescription).Node as Literal)?.Lexical ?? "";
            var ruleId = (ruleIds.GetValueOrDefault(rule)?.Select(p => p.Node).OfType<Literal>().FirstOrDefault())?.Lexical ?? ((Iri)rule).Value;
            result.Add(new FieldPlacement(field, FieldId(field), Texts(labels.GetValueOrDefault(field)), ruleId, evidence, inherited is null ? null : FieldId(inherited)));
        }
        return result.OrderBy(p => p.InheritedFromId is null ? 0 : 1).ThenBy(p => p.FieldId, StringComparer.Ordinal).ThenBy(p => p.RuleId, StringComparer.Ordinal).ToList();
    }

    public async Task<ClassNode?> CommitteeAsync(string code, CancellationToken ct = default)
    {
        if (NodeFor(code) is not { } node) return null;
        var committees = await ClassNodesAsync(node, Sg.OwnedBy, Sg.Code, Vocab.SkosPrefLabel, ct);
        return committees.FirstOrDefault();
    }

    public async Task<IReadOnlyList<ClassNode>> IcsAsync(string code, CancellationToken ct = default) =>
        NodeFor(code) is { } node ? await ClassNodesAsync(node, Sg.ClassifiedUnder, Vocab.SkosNotation, Vocab.SkosPrefLabel, ct) : [];

    // ------------------------------------------------------------------ helpers

    private static string FieldId(Iri field) =>
        field.Value.StartsWith(Sg.FieldNamespace, StringComparison.Ordinal) ? field.Value[Sg.FieldNamespace.Length..] : field.Value;

    private static List<Term> TargetsWithWork(StandardCode code)
    {
        var list = new List<Term> { StandardIris.For(code) };
        if (!code.IsUndated) list.Add(StandardIris.Work(code));
        return list;
    }

    private async Task<IReadOnlyList<StandardNode>> RelatedAsync(string code, Iri predicate, CancellationToken ct)
    {
        if (NodeFor(code) is not { } node) return [];
        var related = await ObjectsAsync(node, predicate, ct);
        return Chronological((await SummariesAsync(related, ct)).Values);
    }

    private async Task<List<Iri>> ObjectsAsync(Term node, Iri predicate, CancellationToken ct)
    {
        var hop = await store.NeighboursAsync([node], [predicate], Direction.Outgoing, ct);
        return hop.TryGetValue(node, out var list) ? list.Select(p => p.Node).OfType<Iri>().Distinct().ToList() : [];
    }

    private async Task<List<AdoptionEdge>> AdoptionEdgesAsync(IReadOnlyCollection<Iri> nationals, CancellationToken ct)
    {
        if (nationals.Count == 0) return [];
        var links = await store.NeighboursAsync(nationals.Cast<Term>().ToList(), [Sg.AdoptionLink], Direction.Outgoing, ct);
        var nodes = links.Values.SelectMany(v => v).Select(p => p.Node).Distinct().ToList();
        var props = await store.NeighboursAsync(nodes, [Sg.AdoptedStandard, Sg.Degree], Direction.Outgoing, ct);
        var pairs = new List<(Iri National, Iri International, AdoptionDegree? Degree)>();
        foreach (var (national, ls) in links)
            foreach (var (_, a) in ls)
            {
                var ps = props.GetValueOrDefault(a) ?? [];
                if (ps.FirstOrDefault(p => p.Predicate == Sg.AdoptedStandard).Node is not Iri target) continue;
                var degreeIri = ps.FirstOrDefault(p => p.Predicate == Sg.Degree).Node as Iri;
                AdoptionDegree? degree = degreeIri is null ? null
                    : Enum.TryParse<AdoptionDegree>(degreeIri.Value[(degreeIri.Value.LastIndexOf('#') + 1)..], out var d) ? d : null;
                pairs.Add(((Iri)national, target, degree));
            }
        var summaries = await SummariesAsync(pairs.SelectMany(p => new[] { p.National, p.International }).Distinct().ToList(), ct);
        return pairs.Where(p => summaries.ContainsKey(p.National) && summaries.ContainsKey(p.International))
            .Select(p => new AdoptionEdge(summaries[p.National], summaries[p.International], p.Degree))
            .OrderBy(e => e.International.Code, StringComparer.Ordinal).ToList();
    }

    private async Task<HashSet<(Term Newer, Term Older)>> InferredPairsAsync(IReadOnlyCollection<Iri> editions, CancellationToken ct)
    {
        var result = new HashSet<(Term, Term)>();
        if (editions.Count == 0) return result;
        var nodes = (await store.NeighboursAsync(editions.Cast<Term>().ToList(), [Sg.ReplacingEdition], Direction.Incoming, ct))
            .SelectMany(kv => kv.Value).Select(p => p.Node).Distinct().ToList();
        if (nodes.Count == 0) return result;
        var props = await store.NeighboursAsync(nodes, [Sg.ReplacingEdition, Sg.ReplacedEdition], Direction.Outgoing, ct);
        foreach (var ps in props.Values)
        {
            var newer = ps.FirstOrDefault(p => p.Predicate == Sg.ReplacingEdition).Node;
            var older = ps.FirstOrDefault(p => p.Predicate == Sg.ReplacedEdition).Node;
            if (newer is not null && older is not null) result.Add((newer, older));
        }
        return result;
    }

    private async Task<IReadOnlyList<ClassNode>> ClassNodesAsync(Term node, Iri link, Iri codePredicate, Iri labelPredicate, CancellationToken ct)
    {
        var targets = await ObjectsAsync(node, link, ct);
        if (targets.Count == 0) return [];
        var props = await store.NeighboursAsync(targets.Cast<Term>().ToList(), [codePredicate, labelPredicate], Direction.Outgoing, ct);
        return targets.Select(t =>
        {
            var ps = props.GetValueOrDefault(t) ?? [];
            var code = (ps.FirstOrDefault(p => p.Predicate == codePredicate).Node as Literal)?.Lexical ?? t.Value;
            return new ClassNode(t, code, Texts(ps.Where(p => p.Predicate == labelPredicate).ToList()));
        }).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>Summaries of many nodes in one batched lookup; nodes without a code in the graph are left out.</summary>
    private async Task<Dictionary<Iri, StandardNode>> SummariesAsync(IReadOnlyCollection<Iri> nodes, CancellationToken ct)
    {
        var result = new Dictionary<Iri, StandardNode>();
        if (nodes.Count == 0) return result;
        var props = await store.NeighboursAsync(nodes.Cast<Term>().ToList(), SummaryPredicates, Direction.Outgoing, ct);
        foreach (var (term, ps) in props)
        {
            if (term is not Iri iri || ps.FirstOrDefault(p => p.Predicate == Sg.Code).Node is not Literal code) continue;
            result[iri] = new StandardNode(
                iri,
                code.Lexical,
                ps.Any(p => p.Predicate == Vocab.RdfType && p.Node == Sg.Work),
                Texts(ps.Where(p => p.Predicate == Vocab.DctermsTitle).ToList()),
                (ps.FirstOrDefault(p => p.Predicate == Sg.Status).Node as Literal)?.Lexical,
                (ps.FirstOrDefault(p => p.Predicate == Vocab.DctermsIssued).Node as Literal)?.Lexical,
                ps.Any(p => p.Predicate == Sg.KnownOnlyByCode && p.Node is Literal { Lexical: "true" }));
        }
        return result;
    }

    private static IReadOnlyDictionary<string, string> Texts(IReadOnlyList<(Iri Predicate, Term Node)>? pairs)
    {
        var d = new Dictionary<string, string>();
        foreach (var (_, node) in pairs ?? [])
            if (node is Literal l) d.TryAdd(l.Language ?? "", l.Lexical);
        return d;
    }

    private static List<StandardNode> Chronological(IEnumerable<StandardNode> nodes) =>
        nodes.OrderBy(n => n.Year ?? int.MaxValue).ThenBy(n => n.Code, StringComparer.Ordinal).ToList();
}
