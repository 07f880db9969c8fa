using StdGraph.Core.Catalogue;

namespace StdGraph.Equivalents.Learning;

/// <summary>
/// Groups national records so that nothing in one group can give away the answer for another: records of the same
/// national work, and records adopting the same international work, fall in one group (union–find over both keys).
/// Folds are assigned by a stable hash of each group, so runs are repeatable on every machine.
/// </summary>
internal static class AdoptionGroups
{
    public static Dictionary<StandardEdition, string> Assign(IEnumerable<StandardEdition> nationals)
    {
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string k)
        {
            if (!parent.TryGetValue(k, out var p)) { parent[k] = k; return k; }
            if (p == k) return k;
            var root = Find(p);
            parent[k] = root;
            return root;
        }

        void Union(string a, string b)
        {
            var ra = Find(a);
            var rb = Find(b);
            if (ra == rb) return;
            // The smaller key becomes the root, so the representative does not depend on input order.
            if (string.CompareOrdinal(ra, rb) < 0) parent[rb] = ra;
            else parent[ra] = rb;
        }

        var list = nationals.ToList();
        foreach (var n in list)
        {
            var own = "N:" + n.ParsedCode.WorkKey;
            Find(own);
            foreach (var r in n.Relations.Where(r => r.Type == RelationType.Adopts)) Union(own, "I:" + r.ParsedTarget.WorkKey);
        }

        return list.ToDictionary(n => n, n => Find("N:" + n.ParsedCode.WorkKey), ReferenceEqualityComparer.Instance as IEqualityComparer<StandardEdition>);
    }

    public static int Fold(string group, int folds)
    {
        // FNV-1a: string.GetHashCode is randomised per process.
        var hash = 2166136261u;
        foreach (var c in group)
        {
            hash ^= c;
            hash *= 16777619u;
        }

        return (int)(hash % (uint)folds);
    }
}
