using StdGraph.Core.Catalogue;

namespace StdGraph.Search.Indexing;

/// <summary>
/// The ranking weight of an edition's status, in percent: a valid edition outranks a superseded one of the same work
/// even when both match a query equally well.
/// </summary>
internal static class StatusRank
{
    public const int Neutral = 100;

    public static int Of(SearchDocument document)
    {
        var edition = document.Edition;
        var rank = edition.Status switch
        {
            EditionStatus.Valid => 100,
            null => 85,
            EditionStatus.Upcoming => 90,
            EditionStatus.Draft => 50,
            EditionStatus.Superseded => 65,
            EditionStatus.Withdrawn => 55,
            _ => 90,
        };
        // A draft stage in the code (ISO/CD 9001, ISO/IEC DIS 42006) is a draft whatever the record's status says.
        if (edition.ParsedCode.Stage is not null) rank = Math.Min(rank, 50);
        // An amendment should not push its base edition down when both match the same words.
        if (edition.ParsedCode.HasSupplement) rank = rank * 9 / 10;
        // An international edition China adopted is one users come looking for.
        if (document.AdoptedByNational) rank = rank * 11 / 10;
        return rank;
    }
}
