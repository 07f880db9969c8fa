using System.Globalization;
using System.Text;

namespace StdGraph.Server.Http;

/// <summary>Request counts and a latency histogram per endpoint, in the Prometheus text format.</summary>
internal sealed class RequestMetrics
{
    internal static readonly double[] BucketSeconds = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly object _gate = new();
    private readonly Dictionary<(string Endpoint, string Method, int Status), long> _counts = new();
    private readonly Dictionary<string, Histogram> _latency = new(StringComparer.Ordinal);

    public void Record(string endpoint, string method, int status, double seconds)
    {
        lock (_gate)
        {
            var key = (endpoint, method, status);
            _counts[key] = _counts.GetValueOrDefault(key) + 1;
            if (!_latency.TryGetValue(endpoint, out var h)) _latency[endpoint] = h = new Histogram();
            h.Observe(seconds);
        }
    }

    public string Render()
    {
        var sb = new StringBuilder();
        lock (_gate)
        {
            sb.Append("# HELP stdgraph_http_requests_total HTTP requests by endpoint, method and status.\n");
            sb.Append("# TYPE stdgraph_http_requests_total counter\n");
            foreach (var ((endpoint, method, status), n) in _counts.OrderBy(c => c.Key))
                sb.Append(CultureInfo.InvariantCulture, $"stdgraph_http_requests_total{{endpoint=\"{endpoint}\",method=\"{method}\",status=\"{status}\"}} {n}\n");
            sb.Append("# HELP stdgraph_http_request_duration_seconds Time to answer an HTTP request.\n");
            sb.Append("# TYPE stdgraph_http_request_duration_seconds histogram\n");
            foreach (var (endpoint, h) in _latency.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                long cumulative = 0;
                for (var i = 0; i < BucketSeconds.Length; i++)
                {
                    cumulative += h.Buckets[i];
                    sb.Append(CultureInfo.InvariantCulture, $"stdgraph_http_request_duration_seconds_bucket{{endpoint=\"{endpoint}\",le=\"{BucketSeconds[i]}\"}} {cumulative}\n");
                }

                sb.Append(CultureInfo.InvariantCulture, $"stdgraph_http_request_duration_seconds_bucket{{endpoint=\"{endpoint}\",le=\"+Inf\"}} {h.Count}\n");
                sb.Append(CultureInfo.InvariantCulture, $"stdgraph_http_request_duration_seconds_sum{{endpoint=\"{endpoint}\"}} {h.Sum}\n");
                sb.Append(CultureInfo.InvariantCulture, $"stdgraph_http_request_duration_seconds_count{{endpoint=\"{endpoint}\"}} {h.Count}\n");
            }
        }

        return sb.ToString();
    }

    private sealed class Histogram
    {
        public long[] Buckets { get; } = new long[BucketSeconds.Length];
        public long Count { get; private set; }
        public double Sum { get; private set; }

        public void Observe(double seconds)
        {
            Count++;
            Sum += seconds;
            var i = Array.FindIndex(BucketSeconds, b => seconds <= b);
            if (i >= 0) Buckets[i]++;
        }
    }
}
