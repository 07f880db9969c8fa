using StdGraph.Core.Codes;
using StdGraph.Server.Resolving;

namespace StdGraph.Server.BrowserTests;

/// <summary>
/// A two-node field taxonomy over the web fixture, registered by the fixture in place of the server's default,
/// so the fields page, the field drill-down and the standard page's "fields with rule" have something to show
/// whatever taxonomy the server wires in.
/// </summary>
internal sealed class FixtureTaxonomy : IFieldTaxonomy
{
    private static readonly FieldNode KeyTechnologies = new("key-information-technologies", "keyField", "Key information technologies", "关键信息技术", null, ["cloud-computing"]);
    private static readonly FieldNode Cloud = new("cloud-computing", "emergingArea", "Cloud computing", "云计算", "key-information-technologies", []);
    private static readonly string[] CloudMembers = [Canonical("GB/T 99961-2099"), Canonical("GB/T 99962-2099"), Canonical("GB/T 99961-2095")];

    public IReadOnlyList<FieldNode> Fields { get; } = [KeyTechnologies, Cloud];

    public FieldNode? Find(string id) => Fields.FirstOrDefault(f => f.Id == id);

    public IReadOnlyList<string> Members(string fieldId) => fieldId is "cloud-computing" or "key-information-technologies" ? CloudMembers : [];

    public Task<IReadOnlyDictionary<string, IReadOnlyList<FieldMembership>>> FieldsOfAsync(IReadOnlyCollection<string> canonicalCodes, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<FieldMembership>>>(canonicalCodes.Distinct().ToDictionary(
            c => c,
            c => CloudMembers.Contains(c) ? (IReadOnlyList<FieldMembership>)[new FieldMembership(Cloud, "keyword 云计算 / cloud computing", "title contains 云计算")] : []));

    private static string Canonical(string code) =>
        StandardCode.TryParse(code, out var parsed, out var error) ? parsed.Canonical : throw new ArgumentException(error);
}
