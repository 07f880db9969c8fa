namespace StdGraph.Sparql.Remote;

/// <summary>The SPARQL server could not be reached or kept failing after retries. The message names the endpoint.</summary>
public sealed class GraphBackendUnavailableException : Exception
{
    public GraphBackendUnavailableException(Uri endpoint, string reason, Exception? inner = null)
        : base($"The graph backend at {endpoint} is unavailable: {reason}", inner) => Endpoint = endpoint;

    public Uri Endpoint { get; }
}

/// <summary>The SPARQL server answered but refused the request (a 4xx, or a response that is not SPARQL results).</summary>
public sealed class SparqlEndpointException : Exception
{
    public SparqlEndpointException(Uri endpoint, int statusCode, string detail)
        : base($"The SPARQL endpoint {endpoint} refused the request (HTTP {statusCode}): {detail}")
    {
        Endpoint = endpoint;
        StatusCode = statusCode;
    }

    public Uri Endpoint { get; }
    public int StatusCode { get; }
}
