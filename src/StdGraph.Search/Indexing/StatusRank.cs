using StdGraph.Core.Catalogue;

namespace StdGraph.Search.Indexing;

/// <summary>
/// The ranking weight of an edition's status, in percent: a valid edition outranks a superseded one of the same work
/// even when both match a query equally well.
/// </summary>
internal static class StatusRank
{
    public const int Neutral = 100;

    public static int Of(StandardEdition edition)
    {
        var rank = edition.Status switch
        {
            EditionStatus.Valid => 100,
            null => 90,
            EditionStatus.Upcoming => 90,
            EditionStatus.Draft => 70,
            EditionStatus.Superseded => 65,
            EditionStatus.Withdrawn => 55,
            _ => 90,
        };
        // An amendment should not push its base edition down when both match the same words.
        return edition.ParsedCode.HasSupplement ? rank * 9 / 10 : rank;
    }
}
