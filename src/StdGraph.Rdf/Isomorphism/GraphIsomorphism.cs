namespace StdGraph.Rdf;

/// <summary>
/// RDF graph isomorphism: equal ground triples, and a bijection between blank nodes that maps one graph onto the other.
/// Blank nodes are coloured by iterated hashing of their neighbourhoods; ties are broken by backtracking, and a
/// candidate mapping is only accepted after checking every triple.
/// </summary>
public static class GraphIsomorphism
{
    public static bool AreIsomorphic(IReadOnlyCollection<Triple> a, IReadOnlyCollection<Triple> b)
    {
        var setA = new HashSet<Triple>(a);
        var setB = new HashSet<Triple>(b);
        if (setA.Count != setB.Count) return false;

        var groundA = setA.Where(IsGround).ToList();
        var groundB = setB.Where(IsGround).ToHashSet();
        if (groundA.Count != groundB.Count || !groundA.All(groundB.Contains)) return false;

        var blankA = setA.Where(t => !IsGround(t)).ToList();
        var blankB = setB.Where(t => !IsGround(t)).ToList();
        if (blankA.Count == 0) return true;

        var nodesA = BlankNodesOf(blankA);
        var nodesB = BlankNodesOf(blankB);
        if (nodesA.Count != nodesB.Count) return false;

        var colorsA = nodesA.ToDictionary(n => n, _ => 0L);
        var colorsB = nodesB.ToDictionary(n => n, _ => 0L);
        var targetTriples = blankB.ToHashSet();
        return Search(blankA, blankB, colorsA, colorsB, targetTriples);
    }

    private static bool IsGround(Triple t) => t.Subject is not BlankNode && t.Obj is not BlankNode;

    private static List<BlankNode> BlankNodesOf(List<Triple> triples)
    {
        var set = new HashSet<BlankNode>();
        foreach (var t in triples)
        {
            if (t.Subject is BlankNode s) set.Add(s);
            if (t.Obj is BlankNode o) set.Add(o);
        }
        return set.ToList();
    }

    private static bool Search(List<Triple> triplesA, List<Triple> triplesB, Dictionary<BlankNode, long> colorsA,
        Dictionary<BlankNode, long> colorsB, HashSet<Triple> target)
    {
        Refine(triplesA, colorsA, triplesB, colorsB);
        var classesA = colorsA.GroupBy(kv => kv.Value).ToDictionary(g => g.Key, g => g.Select(kv => kv.Key).ToList());
        var classesB = colorsB.GroupBy(kv => kv.Value).ToDictionary(g => g.Key, g => g.Select(kv => kv.Key).ToList());
        if (classesA.Count != classesB.Count) return false;
        foreach (var (color, members) in classesA)
            if (!classesB.TryGetValue(color, out var other) || other.Count != members.Count) return false;

        var ambiguous = classesA.Where(c => c.Value.Count > 1).OrderBy(c => c.Value.Count).Select(c => c.Key).ToList();
        if (ambiguous.Count == 0)
        {
            var mapping = classesA.ToDictionary(c => c.Value[0], c => classesB[c.Key][0]);
            return triplesA.All(t => target.Contains(new Triple(Map(t.Subject, mapping), t.Predicate, Map(t.Obj, mapping))));
        }

        var pick = ambiguous[0];
        var nodeA = classesA[pick][0];
        var distinct = colorsA.Values.Concat(colorsB.Values).Max() + 1;
        foreach (var nodeB in classesB[pick])
        {
            var nextA = new Dictionary<BlankNode, long>(colorsA) { [nodeA] = distinct };
            var nextB = new Dictionary<BlankNode, long>(colorsB) { [nodeB] = distinct };
            if (Search(triplesA, triplesB, nextA, nextB, target)) return true;
        }
        return false;
    }

    private static Term Map(Term term, Dictionary<BlankNode, BlankNode> mapping) =>
        term is BlankNode b ? mapping[b] : term;

    /// <summary>Refines both colourings with the same deterministic function until the number of classes stops growing.</summary>
    private static void Refine(List<Triple> triplesA, Dictionary<BlankNode, long> colorsA, List<Triple> triplesB, Dictionary<BlankNode, long> colorsB)
    {
        var classes = colorsA.Values.Distinct().Count();
        while (true)
        {
            var nextA = Step(triplesA, colorsA);
            var nextB = Step(triplesB, colorsB);
            var nextClasses = nextA.Values.Distinct().Count();
            foreach (var kv in nextA) colorsA[kv.Key] = kv.Value;
            foreach (var kv in nextB) colorsB[kv.Key] = kv.Value;
            if (nextClasses <= classes) return;
            classes = nextClasses;
        }
    }

    private static Dictionary<BlankNode, long> Step(List<Triple> triples, Dictionary<BlankNode, long> colors)
    {
        var signatures = colors.Keys.ToDictionary(k => k, _ => new List<long>());
        foreach (var t in triples)
        {
            var p = StableHash(t.Predicate);
            if (t.Subject is BlankNode s) signatures[s].Add(Mix(1, p, TermColor(t.Obj, colors)));
            if (t.Obj is BlankNode o) signatures[o].Add(Mix(2, p, TermColor(t.Subject, colors)));
        }
        var result = new Dictionary<BlankNode, long>(colors.Count);
        foreach (var (node, sig) in signatures)
        {
            sig.Sort();
            var h = colors[node];
            foreach (var x in sig) h = Mix(h, x, 0x2545F4914F6CDD1DL);
            result[node] = h & long.MaxValue;
        }
        return result;
    }

    private static long TermColor(Term term, Dictionary<BlankNode, long> colors) =>
        term is BlankNode b ? colors[b] : StableHash(term);

    private static long StableHash(Term term)
    {
        // string.GetHashCode is randomised per process but stable within it, which is all colouring needs.
        var h = (long)term.GetHashCode();
        return Mix(h, 0x51_7C_C1_B7_27_22_0A_95L, 7);
    }

    private static long Mix(long a, long b, long c)
    {
        unchecked
        {
            var h = (ulong)a * 0xFF51AFD7ED558CCDUL;
            h ^= (ulong)b + 0x9E3779B97F4A7C15UL + (h << 6) + (h >> 2);
            h *= 0xC4CEB9FE1A85EC53UL;
            h ^= (ulong)c + (h >> 29);
            return (long)(h * 0x94D049BB133111EBUL);
        }
    }
}
