using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using BytesRef = Lucene.Net.Util.BytesRef;
using StdGraph.Core.Codes;
using StdGraph.Search.Analysis;
using StdGraph.Search.Indexing;
using StdGraph.Search.Querying;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace StdGraph.Search;

/// <summary>
/// The full-text index of the catalogue: built whole into a new generation folder and switched to atomically, updated
/// incrementally by code, searched concurrently. Open it once per process and share it; it is thread-safe.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private const int MaxPage = 1000;
    private const int FewHits = 3;
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    private static readonly Sort ScoreThenCode = new(SortField.FIELD_SCORE, new SortField(IndexFields.IdSort, SortFieldType.STRING));

    private readonly string _indexDirectory;
    private readonly object _gate = new();
    private Generation _generation;
    private IndexWriter? _writer;
    private long _lastRefreshTicks;
    private bool _disposed;

    private sealed class Generation(string path, LuceneDirectory directory, SearcherManager searchers, TextAnalysis analysis) : IDisposable
    {
        public string Path { get; } = path;
        public LuceneDirectory Directory { get; } = directory;
        public SearcherManager Searchers { get; } = searchers;
        public TextAnalysis Analysis { get; } = analysis;
        public QueryBuilder Queries { get; } = new(analysis);

        public void Dispose()
        {
            Searchers.Dispose();
            Directory.Dispose();
            Analysis.Dispose();
        }
    }

    private SearchIndex(string indexDirectory, Generation generation)
    {
        _indexDirectory = indexDirectory;
        _generation = generation;
        _lastRefreshTicks = Environment.TickCount64;
    }

    /// <summary>
    /// Builds a complete index of <paramref name="docs"/> in a new generation under <paramref name="indexDirectory"/> and
    /// makes it the serving one only when it is committed. Cancelled, failed or killed builds leave the previous index serving.
    /// </summary>
    public static void Build(string indexDirectory, IEnumerable<SearchDocument> docs, IProgress<int>? progress = null, CancellationToken ct = default) =>
        Build(indexDirectory, docs, ChineseAnalysis.SmartCn, progress, ct);

    internal static void Build(string indexDirectory, IEnumerable<SearchDocument> docs, ChineseAnalysis chinese, IProgress<int>? progress, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(indexDirectory);
        ArgumentNullException.ThrowIfNull(docs);
        var previous = IndexGenerations.Current(indexDirectory);
        var generation = IndexGenerations.NewGeneration(indexDirectory);
        var completed = false;
        try
        {
            long count = 0;
            using (var analysis = new TextAnalysis(chinese))
            using (var directory = FSDirectory.Open(generation))
            using (var writer = new IndexWriter(directory, WriterConfig(analysis, OpenMode.CREATE)))
            {
                try
                {
                    // IndexWriter indexes concurrently (one segment buffer per thread): analysis is the cost, so use every core.
                    var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct };
                    Parallel.ForEach(docs, options, doc =>
                    {
                        writer.AddDocument(DocumentMapper.Map(doc));
                        var done = Interlocked.Increment(ref count);
                        if (done % 1000 == 0) progress?.Report((int)done);
                    });

                    writer.Commit();
                }
                catch
                {
                    writer.Rollback();
                    throw;
                }
            }

            progress?.Report((int)count);
            IndexGenerations.WriteMetadata(generation, chinese, count);
            IndexGenerations.Switch(indexDirectory, generation);
            completed = true;
            IndexGenerations.Prune(indexDirectory, generation, previous);
        }
        finally
        {
            if (!completed)
            {
                try { System.IO.Directory.Delete(generation, recursive: true); }
                catch (IOException) { }
            }
        }
    }

    /// <summary>Opens the serving generation under <paramref name="indexDirectory"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">No build has completed there.</exception>
    public static SearchIndex Open(string indexDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(indexDirectory);
        return new SearchIndex(indexDirectory, OpenGeneration(indexDirectory));
    }

    private static Generation OpenGeneration(string indexDirectory)
    {
        var path = IndexGenerations.Current(indexDirectory)
            ?? throw new DirectoryNotFoundException($"no search index in '{indexDirectory}': build one first (stdgraph index)");
        var metadata = IndexGenerations.ReadMetadata(path);
        var chinese = Enum.Parse<ChineseAnalysis>(metadata.Chinese);
        var directory = FSDirectory.Open(path);
        try
        {
            return new Generation(path, directory, new SearcherManager(directory, null), new TextAnalysis(chinese));
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>The Chinese analysis this index was built with.</summary>
    internal ChineseAnalysis ChineseAnalysis => _generation.Analysis.ChineseMode;

    /// <summary>Adds or replaces editions by canonical code; searches see them when this returns.</summary>
    public void Upsert(IEnumerable<SearchDocument> docs)
    {
        ArgumentNullException.ThrowIfNull(docs);
        lock (_gate)
        {
            var writer = Writer();
            foreach (var doc in docs)
                writer.UpdateDocument(new Term(IndexFields.Id, doc.Edition.ParsedCode.Canonical), DocumentMapper.Map(doc));
            CommitAndRefresh(writer);
        }
    }

    /// <summary>Removes editions by code (any spelling the code parser accepts); unknown codes are ignored.</summary>
    public void Delete(IEnumerable<string> canonicalCodes)
    {
        ArgumentNullException.ThrowIfNull(canonicalCodes);
        lock (_gate)
        {
            var writer = Writer();
            foreach (var code in canonicalCodes)
            {
                var canonical = StandardCode.TryParse(code, out var parsed, out _) ? parsed.Canonical : code;
                writer.DeleteDocuments(new Term(IndexFields.Id, canonical));
            }

            CommitAndRefresh(writer);
        }
    }

    private IndexWriter Writer()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        // Opened on first update only, so any number of processes can search one index while one of them updates it.
        return _writer ??= new IndexWriter(_generation.Directory, WriterConfig(_generation.Analysis, OpenMode.APPEND));
    }

    private void CommitAndRefresh(IndexWriter writer)
    {
        writer.Commit();
        _generation.Searchers.MaybeRefreshBlocking();
    }

    private static IndexWriterConfig WriterConfig(TextAnalysis analysis, OpenMode mode) => new(TextAnalysis.Version, analysis.PerField)
    {
        OpenMode = mode,
        RAMBufferSizeMB = 128,
    };

    /// <summary>Runs a search; never throws for any user text (a bad cursor or filter name is an <see cref="ArgumentException"/>).</summary>
    public SearchResult Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.First is < 0 or > MaxPage) throw new ArgumentException($"page size must be between 0 and {MaxPage}, not {request.First}", nameof(request));
        var after = request.After is null ? null : Cursor.Decode(request.After);
        var filter = BuildFilter(request.Filters);

        return WithSearcher((generation, searcher) =>
        {
            var built = generation.Queries.Build(request.Text ?? "", relaxed: false);
            var result = Run(generation, searcher, built, filter, after, request);
            if (result.Total < FewHits && built.HasWords && after is null)
            {
                var relaxed = generation.Queries.Build(request.Text ?? "", relaxed: true);
                var second = Run(generation, searcher, relaxed, filter, after, request);
                if (second.Total > result.Total) result = second;
            }

            return result;
        });
    }

    /// <summary>
    /// Canonical codes of editions matching a code in any spelling (<c>27001</c>, <c>GBT22080</c>, <c>ISO/IEC 27001:2022</c>):
    /// the exact edition first, then the same work (valid editions first), then the same number elsewhere.
    /// </summary>
    public IReadOnlyList<string> FindCodes(string codeText, int max = 50)
    {
        if (string.IsNullOrWhiteSpace(codeText) || max <= 0) return [];
        var parsed = QueryCodes.Parse(codeText);
        if (parsed.CodeKeys.Count == 0) return [];
        var query = new StatusRankQuery(QueryBuilder.CodeLookup(parsed.CodeKeys));
        return WithSearcher((_, searcher) =>
        {
            var top = searcher.Search(query, null, Math.Min(max, MaxPage), ScoreThenCode, doDocScores: true, doMaxScore: false);
            return (IReadOnlyList<string>)top.ScoreDocs.Select(hit => searcher.Doc(hit.Doc).Get(IndexFields.Id)).ToList();
        });
    }

    private static SearchResult Run(Generation generation, IndexSearcher searcher, BuiltQuery built, Filter? filter, FieldDoc? after, SearchRequest request)
    {
        var query = request.PreferValid ? new StatusRankQuery(built.Query) : built.Query;
        var top = TopFieldCollector.Create(ScoreThenCode, Math.Max(1, request.First), after, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
        var facets = request.Facets ? new FacetCounter(IndexFields.FacetNames) : null;
        searcher.Search(query, filter, facets is null ? top : MultiCollector.Wrap(top, facets));
        var docs = top.GetTopDocs();
        var hits = new List<SearchHit>(Math.Min(docs.ScoreDocs.Length, request.First));
        foreach (var scoreDoc in docs.ScoreDocs.Take(request.First))
        {
            hits.Add(request.StoredFields || request.Highlight
                ? ToHit(generation, searcher.Doc(scoreDoc.Doc), scoreDoc.Score, built, request.Highlight)
                : CodeOnlyHit((FieldDoc)scoreDoc));
        }

        var next = hits.Count == request.First && hits.Count > 0 && docs.TotalHits > 0 ? hits[^1].Cursor : null;
        return new SearchResult(
            docs.TotalHits,
            hits,
            facets?.Result(request.FacetSize) ?? new Dictionary<string, IReadOnlyList<FacetValue>>(),
            next);
    }

    private static SearchHit ToHit(Generation generation, Lucene.Net.Documents.Document doc, float score, BuiltQuery built, bool highlight)
    {
        var code = doc.Get(IndexFields.Id);
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        var highlights = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var language in IndexFields.Languages)
        {
            var title = doc.Get(IndexFields.Title(language));
            if (title is not null) titles[language] = title;
            if (!highlight) continue;
            var analyzer = generation.Analysis.ForLanguage(language);
            AddHighlight(highlights, "title." + language, analyzer, IndexFields.Title(language), title, built, whole: true);
            AddHighlight(highlights, "abstract." + language, analyzer, IndexFields.Abstract(language), doc.Get(IndexFields.Abstract(language)), built, whole: false);
        }

        return new SearchHit(code, doc.Get(IndexFields.DisplayCode) ?? code, score, Cursor.Encode(score, code), titles, doc.Get(IndexFields.Status), highlights);
    }

    /// <summary>A hit from the sort values alone: <see cref="ScoreThenCode"/> carries the canonical code as its second field.</summary>
    private static SearchHit CodeOnlyHit(FieldDoc doc)
    {
        var code = ((BytesRef)doc.Fields[1]).Utf8ToString();
        return new SearchHit(code, code, doc.Score, Cursor.Encode(doc.Score, code), EmptyTitles, null, EmptyHighlights);
    }

    private static readonly IReadOnlyDictionary<string, string> EmptyTitles = new Dictionary<string, string>();
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> EmptyHighlights = new Dictionary<string, IReadOnlyList<string>>();

    private static void AddHighlight(Dictionary<string, IReadOnlyList<string>> highlights, string name, Lucene.Net.Analysis.Analyzer analyzer, string field, string? text, BuiltQuery built, bool whole)
    {
        if (text is null || !built.HighlightTerms.TryGetValue(field, out var terms)) return;
        var fragments = SpanHighlighter.Fragments(analyzer, field, text, terms, whole);
        if (fragments.Count > 0) highlights[name] = fragments;
    }

    private static Filter? BuildFilter(IReadOnlyDictionary<string, IReadOnlyList<string>>? filters)
    {
        if (filters is null || filters.Count == 0) return null;
        var all = new BooleanQuery();
        foreach (var (name, values) in filters)
        {
            if (!IndexFields.Facets.TryGetValue(name, out var field))
                throw new ArgumentException($"unknown filter '{name}'; filters are {string.Join(", ", IndexFields.FacetNames)}", nameof(filters));
            if (values is null || values.Count == 0) continue;
            var any = new BooleanQuery();
            foreach (var value in values) any.Add(new TermQuery(new Term(field, IndexFields.NormaliseFilterValue(name, value))), Occur.SHOULD);
            all.Add(any, Occur.MUST);
        }

        return all.Clauses.Count == 0 ? null : new QueryWrapperFilter(all);
    }

    private T WithSearcher<T>(Func<Generation, IndexSearcher, T> action)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        MaybeFollowChanges();
        for (var attempt = 0; ; attempt++)
        {
            var generation = _generation;
            IndexSearcher searcher;
            try
            {
                searcher = generation.Searchers.Acquire();
            }
            catch (ObjectDisposedException) when (attempt < 3)
            {
                continue; // a rebuild switched generations between reading the field and acquiring
            }

            try
            {
                return action(generation, searcher);
            }
            finally
            {
                generation.Searchers.Release(searcher);
            }
        }
    }

    /// <summary>
    /// At most once a second: picks up commits by another process (non-blocking refresh) and a completed rebuild
    /// (the <c>current</c> pointer moved), so a long-running server follows the CLI's updates.
    /// </summary>
    private void MaybeFollowChanges()
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastRefreshTicks);
        if (now - last < RefreshInterval.TotalMilliseconds || Interlocked.CompareExchange(ref _lastRefreshTicks, now, last) != last) return;

        var current = IndexGenerations.Current(_indexDirectory);
        if (current is not null && !string.Equals(Path.GetFullPath(current), Path.GetFullPath(_generation.Path), StringComparison.Ordinal))
        {
            lock (_gate)
            {
                if (_writer is null && !_disposed)
                {
                    try
                    {
                        var old = _generation;
                        _generation = OpenGeneration(_indexDirectory);
                        old.Searchers.Dispose(); // searchers in use stay valid until released
                    }
                    catch (IOException) { }
                    catch (InvalidDataException) { }
                }
            }

            return;
        }

        _generation.Searchers.MaybeRefresh();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _writer?.Dispose();
            _generation.Dispose();
        }
    }
}
