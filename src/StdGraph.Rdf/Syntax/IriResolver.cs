using System.Text;

namespace StdGraph.Rdf.Syntax;

/// <summary>Reference resolution as in RFC 3986 section 5.2, on strings (no normalisation of case or percent-encoding).</summary>
internal static class IriResolver
{
    private readonly record struct Parts(string? Scheme, string? Authority, string Path, string? Query, string? Fragment);

    public static bool HasScheme(string iri) => Split(iri).Scheme is not null;

    public static string Resolve(string reference, string? baseIri)
    {
        var r = Split(reference);
        if (r.Scheme is not null)
            return Join(r.Scheme, r.Authority, RemoveDotSegments(r.Path), r.Query, r.Fragment);
        if (baseIri is null)
            return reference;
        var b = Split(baseIri);
        string? authority, path, query;
        if (r.Authority is not null)
        {
            authority = r.Authority;
            path = RemoveDotSegments(r.Path);
            query = r.Query;
        }
        else
        {
            authority = b.Authority;
            if (r.Path.Length == 0)
            {
                path = b.Path;
                query = r.Query ?? b.Query;
            }
            else
            {
                path = r.Path[0] == '/' ? RemoveDotSegments(r.Path) : RemoveDotSegments(Merge(b, r.Path));
                query = r.Query;
            }
        }
        return Join(b.Scheme, authority, path, query, r.Fragment);
    }

    private static string Merge(Parts b, string relativePath)
    {
        if (b.Authority is not null && b.Path.Length == 0) return "/" + relativePath;
        var slash = b.Path.LastIndexOf('/');
        return slash < 0 ? relativePath : b.Path[..(slash + 1)] + relativePath;
    }

    private static string RemoveDotSegments(string path)
    {
        if (path.IndexOf('.') < 0) return path;
        var input = path;
        var output = new StringBuilder(path.Length);
        while (input.Length > 0)
        {
            if (input.StartsWith("../", StringComparison.Ordinal)) input = input[3..];
            else if (input.StartsWith("./", StringComparison.Ordinal)) input = input[2..];
            else if (input.StartsWith("/./", StringComparison.Ordinal)) input = input[2..];
            else if (input == "/.") input = "/";
            else if (input.StartsWith("/../", StringComparison.Ordinal)) { input = input[3..]; RemoveLastSegment(output); }
            else if (input == "/..") { input = "/"; RemoveLastSegment(output); }
            else if (input is "." or "..") input = "";
            else
            {
                var next = input.IndexOf('/', input[0] == '/' ? 1 : 0);
                if (next < 0) next = input.Length;
                output.Append(input, 0, next);
                input = input[next..];
            }
        }
        return output.ToString();
    }

    private static void RemoveLastSegment(StringBuilder output)
    {
        var i = output.Length - 1;
        while (i >= 0 && output[i] != '/') i--;
        output.Length = Math.Max(i, 0);
    }

    private static string Join(string? scheme, string? authority, string path, string? query, string? fragment)
    {
        var sb = new StringBuilder();
        if (scheme is not null) sb.Append(scheme).Append(':');
        if (authority is not null) sb.Append("//").Append(authority);
        sb.Append(path);
        if (query is not null) sb.Append('?').Append(query);
        if (fragment is not null) sb.Append('#').Append(fragment);
        return sb.ToString();
    }

    private static Parts Split(string iri)
    {
        string? scheme = null, authority = null, query = null, fragment = null;
        var rest = iri;
        var hash = rest.IndexOf('#');
        if (hash >= 0) { fragment = rest[(hash + 1)..]; rest = rest[..hash]; }
        var question = rest.IndexOf('?');
        if (question >= 0) { query = rest[(question + 1)..]; rest = rest[..question]; }
        var colon = rest.IndexOf(':');
        if (colon > 0 && CharClasses.IsAsciiLetter(rest[0]) && IsSchemeTail(rest.AsSpan(1, colon - 1)))
        {
            scheme = rest[..colon];
            rest = rest[(colon + 1)..];
        }
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var end = rest.IndexOf('/', 2);
            if (end < 0) end = rest.Length;
            authority = rest[2..end];
            rest = rest[end..];
        }
        return new Parts(scheme, authority, rest, query, fragment);
    }

    private static bool IsSchemeTail(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (!(CharClasses.IsAsciiLetter(c) || CharClasses.IsDigit(c) || c is '+' or '-' or '.')) return false;
        return true;
    }
}
