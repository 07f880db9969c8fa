namespace StdGraph.Rdf.Tests;

/// <summary>Set comparison of triples by RDF equality (FluentAssertions' structural BeEquivalentTo is far slower and compares members, not terms).</summary>
internal static class TripleSetAssertions
{
    public static void ShouldBeSameTriples(this IEnumerable<Triple> actual, IEnumerable<Triple> expected, string because = "")
    {
        var actualList = actual.ToList();
        var actualSet = actualList.ToHashSet();
        var expectedSet = expected.ToHashSet();
        actualList.Should().HaveCount(actualSet.Count, "a match must not return duplicates {0}", because);
        var missing = expectedSet.Except(actualSet).Take(5).ToList();
        var extra = actualSet.Except(expectedSet).Take(5).ToList();
        (missing.Count + extra.Count).Should().Be(0, "{0}; missing: {1}; unexpected: {2}", because,
            string.Join(" ", missing), string.Join(" ", extra));
    }
}
