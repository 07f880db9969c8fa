using StdGraph.Core.Codes;

namespace StdGraph.Server.Resolving;

/// <summary>Stable identifiers of editions (same slug rule as the graph mapping).</summary>
internal static class StandardIri
{
    public static string For(StandardCode code) => Knowledge.Mapping.StandardIris.For(code).Value;
}
