using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using StdGraph.Search.Indexing;

namespace StdGraph.Search.Querying;

/// <summary>
/// Counts facet values over every matching document (not just the page) from sorted-set doc values:
/// ordinals are counted per segment and resolved to strings once per segment.
/// </summary>
internal sealed class FacetCounter : ICollector
{
    private readonly string[] _names;
    private readonly Dictionary<string, long>[] _totals;
    private SortedSetDocValues?[] _values;
    private int[]?[] _counts;

    public FacetCounter(IReadOnlyList<string> facetNames)
    {
        _names = facetNames.ToArray();
        _totals = _names.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal)).ToArray();
        _values = new SortedSetDocValues?[_names.Length];
        _counts = new int[]?[_names.Length];
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        for (var i = 0; i < _names.Length; i++)
        {
            var values = context.AtomicReader.GetSortedSetDocValues(IndexFields.Facets[_names[i]]);
            _values[i] = values;
            _counts[i] = values is null ? null : new int[checked((int)values.ValueCount)];
        }
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            var values = _values[i];
            if (values is null) continue;
            var counts = _counts[i]!;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) counts[ord]++;
        }
    }

    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Result(int size)
    {
        FlushSegment();
        var result = new Dictionary<string, IReadOnlyList<FacetValue>>(StringComparer.Ordinal);
        for (var i = 0; i < _names.Length; i++)
        {
            result[_names[i]] = _totals[i]
                .OrderByDescending(kv => kv.Value)
                .ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Take(Math.Max(0, size))
                .Select(kv => new FacetValue(kv.Key, kv.Value))
                .ToList();
        }

        return result;
    }

    private void FlushSegment()
    {
        var bytes = new BytesRef();
        for (var i = 0; i < _names.Length; i++)
        {
            var values = _values[i];
            var counts = _counts[i];
            if (values is null || counts is null) continue;
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0) continue;
                values.LookupOrd(ord, bytes);
                var key = bytes.Utf8ToString();
                _totals[i][key] = _totals[i].GetValueOrDefault(key) + counts[ord];
            }

            _values[i] = null;
            _counts[i] = null;
        }
    }
}
