using StdGraph.Core.Catalogue;
using StdGraph.Corpus;
using StdGraph.Knowledge;
using StdGraph.Knowledge.Mapping;
using StdGraph.Search;

namespace StdGraph.Engine;

/// <summary>Turns a catalogue into what the engine serves: graph triples and search documents, with field placements.</summary>
internal static class GraphBuild
{
    public static string OntologyDirectory(EngineOptions options) =>
        options.OntologyDirectory ?? Path.Combine(AppContext.BaseDirectory, "ontology");

    public static IEnumerable<SearchDocument> SearchDocuments(Catalogue catalogue, CatalogueGraphMapper mapper)
    {
        var adoptedInternational = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in catalogue.Editions.Values)
        {
            foreach (var r in e.Relations)
            {
                if (r.Type != RelationType.Adopts) continue;
                adoptedInternational.Add(r.ParsedTarget.Canonical);
                adoptedInternational.Add(r.ParsedTarget.WorkKey);
            }
        }

        foreach (var e in catalogue.Editions.Values)
        {
            var fields = mapper.Classifier.Classify(e).Select(m => m.Field.Id).Distinct(StringComparer.Ordinal).ToList();
            var adopts = e.Relations.Where(r => r.Type == RelationType.Adopts).Select(r => (r.ParsedTarget.Canonical, r.Degree)).ToList();
            yield return new SearchDocument(e)
            {
                Fields = fields,
                Adopts = adopts,
                AdoptedByNational = adoptedInternational.Contains(e.ParsedCode.Canonical),
            };
        }
    }

    public static CatalogueGraphMapper Mapper(EngineOptions options) => new(Ontology.Load(OntologyDirectory(options)));
}
