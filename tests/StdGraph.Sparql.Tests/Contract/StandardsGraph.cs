using StdGraph.Rdf;

namespace StdGraph.Sparql.Tests.Contract;

/// <summary>A small standards graph shaped like the real one: editions, replacement chains, adoption, citations, titles.</summary>
internal static class StandardsGraph
{
    private const string Id = "https://stdgraph.org/id/";
    private const string Ns = "https://stdgraph.org/ns#";

    public static readonly Iri Gbt22080_2016 = new(Id + "GB_T_22080-2016");
    public static readonly Iri Gbt22080_2008 = new(Id + "GB_T_22080-2008");
    public static readonly Iri Gbt22080_2003 = new(Id + "GB_T_22080-2003");
    public static readonly Iri Iso27001_2013 = new(Id + "ISO_IEC_27001-2013");
    public static readonly Iri Iso27001_2005 = new(Id + "ISO_IEC_27001-2005");
    public static readonly Iri Iso27000 = new(Id + "ISO_IEC_27000");
    public static readonly Iri Isolated = new(Id + "GB_T_1-2020");

    public static readonly Iri Standard = new(Ns + "Standard");
    public static readonly Iri Replaces = new(Ns + "replaces");
    public static readonly Iri Adopts = new(Ns + "adopts");
    public static readonly Iri Cites = new(Ns + "cites");
    public static readonly Iri Title = new(Ns + "title");
    public static readonly Iri Code = new(Ns + "code");
    public static readonly Iri Adoption = new(Ns + "adoption");
    public static readonly Iri Degree = new(Ns + "degree");
    public static readonly Iri AdoptedDocument = new(Ns + "adoptedDocument");
    public static readonly Iri Issued = new(Ns + "issued");

    public static readonly IReadOnlyList<Triple> Triples = Build();

    private static List<Triple> Build()
    {
        var adoption = new BlankNode("adoption1");
        return
        [
            new(Gbt22080_2016, Vocab.RdfType, Standard),
            new(Gbt22080_2016, Code, Literal.String("GB/T 22080-2016")),
            new(Gbt22080_2016, Title, Literal.LangString("信息技术 安全技术 信息安全管理体系 要求", "zh")),
            new(Gbt22080_2016, Title, Literal.LangString("Information technology — Security techniques — ISMS — Requirements", "en")),
            new(Gbt22080_2016, Issued, Literal.Date("2016-08-29")),
            new(Gbt22080_2016, Replaces, Gbt22080_2008),
            new(Gbt22080_2016, Adopts, Iso27001_2013),
            new(Gbt22080_2016, Cites, Iso27000),
            new(Gbt22080_2016, Adoption, adoption),
            new(adoption, Degree, Literal.String("IDT")),
            new(adoption, AdoptedDocument, Iso27001_2013),
            new(Gbt22080_2008, Vocab.RdfType, Standard),
            new(Gbt22080_2008, Code, Literal.String("GB/T 22080-2008")),
            new(Gbt22080_2008, Replaces, Gbt22080_2003),
            new(Gbt22080_2003, Vocab.RdfType, Standard),
            new(Iso27001_2013, Vocab.RdfType, Standard),
            new(Iso27001_2013, Code, Literal.String("ISO/IEC 27001:2013")),
            new(Iso27001_2013, Replaces, Iso27001_2005),
            new(Iso27001_2013, Cites, Iso27000),
            new(Iso27001_2005, Vocab.RdfType, Standard),
            new(Iso27000, Vocab.RdfType, Standard),
            new(Iso27000, Title, Literal.String("Title with \"quotes\", } braces, > and # and\na line break")),
            new(Isolated, Vocab.RdfType, Standard),
        ];
    }
}
