using System.Collections.Frozen;
using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace StdGraph.Server;

/// <summary>
/// The web pages (search, a standard and its neighbourhood, equivalents, ask, fields): one HTML shell for every page
/// route and the scripts, styles and vendored libraries under <c>/app/</c>, all embedded in the assembly so the pages
/// work offline and nothing is fetched from elsewhere.
/// </summary>
internal static class WebPages
{
    /// <summary>Page routes answered with the shell; the scripts read the path and render the page.</summary>
    private static readonly string[] PageRoutes = ["/", "/equivalents", "/ask", "/fields", "/standard/{**code}"];

    // Only our own scripts run; corpus text is inserted as text, and this policy is the second line of defence.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapWebPages(this IEndpointRouteBuilder app)
    {
        var assets = WebAssets.Load();
        var shell = assets.Find("index.html") ?? throw new InvalidOperationException("the web shell (wwwroot/app/index.html) is not embedded");
        foreach (var route in PageRoutes)
        {
            // Order -1: the pages win over any older catch-all for "/" (the server used to redirect it to GraphiQL).
            app.MapGet(route, (HttpContext http) => Serve(http, shell, isPage: true)).WithOrder(-1).ExcludeFromDescription();
        }

        app.MapGet("/app/{**file}", (HttpContext http, string file) =>
            assets.Find(file) is { } asset && file != "index.html" ? Serve(http, asset, isPage: false) : Results.NotFound());
        return app;
    }

    private static IResult Serve(HttpContext http, WebAsset asset, bool isPage)
    {
        var headers = http.Response.Headers;
        headers.ETag = asset.ETag;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        if (isPage) headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.Vary = "Accept-Encoding";

        if (http.Request.Headers.IfNoneMatch.ToString() == asset.ETag) return Results.StatusCode(StatusCodes.Status304NotModified);

        var accept = http.Request.Headers.AcceptEncoding.ToString();
        if (asset.Compressible && accept.Contains("br", StringComparison.OrdinalIgnoreCase))
        {
            headers.ContentEncoding = "br";
            return Results.Bytes(asset.Brotli.Value, asset.ContentType);
        }

        if (asset.Compressible && accept.Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            headers.ContentEncoding = "gzip";
            return Results.Bytes(asset.Gzip.Value, asset.ContentType);
        }

        return Results.Bytes(asset.Content, asset.ContentType);
    }
}

/// <summary>One embedded file with its compressed forms (made on first use) and a content hash for revalidation.</summary>
internal sealed class WebAsset
{
    public WebAsset(string path, byte[] content)
    {
        Content = content;
        ContentType = TypeOf(path);
        Compressible = !ContentType.StartsWith("image/png", StringComparison.Ordinal) && content.Length > 512;
        ETag = "\"" + Convert.ToHexString(SHA256.HashData(content), 0, 12).ToLowerInvariant() + "\"";
        Brotli = new(() => Compress(content, s => new BrotliStream(s, CompressionLevel.Optimal)));
        Gzip = new(() => Compress(content, s => new GZipStream(s, CompressionLevel.Optimal)));
    }

    public byte[] Content { get; }

    public string ContentType { get; }

    public bool Compressible { get; }

    public string ETag { get; }

    public Lazy<byte[]> Brotli { get; }

    public Lazy<byte[]> Gzip { get; }

    private static byte[] Compress(byte[] content, Func<Stream, Stream> wrap)
    {
        using var output = new MemoryStream();
        using (var compressor = wrap(output)) compressor.Write(content);
        return output.ToArray();
    }

    private static string TypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" or ".mjs" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        _ => "text/plain; charset=utf-8",
    };
}

/// <summary>The files of <c>wwwroot/app/</c>, embedded under the resource prefix <c>StdGraph.Server.web/</c>.</summary>
internal sealed class WebAssets
{
    private const string Prefix = "StdGraph.Server.web/";
    private readonly FrozenDictionary<string, WebAsset> _files;

    private WebAssets(FrozenDictionary<string, WebAsset> files) => _files = files;

    public static WebAssets Load()
    {
        var assembly = typeof(WebAssets).Assembly;
        var files = new Dictionary<string, WebAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var path = name[Prefix.Length..].Replace('\\', '/');
            files[path] = new WebAsset(path, buffer.ToArray());
        }

        return new WebAssets(files.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public WebAsset? Find(string path) => _files.GetValueOrDefault(path);
}
