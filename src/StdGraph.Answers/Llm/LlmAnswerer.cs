using System.Runtime.CompilerServices;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace StdGraph.Answers.Llm;

/// <summary>Asks an OpenAI-compatible chat-completions endpoint through Semantic Kernel.</summary>
internal sealed class LlmAnswerer : IDisposable
{
    private readonly HttpClient _http;
    private readonly IChatCompletionService _chat;
    private readonly OpenAIPromptExecutionSettings _settings;

    public LlmAnswerer(LlmOptions options)
    {
        if (!options.IsConfigured) throw new ArgumentException("no language model configured", nameof(options));
        Options = options;
        // Time limits are ours (a linked token per answer), not the HTTP client's: one place decides when to fall back.
        _http = new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _chat = new OpenAIChatCompletionService(
            modelId: options.Model!,
            endpoint: options.Endpoint!,
            // Local servers (Ollama, llama.cpp) ignore the key, but the client insists on one.
            apiKey: string.IsNullOrEmpty(options.ApiKey) ? "no-key" : options.ApiKey,
            httpClient: _http);
        _settings = new OpenAIPromptExecutionSettings
        {
            Temperature = options.Temperature,
            MaxTokens = options.MaxTokens,
        };
    }

    public LlmOptions Options { get; }

    public async Task<string?> CompleteAsync(string system, string user, CancellationToken ct)
    {
        var reply = await _chat.GetChatMessageContentAsync(History(system, user), _settings, kernel: null, ct).ConfigureAwait(false);
        return reply.Content;
    }

    public async IAsyncEnumerable<string> StreamAsync(string system, string user, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var piece in _chat.GetStreamingChatMessageContentsAsync(History(system, user), _settings, kernel: null, ct).ConfigureAwait(false))
            if (!string.IsNullOrEmpty(piece.Content)) yield return piece.Content;
    }

    private static ChatHistory History(string system, string user)
    {
        var history = new ChatHistory();
        history.AddSystemMessage(system);
        history.AddUserMessage(user);
        return history;
    }

    public void Dispose() => _http.Dispose();
}
