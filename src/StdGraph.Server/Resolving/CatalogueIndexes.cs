using System.Runtime.CompilerServices;
using StdGraph.Corpus;

namespace StdGraph.Server.Resolving;

/// <summary>
/// The in-memory indexes over one catalogue, built once per catalogue however many apps serve it
/// (tests start many apps over one engine; a restart of the app over the same engine reuses them).
/// </summary>
internal static class CatalogueIndexes
{
    private static readonly ConditionalWeakTable<Catalogue, StandardDirectory> Directories = new();
    private static readonly ConditionalWeakTable<StandardDirectory, CatalogueRelationSource> Relations = new();

    private static readonly ConditionalWeakTable<Catalogue, GraphCodeMap> Codes = new();

    private static readonly ConditionalWeakTable<StandardDirectory, OntologyFieldTaxonomy> Taxonomies = new();

    public static OntologyFieldTaxonomy TaxonomyOf(Knowledge.Fields.FieldClassifier classifier, StandardDirectory directory) =>
        Taxonomies.GetValue(directory, d => new OntologyFieldTaxonomy(classifier, d));

    public static GraphCodeMap CodesOf(Catalogue catalogue) => Codes.GetValue(catalogue, c => new GraphCodeMap(c));

    public static StandardDirectory DirectoryOf(Catalogue catalogue) => Directories.GetValue(catalogue, c => new StandardDirectory(c));

    public static CatalogueRelationSource RelationsOf(StandardDirectory directory) => Relations.GetValue(directory, d => new CatalogueRelationSource(d));
}
