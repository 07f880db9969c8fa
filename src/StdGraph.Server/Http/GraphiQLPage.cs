using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace StdGraph.Server.Http;

/// <summary>
/// The GraphiQL page and its scripts, embedded in this assembly so the page works offline (no CDN).
/// The large bundles are stored gzip-compressed and sent as such.
/// </summary>
internal sealed class GraphiQLPage
{
    private static readonly Assembly Assembly = typeof(GraphiQLPage).Assembly;
    private const string Prefix = "StdGraph.Server.wwwroot.graphiql.";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".html"] = "text/html; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
    };

    public Task WriteIndexAsync(HttpContext http) => WriteAsync(http, "index.html");

    /// <summary>Serves <c>/graphiql/{file}</c>.</summary>
    public async Task WriteAsync(HttpContext http, string file)
    {
        var gzipped = Assembly.GetManifestResourceStream(Prefix + file + ".gz");
        var stream = gzipped ?? Assembly.GetManifestResourceStream(Prefix + file);
        if (stream is null || file.Contains('/'))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await using (stream)
        {
            http.Response.ContentType = ContentTypes.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
            http.Response.Headers.CacheControl = file == "index.html" ? "no-cache" : "public, max-age=86400";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            if (gzipped is not null) http.Response.Headers.ContentEncoding = "gzip";
            http.Response.ContentLength = stream.Length;
            if (!HttpMethods.IsHead(http.Request.Method)) await stream.CopyToAsync(http.Response.Body, http.RequestAborted);
        }
    }
}
