using System.Text.RegularExpressions;

namespace StdGraph.Sparql.Syntax;

/// <summary>RFC 3986 §5.2 reference resolution on strings (System.Uri would also normalise, changing the IRI).</summary>
internal static partial class RelativeIri
{
    [GeneratedRegex(@"^(?:([A-Za-z][A-Za-z0-9+.\-]*):)?(?://([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$", RegexOptions.Singleline)]
    private static partial Regex Parts();

    public static bool HasScheme(string iri) => Parts().Match(iri).Groups[1].Success;

    public static string Resolve(string reference, string baseIri)
    {
        var r = Parts().Match(reference);
        var b = Parts().Match(baseIri);
        string? G(Match m, int i) => m.Groups[i].Success ? m.Groups[i].Value : null;
        string? scheme, authority, query;
        string path;
        if (G(r, 1) is not null)
        {
            (scheme, authority, path, query) = (G(r, 1), G(r, 2), RemoveDotSegments(G(r, 3)!), G(r, 4));
        }
        else
        {
            scheme = G(b, 1);
            if (G(r, 2) is not null) (authority, path, query) = (G(r, 2), RemoveDotSegments(G(r, 3)!), G(r, 4));
            else
            {
                authority = G(b, 2);
                if (G(r, 3)!.Length == 0)
                {
                    path = G(b, 3)!;
                    query = G(r, 4) ?? G(b, 4);
                }
                else
                {
                    path = G(r, 3)!.StartsWith('/') ? RemoveDotSegments(G(r, 3)!) : RemoveDotSegments(Merge(authority, G(b, 3)!, G(r, 3)!));
                    query = G(r, 4);
                }
            }
        }
        var result = scheme + ":" + (authority is null ? "" : "//" + authority) + path;
        if (query is not null) result += "?" + query;
        if (G(r, 5) is { } fragment) result += "#" + fragment;
        return result;
    }

    private static string Merge(string? authority, string basePath, string reference)
    {
        if (authority is not null && basePath.Length == 0) return "/" + reference;
        var slash = basePath.LastIndexOf('/');
        return slash < 0 ? reference : basePath[..(slash + 1)] + reference;
    }

    private static string RemoveDotSegments(string path)
    {
        var input = path;
        var output = new List<string>();
        while (input.Length > 0)
        {
            if (input.StartsWith("../", StringComparison.Ordinal)) input = input[3..];
            else if (input.StartsWith("./", StringComparison.Ordinal)) input = input[2..];
            else if (input.StartsWith("/./", StringComparison.Ordinal)) input = input[2..];
            else if (input == "/.") input = "/";
            else if (input.StartsWith("/../", StringComparison.Ordinal) || input == "/..")
            {
                input = input == "/.." ? "/" : input[3..];
                if (output.Count > 0) output.RemoveAt(output.Count - 1);
            }
            else if (input is "." or "..") input = "";
            else
            {
                var next = input.IndexOf('/', input.StartsWith('/') ? 1 : 0);
                var segment = next < 0 ? input : input[..next];
                output.Add(segment);
                input = next < 0 ? "" : input[next..];
            }
        }
        return string.Concat(output);
    }
}
