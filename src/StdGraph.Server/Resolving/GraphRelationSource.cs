using StdGraph.Core.Catalogue;
using StdGraph.Core.Codes;
using StdGraph.Knowledge.Mapping;
using StdGraph.Knowledge;
using StdGraph.Rdf;

namespace StdGraph.Server.Resolving;

/// <summary>
/// Relations read from the standards graph. Every call asks the store for all requested editions at once
/// (<see cref="IGraphStore.NeighboursAsync"/>), so the number of store calls depends on the relation, never on
/// how many editions a selection level holds: one for a plain relation, two for adoptions (the qualified
/// adoption node carries the degree), three for adoptedBy. Undated citations and adoptions of a work count for
/// each of its editions, as the graph mapping defines them.
/// </summary>
internal sealed class GraphRelationSource(IGraphStore store, StandardDirectory directory, GraphCodeMap codes) : IRelationSource
{
    private static readonly Dictionary<Relation, Iri> Predicates = new()
    {
        [Relation.Replaces] = Sg.Replaces,
        [Relation.ReplacedBy] = Sg.ReplacedBy,
        [Relation.Cites] = Sg.Cites,
        [Relation.CitedBy] = Sg.CitedBy,
        [Relation.Amends] = Sg.Amends,
        [Relation.Amendments] = Sg.AmendedBy,
        [Relation.Updates] = Sg.Updates,
        [Relation.UpdatedBy] = Sg.UpdatedBy,
    };

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<StandardLink>>> LinksAsync(
        Relation relation, IReadOnlyCollection<string> canonicalCodes, CancellationToken ct)
    {
        var sources = canonicalCodes.Distinct(StringComparer.Ordinal).Select(c => (Code: c, Parsed: StandardCode.Parse(c))).ToList();
        var result = sources.ToDictionary(s => s.Code, _ => (IReadOnlyList<StandardLink>)[], StringComparer.Ordinal);
        switch (relation)
        {
            case Relation.Adopts:
            {
                var nodes = sources.ToDictionary(s => NodeOf(s.Parsed), s => s.Code);
                var edges = await AdoptionsAsync(nodes.Keys.ToList(), ct).ConfigureAwait(false);
                foreach (var group in edges.GroupBy(e => e.National))
                    result[nodes[group.Key]] = Ordered(group.Select(e => Link(e.International, e.Degree)).OfType<StandardLink>().ToList());
                break;
            }

            case Relation.AdoptedBy:
            {
                var targets = WithWorks(sources, relation);
                var nationals = await store.NeighboursAsync(targets.Keys.ToList(), [Sg.AdoptedBy], Direction.Outgoing, ct).ConfigureAwait(false);
                var nationalNodes = nationals.Values.SelectMany(v => v).Select(p => p.Node).Distinct().ToList();
                var edges = await AdoptionsAsync(nationalNodes, ct).ConfigureAwait(false);
                var links = result.ToDictionary(r => r.Key, _ => new List<StandardLink>(), StringComparer.Ordinal);
                foreach (var edge in edges)
                {
                    if (!targets.TryGetValue(edge.International, out var owners)) continue;
                    if (Link(edge.National, edge.Degree) is not { } link) continue;
                    foreach (var owner in owners) links[owner].Add(link);
                }

                foreach (var (code, list) in links) result[code] = Ordered(list);
                break;
            }

            default:
            {
                var predicate = Predicates[relation];
                var targets = WithWorks(sources, relation);
                var hop = await store.NeighboursAsync(targets.Keys.ToList(), [predicate], Direction.Outgoing, ct).ConfigureAwait(false);
                var links = result.ToDictionary(r => r.Key, _ => new List<StandardLink>(), StringComparer.Ordinal);
                foreach (var (node, pairs) in hop)
                {
                    foreach (var owner in targets[node])
                        links[owner].AddRange(pairs.Select(p => Link(p.Node, null)).OfType<StandardLink>());
                }

                foreach (var (code, list) in links) result[code] = Ordered(list);
                break;
            }
        }

        return result;
    }

