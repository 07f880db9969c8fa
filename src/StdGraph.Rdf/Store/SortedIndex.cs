namespace StdGraph.Rdf.Store;

/// <summary>Operations on a sorted, duplicate-free <see cref="IdTriple"/> array: prefix ranges, merge, difference.</summary>
internal static class SortedIndex
{
    public static (int Start, int End) Range(IdTriple[] index, int prefixLength, int a, int b, int c) => prefixLength switch
    {
        0 => (0, index.Length),
        1 => (LowerBound(index, new IdTriple(a, int.MinValue, int.MinValue)), LowerBound(index, new IdTriple(a, int.MaxValue, int.MaxValue), inclusive: true)),
        2 => (LowerBound(index, new IdTriple(a, b, int.MinValue)), LowerBound(index, new IdTriple(a, b, int.MaxValue), inclusive: true)),
        _ => Exact(index, new IdTriple(a, b, c)),
    };

    private static (int, int) Exact(IdTriple[] index, IdTriple key)
    {
        var i = LowerBound(index, key);
        return i < index.Length && index[i] == key ? (i, i + 1) : (i, i);
    }

    /// <summary>First position whose element is &gt;= key (or &gt; key when <paramref name="inclusive"/>).</summary>
    public static int LowerBound(IdTriple[] index, IdTriple key, bool inclusive = false)
    {
        int lo = 0, hi = index.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var cmp = index[mid].CompareTo(key);
            if (cmp < 0 || (inclusive && cmp == 0)) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>Sorts in place and removes duplicates; returns the distinct count.</summary>
    public static int SortDistinct(Span<IdTriple> items)
    {
        if (items.Length == 0) return 0;
        items.Sort();
        var n = 1;
        for (var i = 1; i < items.Length; i++)
            if (items[i] != items[n - 1]) items[n++] = items[i];
        return n;
    }

    /// <summary>Merges sorted distinct <paramref name="added"/> into <paramref name="index"/>, skipping elements already present.</summary>
    public static IdTriple[] Union(IdTriple[] index, ReadOnlySpan<IdTriple> added)
    {
        if (added.Length == 0) return index;
        var result = new IdTriple[index.Length + added.Length];
        int i = 0, j = 0, n = 0;
        while (i < index.Length && j < added.Length)
        {
            var cmp = index[i].CompareTo(added[j]);
            if (cmp < 0) result[n++] = index[i++];
            else if (cmp > 0) result[n++] = added[j++];
            else { result[n++] = index[i++]; j++; }
        }
        while (i < index.Length) result[n++] = index[i++];
        while (j < added.Length) result[n++] = added[j++];
        if (n != result.Length) Array.Resize(ref result, n);
        return result;
    }

    /// <summary>The elements of <paramref name="index"/> not in sorted <paramref name="removed"/>.</summary>
    public static IdTriple[] Except(IdTriple[] index, ReadOnlySpan<IdTriple> removed)
    {
        if (removed.Length == 0 || index.Length == 0) return index;
        var result = new IdTriple[index.Length];
        int i = 0, j = 0, n = 0;
        while (i < index.Length)
        {
            while (j < removed.Length && removed[j].CompareTo(index[i]) < 0) j++;
            if (j < removed.Length && removed[j] == index[i]) { i++; continue; }
            result[n++] = index[i++];
        }
        if (n == index.Length) return index;
        Array.Resize(ref result, n);
        return result;
    }

    /// <summary>Builds a sorted index from SPO triples through a permutation.</summary>
    public static IdTriple[] Permute(ReadOnlySpan<IdTriple> spo, Func<IdTriple, IdTriple> permutation)
    {
        var result = new IdTriple[spo.Length];
        for (var i = 0; i < spo.Length; i++) result[i] = permutation(spo[i]);
        result.AsSpan().Sort();
        return result;
    }
}
