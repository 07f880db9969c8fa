using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace StdGraph.Server.Http;

/// <summary>One structured log line and one metrics observation per request.</summary>
internal sealed class RequestLogging(RequestDelegate next, RequestMetrics metrics, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await next(http);
        }
        finally
        {
            var seconds = clock.Elapsed.TotalSeconds;
            var endpoint = Endpoint(http.Request.Path);
            metrics.Record(endpoint, http.Request.Method, http.Response.StatusCode, seconds);
            logger.LogInformation("{Method} {Path} {Status} {ElapsedMs:F1} ms",
                http.Request.Method, http.Request.Path.Value, http.Response.StatusCode, seconds * 1000);
        }
    }

    /// <summary>A bounded label for the path, so the metrics cannot grow without end.</summary>
    private static string Endpoint(PathString path) =>
        path.StartsWithSegments("/graphql") ? "/graphql"
        : path.StartsWithSegments("/graphiql") ? "/graphiql"
        : path == "/healthz" ? "/healthz"
        : path == "/metrics" ? "/metrics"
        : "other";
}
