using System.Globalization;
using System.Text;
using StdGraph.Core.Codes;

namespace StdGraph.Server.Resolving;

/// <summary>Stable identifiers of editions (same slug rule as the graph mapping).</summary>
internal static class StandardIri
{
    public static string For(StandardCode code) => "https://stdgraph.org/id/" + Slug(code.Canonical);

    private static string Slug(string code)
    {
        var sb = new StringBuilder(code.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(code))
        {
            var c = (char)b;
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '.') sb.Append(c);
            else if (c is ' ' or '/' or ':') sb.Append('_');
            else sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
