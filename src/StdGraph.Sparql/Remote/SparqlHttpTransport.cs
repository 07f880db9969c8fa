using System.Net;
using System.Net.Http.Headers;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace StdGraph.Sparql.Remote;

/// <summary>
/// One pooled HttpClient for all three endpoints, with a per-attempt timeout and exponential-backoff retries. A request
/// is described by a factory because a retry needs a fresh <see cref="HttpRequestMessage"/>.
/// </summary>
internal sealed class SparqlHttpTransport : IDisposable
{
    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public SparqlHttpTransport(SparqlGraphStoreOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            MaxConnectionsPerServer = 16,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        };
        if (options.User is not null)
        {
            var credential = new NetworkCredential(options.User, options.Password ?? "");
            var cache = new CredentialCache();
            foreach (var uri in new[] { options.Endpoint, options.UpdateEndpoint, options.GraphStoreEndpoint }.OfType<Uri>().Distinct())
            {
                var root = new Uri(uri.GetLeftPart(UriPartial.Path));
                cache.Add(root, "Digest", credential);
                cache.Add(root, "Basic", credential);
            }
            handler.Credentials = cache;
            handler.PreAuthenticate = true;
        }
        // The pipeline owns timeouts; the client-level one only guards against a bug there.
        _http = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("StdGraph", "1.0"));

        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(0, options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => IsTransient(r.StatusCode)),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .AddTimeout(options.Timeout)
            .Build();
    }

    public static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    /// <summary>
    /// Sends the request, retrying transient failures. The response headers have arrived when this returns; the caller
    /// reads (and disposes) the body. A transport failure or a transient status that survives every retry becomes a
    /// <see cref="GraphBackendUnavailableException"/>; a 4xx becomes a <see cref="SparqlEndpointException"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(Uri endpoint, Func<HttpRequestMessage> request, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                async token => await _http.SendAsync(request(), HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false),
                ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new GraphBackendUnavailableException(endpoint, e.Message, e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new GraphBackendUnavailableException(endpoint, $"no answer within {e.Timeout.TotalSeconds:0.#} s", e);
        }
        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            var body = await ReadSnippetAsync(response, ct).ConfigureAwait(false);
            if (IsTransient(response.StatusCode))
                throw new GraphBackendUnavailableException(endpoint, $"HTTP {(int)response.StatusCode} after retries: {body}");
            throw new SparqlEndpointException(endpoint, (int)response.StatusCode, body);
        }
    }

    private static async Task<string> ReadSnippetAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            text = text.Trim();
            return text.Length > 600 ? text[..600] + "…" : text;
        }
        catch (HttpRequestException)
        {
            return "(no body)";
        }
    }

    public void Dispose() => _http.Dispose();
}
