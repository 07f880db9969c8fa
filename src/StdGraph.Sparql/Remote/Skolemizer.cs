using StdGraph.Rdf;

namespace StdGraph.Sparql.Remote;

/// <summary>
/// Blank nodes travel to the server as well-known genid IRIs (RDF 1.1 §3.5) and come back as the same blank nodes:
/// a server relabels blank nodes on every load, which would make them unmatchable and make reloads duplicate them.
/// </summary>
internal static class Skolemizer
{
    public const string Prefix = "https://stdgraph.org/.well-known/genid/";

    public static Term Skolemize(Term term) =>
        term is BlankNode b ? new Iri(Prefix + Uri.EscapeDataString(b.Label)) : term;

    public static Triple Skolemize(Triple t) =>
        t.Subject is BlankNode || t.Obj is BlankNode ? new Triple(Skolemize(t.Subject), t.Predicate, Skolemize(t.Obj)) : t;

    public static Term Unskolemize(Term term) =>
        term is Iri iri && iri.Value.StartsWith(Prefix, StringComparison.Ordinal)
            ? new BlankNode(Uri.UnescapeDataString(iri.Value[Prefix.Length..]))
            : term;
}