    /// <summary>The nodes to ask about: each edition, plus its work for the inverse relations an undated reference makes.</summary>
    private Dictionary<Term, List<string>> WithWorks(List<(string Code, StandardCode Parsed)> sources, Relation relation)
    {
        var includeWork = relation is Relation.CitedBy or Relation.AdoptedBy;
        var targets = new Dictionary<Term, List<string>>();
        foreach (var (code, parsed) in sources)
        {
            Add(NodeOf(parsed), code);
            if (includeWork) Add(StandardIris.Work(parsed), code);
        }

        return targets;

        void Add(Term node, string owner)
        {
            if (!targets.TryGetValue(node, out var owners)) targets[node] = owners = [];
            if (!owners.Contains(owner)) owners.Add(owner);
        }
    }

    /// <summary>The graph node of an edition the API names: the edition node (RFC codes carry no year but are editions).</summary>
    private Term NodeOf(StandardCode code) =>
        code.IsUndated && directory.Find(code.Canonical) is null ? StandardIris.For(code) : StandardIris.Edition(code);

    private async Task<List<(Term National, Term International, AdoptionDegree? Degree)>> AdoptionsAsync(IReadOnlyCollection<Term> nationals, CancellationToken ct)
    {
        if (nationals.Count == 0) return [];
        var links = await store.NeighboursAsync(nationals, [Sg.AdoptionLink], Direction.Outgoing, ct).ConfigureAwait(false);
        var adoptionNodes = links.Values.SelectMany(v => v).Select(p => p.Node).Distinct().ToList();
        if (adoptionNodes.Count == 0) return [];
        var props = await store.NeighboursAsync(adoptionNodes, [Sg.AdoptedStandard, Sg.Degree], Direction.Outgoing, ct).ConfigureAwait(false);
        var edges = new List<(Term, Term, AdoptionDegree?)>();
        foreach (var (national, pairs) in links)
        {
            foreach (var (_, adoption) in pairs)
            {
                var ps = props.GetValueOrDefault(adoption) ?? [];
                if (ps.FirstOrDefault(p => p.Predicate == Sg.AdoptedStandard).Node is not Iri target) continue;
                var degreeIri = ps.FirstOrDefault(p => p.Predicate == Sg.Degree).Node as Iri;
                AdoptionDegree? degree = degreeIri is not null && Enum.TryParse<AdoptionDegree>(degreeIri.Value[(degreeIri.Value.LastIndexOfAny(['#', '/']) + 1)..], out var d) ? d : null;
                edges.Add((national, target, degree));
            }
        }

        return edges;
    }

    /// <summary>A link to a graph node, or null for a node that is not a standard (none expected; skipped, not guessed).</summary>
    private StandardLink? Link(Term node, AdoptionDegree? degree) => codes.Find(node) is { } code ? new StandardLink(directory.Node(code), degree) : null;

    private static List<StandardLink> Ordered(List<StandardLink> links) =>
        links.DistinctBy(l => (l.Target.Canonical, l.Degree))
            .OrderBy(l => l.Target.Edition?.Issued?.Earliest ?? DateOnly.MaxValue)
            .ThenBy(l => l.Target.Canonical, StringComparer.Ordinal)
            .ToList();
}

/// <summary>The code of every node the graph mapping makes from the catalogue: editions, relation targets and works.</summary>
internal sealed class GraphCodeMap
{
    private readonly Dictionary<string, StandardCode> _byIri = new(StringComparer.Ordinal);

    public GraphCodeMap(StdGraph.Corpus.Catalogue catalogue)
    {
        foreach (var e in catalogue.Editions.Values)
        {
            Add(e.ParsedCode);
            foreach (var r in e.Relations) Add(r.ParsedTarget);
        }
    }

    public StandardCode? Find(Term node) => node is Iri iri && _byIri.TryGetValue(iri.Value, out var code) ? code : null;

    private void Add(StandardCode code)
    {
        _byIri.TryAdd(StandardIris.Edition(code).Value, code);
        _byIri.TryAdd(StandardIris.For(code).Value, code);
        if (!code.IsUndated && StandardCode.TryParse(code.WorkKey, out var work, out _)) _byIri.TryAdd(StandardIris.Work(code).Value, work);
    }
}
