using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using StdGraph.Server.GraphQL;
using StdGraph.Server.GraphQL.Validation;
using StdGraph.Server.Hosting;

namespace StdGraph.Server.Http;

/// <summary>
/// GraphQL over HTTP (the GraphQL-over-HTTP draft): <c>POST</c> with a JSON body, <c>GET</c> with the query in
/// the URL (queries only). Requests that cannot be understood get 4xx with a GraphQL-shaped error body;
/// with <c>application/graphql-response+json</c>, a document that fails to parse or validate is a 400, and with
/// <c>application/json</c> it is a 200 as the spec asks of that legacy type. Execution errors are 200 with errors.
/// </summary>
internal sealed class GraphQLHttpHandler(
    IDocumentExecuter<StdGraphSchema> executer,
    IGraphQLTextSerializer serializer,
    EngineHost engine,
    ServerLimits limits,
    GraphiQLPage graphiql,
    ILogger<GraphQLHttpHandler> logger)
{
    internal const string GraphQLResponseJson = "application/graphql-response+json";
    private const string Json = "application/json";

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var isGet = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        if (isGet && WantsHtml(request))
        {
            await graphiql.WriteIndexAsync(http);
            return;
        }

        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await ErrorAsync(http, StatusCodes.Status405MethodNotAllowed, GraphQLResponseJson, ErrorCodes.MethodNotAllowed, $"{request.Method} is not supported here; use GET or POST");
            return;
        }

        var mediaType = ResponseMediaType(request);
        if (mediaType is null)
        {
            await ErrorAsync(http, StatusCodes.Status406NotAcceptable, GraphQLResponseJson, ErrorCodes.NotAcceptable,
                $"this endpoint answers {GraphQLResponseJson} or {Json}");
            return;
        }

        if (!engine.IsReady)
        {
            http.Response.Headers.RetryAfter = "5";
            await ErrorAsync(http, StatusCodes.Status503ServiceUnavailable, mediaType, ErrorCodes.NotReady, $"the data is {engine.State}; try again shortly");
            return;
        }

        var (gqlRequest, problem) = isGet ? ReadFromQueryString(request) : await ReadFromBodyAsync(request, http.RequestAborted);
        if (problem is not null)
        {
            await ErrorAsync(http, problem.Value.Status, mediaType, problem.Value.Code, problem.Value.Message);
            return;
        }

        var options = new ExecutionOptions
        {
            Query = gqlRequest!.Query,
            Variables = gqlRequest.Variables,
            Extensions = gqlRequest.Extensions,
            OperationName = gqlRequest.OperationName,
            RequestServices = http.RequestServices,
            CancellationToken = http.RequestAborted,
            User = http.User,
        };

        var document = TryParse(gqlRequest.Query!);
        if (document is not null)
        {
            options.Document = document;
            if (DocumentBudget.Check(document, limits) is { } refusal)
            {
                await ErrorAsync(http, mediaType == GraphQLResponseJson ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK, mediaType, refusal.Code, refusal.Message);
                return;
            }

            if (isGet && IsMutation(document, gqlRequest.OperationName))
            {
                http.Response.Headers.Allow = "POST";
                await ErrorAsync(http, StatusCodes.Status405MethodNotAllowed, mediaType, ErrorCodes.MethodNotAllowed, "only queries may be sent with GET; send mutations with POST");
                return;
            }
        }

        ExecutionResult result;
        try
        {
            result = await executer.ExecuteAsync(options);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return; // the client went away
        }

        // A timeout is the server's limit, not the client's mistake: 504 rather than 400, and never a 500.
        var timedOut = result.Errors?.Any(e => e.Code == ErrorCodes.Timeout) == true;
        var status = mediaType != GraphQLResponseJson ? StatusCodes.Status200OK
            : timedOut ? StatusCodes.Status504GatewayTimeout
            : !result.Executed ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        if (result.Errors is { Count: > 0 } errors)
            logger.LogInformation("graphql errors: {Codes}", string.Join(",", errors.Select(e => e.Code ?? "?").Distinct()));
        await WriteAsync(http, status, mediaType, result);
    }

    private static bool WantsHtml(HttpRequest request) =>
        !request.Query.ContainsKey("query")
        && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    /// <summary>The media type to answer with, or null when the client accepts neither.</summary>
    private static string? ResponseMediaType(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0) return GraphQLResponseJson;
        foreach (var type in accept.OrderByDescending(a => a.Quality ?? 1))
        {
            if (type.Quality == 0) continue;
            var media = type.MediaType.Value ?? "";
            if (media.Equals(GraphQLResponseJson, StringComparison.OrdinalIgnoreCase)) return GraphQLResponseJson;
            if (media.Equals(Json, StringComparison.OrdinalIgnoreCase)) return Json;
            if (media is "*/*" or "application/*") return GraphQLResponseJson;
        }

        return null;
    }

    private (GraphQLRequest?, Problem?) ReadFromQueryString(HttpRequest request)
    {
        if (request.QueryString.Value is { } qs && qs.Length > limits.MaxRequestBytes)
            return (null, new Problem(StatusCodes.Status413PayloadTooLarge, ErrorCodes.RequestTooLarge, $"the query string is larger than {limits.MaxRequestBytes:N0} bytes"));
        if (request.QueryString.Value is { } raw && !PercentDecodesToUtf8(raw))
            return (null, new Problem(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "the query string is not valid UTF-8 once percent-decoded"));
        var query = request.Query["query"].ToString();
        if (string.IsNullOrWhiteSpace(query))
            return (null, new Problem(StatusCodes.Status400BadRequest, ErrorCodes.QueryMissing, "the 'query' parameter is missing"));
        Inputs? variables = null;
        if (request.Query["variables"].ToString() is { Length: > 0 } variablesText)
        {
            try
            {
                variables = serializer.Deserialize<Inputs>(variablesText);
            }
            catch (Exception e) when (e is JsonException or global::GraphQL.Validation.InvalidVariableError or FormatException)
            {
                return (null, new Problem(StatusCodes.Status400BadRequest, ErrorCodes.InvalidJson, "'variables' is not a JSON object: " + e.Message));
            }
        }

        var operationName = request.Query["operationName"].ToString();
        return (new GraphQLRequest { Query = query, Variables = variables, OperationName = operationName.Length > 0 ? operationName : null }, null);
    }

    private async Task<(GraphQLRequest?, Problem?)> ReadFromBodyAsync(HttpRequest request, CancellationToken ct)
    {
        var contentType = request.ContentType is { } ct0 && MediaTypeHeaderValue.TryParse(ct0, out var parsed) ? parsed.MediaType.Value : null;
        if (contentType is null || !(contentType.Equals(Json, StringComparison.OrdinalIgnoreCase) || contentType.Equals("application/graphql+json", StringComparison.OrdinalIgnoreCase)))
            return (null, new Problem(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType, "send the request as application/json"));

        // The handler's own cap below decides what is too large. Kestrel's limit then only bounds how much of an
        // oversized body it reads and discards after the 413: a client still sending its body must be able to read the
        // 413, and a connection closed with unread bytes is reset, which loses the answer.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            bodySize.MaxRequestBodySize = Math.Max(limits.MaxDiscardedBodyBytes, limits.MaxRequestBytes);
        if (request.ContentLength > limits.MaxRequestBytes)
            return (null, TooLarge());

        var body = await ReadCappedAsync(request.Body, limits.MaxRequestBytes, ct);
        if (body is null) return (null, TooLarge());
        // JSON text is UTF-8; decoding anything else with replacement characters would answer a question nobody asked.
        if (!Utf8.IsValid(body))
            return (null, new Problem(StatusCodes.Status400BadRequest, ErrorCodes.InvalidJson, "the body is not valid UTF-8"));
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return (null, new Problem(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "the body must be one JSON object (query, variables, operationName); batches are not supported"));
            var gql = serializer.Deserialize<GraphQLRequest>(System.Text.Encoding.UTF8.GetString(body));
            if (gql is null || string.IsNullOrWhiteSpace(gql.Query))
                return (null, new Problem(StatusCodes.Status400BadRequest, ErrorCodes.QueryMissing, "the body has no 'query'"));
            return (gql, null);
        }
        catch (Exception e) when (e is JsonException or global::GraphQL.Validation.InvalidVariableError or FormatException or InvalidOperationException or ArgumentException)
        {
            return (null, new Problem(StatusCodes.Status400BadRequest, ErrorCodes.InvalidJson, "the body is not a valid GraphQL request: " + e.Message));
        }

        Problem TooLarge() => new(StatusCodes.Status413PayloadTooLarge, ErrorCodes.RequestTooLarge, $"the request body is larger than {limits.MaxRequestBytes:N0} bytes");
    }

    /// <summary>
    /// Whether the %-escapes of a query string decode to UTF-8 (ASP.NET Core's own decoding replaces bad bytes with
    /// U+FFFD silently). Characters outside escapes are ASCII here: Kestrel refuses any other byte in the request line.
    /// </summary>
    private static bool PercentDecodesToUtf8(string raw)
    {
        var bytes = new byte[raw.Length];
        var length = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '%' && i + 2 < raw.Length && Uri.IsHexDigit(raw[i + 1]) && Uri.IsHexDigit(raw[i + 2]))
            {
                bytes[length++] = (byte)Convert.ToInt32(raw.Substring(i + 1, 2), 16);
                i += 2;
            }
            else
            {
                bytes[length++] = raw[i] < 0x80 ? (byte)raw[i] : (byte)'?';
            }
        }

        return Utf8.IsValid(bytes.AsSpan(0, length));
    }

    /// <summary>The whole body, or null as soon as it passes <paramref name="max"/> bytes.</summary>
    private static async Task<byte[]?> ReadCappedAsync(Stream body, int max, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var collected = new MemoryStream();
            int read;
            while ((read = await body.ReadAsync(buffer, ct)) > 0)
            {
                if (collected.Length + read > max) return null;
                collected.Write(buffer, 0, read);
            }

            return collected.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The parsed document, or null when it does not parse (the executer then reports the syntax error).</summary>
    private static GraphQLDocument? TryParse(string query)
    {
        try
        {
            return GraphQLParser.Parser.Parse(query, new GraphQLParser.ParserOptions { Ignore = GraphQLParser.IgnoreOptions.Comments });
        }
        catch (GraphQLParser.Exceptions.GraphQLParserException)
        {
            return null;
        }
    }

    private static bool IsMutation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var selected = operationName is { } name
            ? operations.FirstOrDefault(o => o.Name?.StringValue == name)
            : operations.Count == 1 ? operations[0] : null;
        return selected?.Operation == OperationType.Mutation || (selected is null && operations.Any(o => o.Operation == OperationType.Mutation));
    }

    private Task ErrorAsync(HttpContext http, int status, string mediaType, string code, string message) =>
        WriteAsync(http, status, mediaType, new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }], Executed = false });

    private async Task WriteAsync(HttpContext http, int status, string mediaType, ExecutionResult result)
    {
        if (result.Errors is { } errors && errors.Count > limits.MaxErrors)
        {
            var shown = new ExecutionErrors();
            foreach (var error in errors.Take(limits.MaxErrors)) shown.Add(error);
            shown.Add(new ExecutionError($"{errors.Count - limits.MaxErrors:N0} more errors not shown") { Code = ErrorCodes.TooManyErrors });
            result.Errors = shown;
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private readonly record struct Problem(int Status, string Code, string Message);
}
