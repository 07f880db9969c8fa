using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using StdGraph.Core.Catalogue;

namespace StdGraph.Search.Indexing;

/// <summary>Maps a <see cref="SearchDocument"/> to the Lucene document of the index schema.</summary>
internal static class DocumentMapper
{
    public static Document Map(SearchDocument source)
    {
        var edition = source.Edition;
        var code = edition.ParsedCode;
        var doc = new Document
        {
            new StringField(IndexFields.Id, code.Canonical, Field.Store.YES),
            new SortedDocValuesField(IndexFields.IdSort, new BytesRef(code.Canonical)),
            new StoredField(IndexFields.DisplayCode, edition.Code),
            new TextField(IndexFields.Code, code.Canonical, Field.Store.NO),
            new NumericDocValuesField(IndexFields.Rank, StatusRank.Of(source)),
        };

        foreach (var language in IndexFields.Languages)
        {
            if (edition.Titles.TryGetValue(language, out var title) && !string.IsNullOrWhiteSpace(title))
                doc.Add(new TextField(IndexFields.Title(language), title, Field.Store.YES));
            if (edition.Abstracts.TryGetValue(language, out var summary) && !string.IsNullOrWhiteSpace(summary))
                doc.Add(new TextField(IndexFields.Abstract(language), summary, Field.Store.YES));
        }

        foreach (var (adopted, _) in source.Adopts)
            doc.Add(new TextField(IndexFields.AdoptedCode, adopted, Field.Store.NO));

        if (edition.Status is { } status)
        {
            doc.Add(new StoredField(IndexFields.Status, status.ToName()));
            AddFacet(doc, "status", status.ToName());
        }

        AddFacet(doc, "type", edition.Type ?? code.Type ?? (code.IsInternational ? "IS" : null));
        AddFacet(doc, "body", code.Body);
        AddFacet(doc, "committee", edition.Committee);
        foreach (var ics in edition.Ics)
            foreach (var level in IcsClass.Levels(ics))
                AddFacet(doc, "ics", level);
        foreach (var field in source.Fields) AddFacet(doc, "field", field);
        AddFacet(doc, "year", (edition.Issued?.Year ?? code.Year)?.ToString(CultureInfo.InvariantCulture));
        AddFacet(doc, "hasAdoption", source.Adopts.Count > 0 || source.AdoptedByNational ? "true" : "false");
        foreach (var (_, degree) in source.Adopts) AddFacet(doc, "degree", degree?.ToString() ?? "unspecified");
        return doc;
    }

    private static void AddFacet(Document doc, string facet, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        var field = IndexFields.Facets[facet];
        var indexed = IndexFields.NormaliseFilterValue(facet, value);
        // Multi-valued facets (ICS levels shared by two codes, repeated degrees) are counted once per document.
        foreach (var existing in doc.GetValues(field))
            if (existing == indexed) return;
        doc.Add(new StringField(field, indexed, Field.Store.YES));
        doc.Add(new SortedSetDocValuesField(field, new BytesRef(indexed)));
    }
}
