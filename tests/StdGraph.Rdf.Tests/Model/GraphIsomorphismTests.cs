namespace StdGraph.Rdf.Tests.Model;

public sealed class GraphIsomorphismTests
{
    private static readonly Iri P = new("urn:p");

    private static List<Triple> Cycle(string prefix, int length) =>
        Enumerable.Range(0, length).Select(i => new Triple(new BlankNode(prefix + i), P, new BlankNode(prefix + ((i + 1) % length)))).ToList();

    [Fact]
    public void renamed_blank_nodes_are_isomorphic()
    {
        var a = TurtleReader.Parse("_:x <urn:p> _:y . _:y <urn:q> \"v\" .");
        var b = TurtleReader.Parse("_:m <urn:p> _:n . _:n <urn:q> \"v\" .");
        GraphIsomorphism.AreIsomorphic(a, b).Should().BeTrue();
    }

    [Fact]
    public void different_ground_triples_are_not_isomorphic()
    {
        GraphIsomorphism.AreIsomorphic(TurtleReader.Parse("<urn:a> <urn:p> 1 ."), TurtleReader.Parse("<urn:a> <urn:p> 2 .")).Should().BeFalse();
    }

    [Fact]
    public void symmetric_graphs_need_backtracking_and_still_decide_correctly()
    {
        // Every node of two 3-cycles and of one 6-cycle looks alike to colour refinement.
        var twoTriangles = Cycle("a", 3).Concat(Cycle("b", 3)).ToList();
        var hexagon = Cycle("c", 6);
        GraphIsomorphism.AreIsomorphic(twoTriangles, hexagon).Should().BeFalse();
        GraphIsomorphism.AreIsomorphic(hexagon, Cycle("d", 6)).Should().BeTrue();
        GraphIsomorphism.AreIsomorphic(twoTriangles, Cycle("e", 3).Concat(Cycle("f", 3)).ToList()).Should().BeTrue();
    }

    [Fact]
    public void blank_node_cannot_map_to_an_iri()
    {
        var a = new List<Triple> { new(new BlankNode("x"), P, new Iri("urn:o")) };
        var b = new List<Triple> { new(new Iri("urn:x"), P, new Iri("urn:o")) };
        GraphIsomorphism.AreIsomorphic(a, b).Should().BeFalse();
    }
}
