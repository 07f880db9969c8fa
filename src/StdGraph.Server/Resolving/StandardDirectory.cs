using StdGraph.Core.Catalogue;
using StdGraph.Core.Codes;
using StdGraph.Corpus;

namespace StdGraph.Server.Resolving;

/// <summary>Finds editions, works, committees' and ICS classes' members in the catalogue; built once per engine.</summary>
internal sealed class StandardDirectory
{
    private readonly Catalogue _catalogue;
    private readonly Dictionary<string, List<StandardEdition>> _byWork = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<StandardEdition>> _byCommittee = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<StandardEdition>> _byIcs = new(StringComparer.Ordinal);

    public StandardDirectory(Catalogue catalogue)
    {
        _catalogue = catalogue;
        foreach (var e in catalogue.Editions.Values)
        {
            Add(_byWork, e.ParsedCode.WorkKey, e);
            if (e.Committee is { Length: > 0 } committee) Add(_byCommittee, committee, e);
            foreach (var ics in e.Ics.SelectMany(IcsClass.Levels).Distinct()) Add(_byIcs, ics, e);
        }

        foreach (var list in _byWork.Values.Concat(_byCommittee.Values).Concat(_byIcs.Values))
            list.Sort(NewestFirst);
    }

    public Catalogue Catalogue => _catalogue;

    public StandardNode Node(StandardCode code) =>
        new(code, _catalogue.Editions.TryGetValue(code.Canonical, out var e) ? e : null);

    public StandardNode? Find(string canonical) =>
        _catalogue.Editions.TryGetValue(canonical, out var e) ? new StandardNode(e.ParsedCode, e) : null;

    public StandardNode Node(StandardEdition e) => new(e.ParsedCode, e);

    public IReadOnlyList<StandardEdition> Work(string workKey) => _byWork.TryGetValue(workKey, out var l) ? l : [];

    public IReadOnlyList<StandardEdition> OfCommittee(string committee) => _byCommittee.TryGetValue(committee, out var l) ? l : [];

    /// <summary>Editions classified under an ICS class or any of its subclasses.</summary>
    public IReadOnlyList<StandardEdition> UnderIcs(string ics) => _byIcs.TryGetValue(ics, out var l) ? l : [];

    internal static int NewestFirst(StandardEdition a, StandardEdition b)
    {
        var byDate = Nullable.Compare(b.Issued, a.Issued);
        return byDate != 0 ? byDate : string.CompareOrdinal(a.ParsedCode.Canonical, b.ParsedCode.Canonical);
    }

    private static void Add(Dictionary<string, List<StandardEdition>> map, string key, StandardEdition e)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(e);
    }
}
