namespace StdGraph.Answers.Llm;

/// <summary>
/// Where the language model is: any OpenAI-compatible chat-completions endpoint (Ollama, vLLM, llama.cpp server,
/// Azure OpenAI, OpenAI). Settings <c>Llm:Endpoint</c>, <c>Llm:Model</c>, <c>Llm:ApiKey</c>, <c>Llm:TimeoutSeconds</c>
/// (environment <c>STDGRAPH_LLM__ENDPOINT</c> …). Without an endpoint and a model, answers are deterministic.
/// </summary>
public sealed class LlmOptions
{
    /// <summary>The base address the client appends <c>/chat/completions</c> to, e.g. <c>http://127.0.0.1:11434/v1</c>.</summary>
    public Uri? Endpoint { get; init; }

    public string? Model { get; init; }

    /// <summary>Sent as the bearer token; never logged or printed (see <see cref="ToString"/>).</summary>
    public string? ApiKey { get; init; }

    /// <summary>How long a whole answer (or, when streaming, the wait for each piece) may take before the deterministic answer is used.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public double Temperature { get; init; } = 0.1;

    public int MaxTokens { get; init; } = 1024;

    public bool IsConfigured => Endpoint is not null && !string.IsNullOrWhiteSpace(Model);

    public static LlmOptions None { get; } = new();

    /// <summary>Reads the <c>Llm:*</c> settings through <paramref name="setting"/> (an <c>IConfiguration</c> indexer).</summary>
    public static LlmOptions FromSettings(Func<string, string?> setting)
    {
        var endpoint = setting("Llm:Endpoint");
        var timeout = setting("Llm:TimeoutSeconds");
        return new LlmOptions
        {
            Endpoint = string.IsNullOrWhiteSpace(endpoint) ? null
                : Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri
                : throw new ArgumentException($"Llm:Endpoint '{endpoint}' is not an http(s) address"),
            Model = setting("Llm:Model") is { Length: > 0 } model ? model.Trim() : null,
            ApiKey = setting("Llm:ApiKey") is { Length: > 0 } key ? key.Trim() : null,
            Timeout = double.TryParse(timeout, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : TimeSpan.FromSeconds(60),
        };
    }

    public override string ToString() =>
        IsConfigured ? $"{Model} at {Endpoint} (api key {(ApiKey is null ? "not set" : "set")}, timeout {Timeout.TotalSeconds:0.#}s)" : "no language model";
}
