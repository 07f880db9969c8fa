using System.Text;
using Microsoft.AspNetCore.Http;
using StdGraph.Server.GraphQL;
using StdGraph.Server.Hosting;
using StdGraph.Sparql.Query;
using StdGraph.Sparql.Remote;
using StdGraph.Sparql.Results;

namespace StdGraph.Server.Http;

/// <summary>
/// <c>GET/POST /sparql</c>, read-only (SPARQL 1.1 Protocol): SELECT, ASK, CONSTRUCT, DESCRIBE; updates are refused
/// with 403. On the sparql backend the query goes to the server as is; on the embedded backend StdGraph's own engine
/// answers basic graph patterns with FILTER, OPTIONAL, UNION, ORDER BY, DISTINCT, LIMIT/OFFSET and names what it does
/// not support. Results in SPARQL JSON or XML, Turtle or N-Triples for graphs, by the Accept header.
/// </summary>
internal static class SparqlEndpoint
{
    public static async Task HandleAsync(HttpContext http, EngineHost host, ServerLimits limits)
    {
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await Problem(http, StatusCodes.Status405MethodNotAllowed, "use GET ?query=… or POST");
            return;
        }

        if (!host.IsReady)
        {
            await Problem(http, StatusCodes.Status503ServiceUnavailable, "the data is still loading");
            return;
        }

        var (query, isUpdate, error) = await ReadQueryAsync(http, limits);
        if (isUpdate)
        {
            await Problem(http, StatusCodes.Status403Forbidden, "this endpoint is read-only: updates are refused");
            return;
        }

        if (error is not null || string.IsNullOrWhiteSpace(query))
        {
            await Problem(http, StatusCodes.Status400BadRequest, error ?? "give a query: GET /sparql?query=… or POST with application/sparql-query");
            return;
        }

        var accept = http.Request.Headers.Accept.ToString();
        try
        {
            if (host.Engine.Graph is SparqlGraphStore remote)
            {
                await using var response = await remote.QueryRawAsync(query, accept, http.RequestAborted);
                http.Response.StatusCode = response.StatusCode;
                if (response.ContentType is { } type) http.Response.ContentType = type;
                await using var body = await response.OpenBodyAsync(http.RequestAborted);
                await body.CopyToAsync(http.Response.Body, http.RequestAborted);
                return;
            }

            var result = await new SparqlQueryEngine(host.Engine.Graph).ExecuteAsync(query, http.RequestAborted);
            var mediaType = result.Negotiate(string.IsNullOrWhiteSpace(accept) ? null : accept);
            if (mediaType is null)
            {
                await Problem(http, StatusCodes.Status406NotAcceptable, $"this result can be sent as {string.Join(", ", result.MediaTypes)}");
                return;
            }

            http.Response.ContentType = mediaType + "; charset=utf-8";
            using var buffer = new MemoryStream();
            result.Write(buffer, mediaType);
            buffer.Position = 0;
            await buffer.CopyToAsync(http.Response.Body, http.RequestAborted);
        }
        catch (SparqlReadOnlyException)
        {
            await Problem(http, StatusCodes.Status403Forbidden, "this endpoint is read-only: updates are refused");
        }
        catch (SparqlSyntaxException e)
        {
            await Problem(http, StatusCodes.Status400BadRequest, $"syntax error at line {e.Line}, column {e.Column}: {e.Reason}");
        }
        catch (SparqlNotSupportedException e)
        {
            await Problem(http, StatusCodes.Status501NotImplemented, $"not supported by the embedded SPARQL engine: {e.Feature} (the sparql backend passes queries to a full SPARQL 1.1 server)");
        }
        catch (SparqlQueryLimitException e)
        {
            await Problem(http, StatusCodes.Status400BadRequest, e.Message);
        }
        catch (GraphBackendUnavailableException e)
        {
            await Problem(http, StatusCodes.Status503ServiceUnavailable, e.Message);
        }
    }

    private static async Task<(string? Query, bool IsUpdate, string? Error)> ReadQueryAsync(HttpContext http, ServerLimits limits)
    {
        var request = http.Request;
        if (HttpMethods.IsGet(request.Method))
        {
            if (request.Query.ContainsKey("update")) return (null, true, null);
            return (request.Query["query"].ToString(), false, null);
        }

        if (request.ContentLength > limits.MaxRequestBytes) return (null, false, $"the request body is over {limits.MaxRequestBytes} bytes");
        var contentType = request.ContentType ?? "";
        if (contentType.StartsWith("application/sparql-update", StringComparison.OrdinalIgnoreCase)) return (null, true, null);
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(http.RequestAborted);
            if (form.ContainsKey("update")) return (null, true, null);
            return (form["query"].ToString(), false, null);
        }

        if (contentType.StartsWith("application/sparql-query", StringComparison.OrdinalIgnoreCase))
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var text = await reader.ReadToEndAsync(http.RequestAborted);
            return text.Length > limits.MaxRequestBytes ? (null, false, "the query is too long") : (text, false, null);
        }

        return (null, false, "POST a query as application/sparql-query or as a form field 'query'");
    }

    private static Task Problem(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(message + "\n");
    }
}
