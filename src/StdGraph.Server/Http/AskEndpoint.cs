using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using StdGraph.Answers;
using StdGraph.Server.GraphQL;
using StdGraph.Server.Hosting;

namespace StdGraph.Server.Http;

/// <summary>
/// <c>POST /ask</c> with <c>{"question": "…", "filter": {…}}</c>: the answer streamed as server-sent events, one
/// <c>chunk</c> event (<c>{"text": "…"}</c>) per piece as it is written, then one <c>final</c> event with the whole answer
/// and its checked citations.
/// </summary>
internal static class AskEndpoint
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
    };

    private sealed record AskRequest(string? Question, AnswerFilterBody? Filter);

    private sealed record AnswerFilterBody(string[]? Status, string[]? Body, string? Field, int? MaxStandards);

    public static async Task HandleAsync(HttpContext http, EngineHost host, FeatureServices features, ServerLimits limits)
    {
        if (!host.IsReady)
        {
            await Problem(http, StatusCodes.Status503ServiceUnavailable, ErrorCodes.NotReady, "the data is still loading");
            return;
        }

        if (http.Request.ContentLength > limits.MaxRequestBytes)
        {
            await Problem(http, StatusCodes.Status413PayloadTooLarge, ErrorCodes.RequestTooLarge, $"the request body is over {limits.MaxRequestBytes} bytes");
            return;
        }

        AskRequest? request;
        try
        {
            using var body = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0)
            {
                body.Write(buffer, 0, read);
                if (body.Length > limits.MaxRequestBytes)
                {
                    await Problem(http, StatusCodes.Status413PayloadTooLarge, ErrorCodes.RequestTooLarge, $"the request body is over {limits.MaxRequestBytes} bytes");
                    return;
                }
            }

            request = JsonSerializer.Deserialize<AskRequest>(body.ToArray(), Json);
        }
        catch (JsonException e)
        {
            await Problem(http, StatusCodes.Status400BadRequest, ErrorCodes.InvalidJson, "the body is not valid JSON: " + e.Message);
            return;
        }

        if (string.IsNullOrWhiteSpace(request?.Question))
        {
            await Problem(http, StatusCodes.Status400BadRequest, ErrorCodes.BadUserInput, "give a question: {\"question\": \"…\"}");
            return;
        }

        var filter = request.Filter is { } f
            ? new AnswerFilter { Status = f.Status ?? [], Body = f.Body ?? [], Field = f.Field, MaxStandards = f.MaxStandards ?? AnswerFilter.None.MaxStandards }
            : AnswerFilter.None;

        IAsyncEnumerator<AnswerChunk> chunks;
        AnswerChunk first;
        try
        {
            chunks = features.Answers.StreamAsync(request.Question, filter, http.RequestAborted).GetAsyncEnumerator(http.RequestAborted);
            if (!await chunks.MoveNextAsync()) return;
            first = chunks.Current;
        }
        catch (ArgumentException e)
        {
            await Problem(http, StatusCodes.Status400BadRequest, ErrorCodes.BadUserInput, e.Message);
            return;
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await using (chunks)
        {
            var chunk = first;
            while (true)
            {
                if (chunk.IsFinal && chunk.Final is { } answer)
                {
                    await Event(http, "final", new
                    {
                        text = answer.Text,
                        language = answer.Language,
                        citations = answer.Citations,
                        usedLlm = answer.UsedLlm,
                        retrieved = answer.Retrieved.Select(r => new { code = r.Code, title = r.Title, status = r.Status }),
                        unverified = answer.Unverified,
                        found = answer.Found,
                    });
                }
                else if (chunk.Text.Length > 0)
                {
                    await Event(http, "chunk", new { text = chunk.Text });
                }

                if (!await chunks.MoveNextAsync()) break;
                chunk = chunks.Current;
            }
        }
    }

    private static async Task Event(HttpContext http, string name, object data)
    {
        await http.Response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data, Json)}\n\n", http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }

    private static Task Problem(HttpContext http, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new { errors = new[] { new { message, extensions = new { code } } } }, Json));
    }
}
