using StdGraph.Core.Catalogue;
using StdGraph.Core.Codes;

namespace StdGraph.Knowledge.Mapping;

/// <summary>A replacement the catalogue does not state, inferred from the sequence of editions of one work.</summary>
internal sealed record InferredReplacement(StandardEdition Newer, StandardEdition Older, string Reason);

/// <summary>
/// Infers replacement where the catalogue has no replacement links (the IEC file).
/// Rule (<c>sg:editionSequenceInference</c>): take the works of international standards none of whose editions
/// declares <c>replaces</c>/<c>replacedBy</c>; order their dated base editions (no supplement, no draft stage, no
/// document variant, status not draft) by year and issue date; for each two consecutive editions of different years,
/// the newer replaces the older when the older is superseded or withdrawn, or the newer is valid.
/// </summary>
internal static class EditionSequenceInference
{
    public static IEnumerable<InferredReplacement> Infer(IEnumerable<StandardEdition> editions)
    {
        var works = editions
            .Where(e => e.ParsedCode.Family == CodeFamily.International)
            .GroupBy(e => e.ParsedCode.WorkKey, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var work in works)
        {
            if (work.Any(e => e.Relations.Any(r => r.Type is RelationType.Replaces or RelationType.ReplacedBy))) continue;
            var sequence = work
                .Where(e => e.ParsedCode is { Year: not null, HasSupplement: false, Stage: null, Variant: null } && e.Status != EditionStatus.Draft)
                .OrderBy(e => e.ParsedCode.Year)
                .ThenBy(e => e.Issued?.Earliest ?? DateOnly.MinValue)
                .ThenBy(e => e.ParsedCode.Canonical, StringComparer.Ordinal)
                .ToList();
            for (var i = 1; i < sequence.Count; i++)
            {
                var older = sequence[i - 1];
                var newer = sequence[i];
                if (older.ParsedCode.Year == newer.ParsedCode.Year) continue;
                var olderGone = older.Status is EditionStatus.Superseded or EditionStatus.Withdrawn;
                var newerValid = newer.Status == EditionStatus.Valid;
                if (!olderGone && !newerValid) continue;
                var because = olderGone ? $"{older.ParsedCode.Canonical} is {older.Status!.Value.ToName()}" : $"{newer.ParsedCode.Canonical} is valid";
                yield return new InferredReplacement(newer, older,
                    $"inferred: {newer.ParsedCode.Canonical} is the next dated edition of {work.Key} after {older.ParsedCode.Canonical} and {because}");
            }
        }
    }
}
