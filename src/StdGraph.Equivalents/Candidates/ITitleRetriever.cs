using StdGraph.Core.Catalogue;

namespace StdGraph.Equivalents.Candidates;

/// <summary>Finds adoptable international editions whose English title resembles a weighted bag of English terms.</summary>
internal interface ITitleRetriever
{
    /// <summary>The editions of the best-matching works (every adoptable edition of each), with their own similarity in [0,1].</summary>
    IReadOnlyList<TitleMatch> Retrieve(IReadOnlyDictionary<string, double> query, int works);

    /// <summary>The similarity of one edition's title to the query (0 when it is not indexed).</summary>
    TitleMatch Score(IReadOnlyDictionary<string, double> query, StandardEdition edition);
}

/// <summary>An edition, its title similarity (cosine of TF-IDF vectors) and the query terms its title shares.</summary>
internal sealed record TitleMatch(StandardEdition Edition, double Similarity, IReadOnlyList<string> SharedTerms);
