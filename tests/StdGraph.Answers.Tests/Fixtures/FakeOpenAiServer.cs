using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StdGraph.Answers.Tests.Fixtures;

/// <summary>How the fake model replies to one request.</summary>
public sealed record FakeReply
{
    /// <summary>The pieces of the reply: sent as one message, or as one SSE chunk each when the client streams.</summary>
    public IReadOnlyList<string> Pieces { get; init; } = [];

    /// <summary>Wait before the response starts.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Wait between streamed pieces.</summary>
    public TimeSpan PieceDelay { get; init; }

    /// <summary>Send this text with status 200 instead of a well-formed completion.</summary>
    public string? Garbage { get; init; }

    public int Status { get; init; } = 200;

    public static FakeReply Text(params string[] pieces) => new() { Pieces = pieces };
}

/// <summary>A request the fake model received.</summary>
public sealed record ReceivedRequest(string Path, string? Authorization, JsonObject Body)
{
    public bool Stream => Body["stream"]?.GetValue<bool>() ?? false;

    public string Model => Body["model"]?.GetValue<string>() ?? "";

    public IReadOnlyList<(string Role, string Content)> Messages =>
        Body["messages"]!.AsArray().Select(m => (m!["role"]!.GetValue<string>(), ContentOf(m!["content"]))).ToList();

    private static string ContentOf(JsonNode? content) => content switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? "")),
        _ => "",
    };
}

/// <summary>
/// An OpenAI-compatible chat-completions server on 127.0.0.1 (random port), Kestrel-hosted, replying as each test
/// says: whole messages, SSE streams piece by piece, slowly, with garbage or with an error status.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();

    private FakeOpenAiServer(WebApplication app) => _app = app;

    public Func<ReceivedRequest, FakeReply> Reply { get; set; } = _ => FakeReply.Text("");

    public IReadOnlyList<ReceivedRequest> Received => _received.ToList();

    /// <summary>When each streamed piece left the server.</summary>
    public ConcurrentQueue<(string Piece, long SentAt)> SentPieces { get; } = new();

    public Uri Endpoint { get; private set; } = null!;

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeOpenAiServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    private async Task HandleAsync(HttpContext http)
    {
        var body = (JsonObject)(await JsonNode.ParseAsync(http.Request.Body))!;
        var request = new ReceivedRequest(http.Request.Path, http.Request.Headers.Authorization.ToString(), body);
        _received.Enqueue(request);
        var reply = Reply(request);
        var ct = http.RequestAborted;
        try
        {
            if (reply.Delay > TimeSpan.Zero) await Task.Delay(reply.Delay, ct);
            http.Response.StatusCode = reply.Status;
            if (reply.Garbage is not null)
            {
                http.Response.ContentType = request.Stream ? "text/event-stream" : "application/json";
                await http.Response.WriteAsync(reply.Garbage, ct);
                return;
            }
            if (reply.Status != 200)
            {
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync("""{"error":{"message":"model failed","type":"server_error"}}""", ct);
                return;
            }

            if (!request.Stream)
            {
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync(Completion(request.Model, string.Concat(reply.Pieces)).ToJsonString(), ct);
                return;
            }

            http.Response.ContentType = "text/event-stream";
            await http.Response.WriteAsync("data: " + Chunk(request.Model, role: "assistant", content: "", finish: null).ToJsonString() + "\n\n", ct);
            await http.Response.Body.FlushAsync(ct);
            foreach (var piece in reply.Pieces)
            {
                if (reply.PieceDelay > TimeSpan.Zero) await Task.Delay(reply.PieceDelay, ct);
                await http.Response.WriteAsync("data: " + Chunk(request.Model, null, piece, null).ToJsonString() + "\n\n", ct);
                await http.Response.Body.FlushAsync(ct);
                SentPieces.Enqueue((piece, Stopwatch.GetTimestamp()));
            }
            await http.Response.WriteAsync("data: " + Chunk(request.Model, null, null, "stop").ToJsonString() + "\n\n", ct);
            await http.Response.WriteAsync("data: [DONE]\n\n", ct);
        }
        catch (OperationCanceledException)
        {
            // The client gave up (a timeout test); nothing more to send.
        }
    }

    private static JsonObject Completion(string model, string content) => new()
    {
        ["id"] = "chatcmpl-test",
        ["object"] = "chat.completion",
        ["created"] = 1_700_000_000,
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
            ["finish_reason"] = "stop",
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 10, ["total_tokens"] = 20 },
    };

    private static JsonObject Chunk(string model, string? role, string? content, string? finish)
    {
        var delta = new JsonObject();
        if (role is not null) delta["role"] = role;
        if (content is not null) delta["content"] = content;
        return new JsonObject
        {
            ["id"] = "chatcmpl-test",
            ["object"] = "chat.completion.chunk",
            ["created"] = 1_700_000_000,
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
