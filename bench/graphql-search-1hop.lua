-- wrk script: POST /graphql with a full-text search and one hop (adoptions, and what replaced each adopted edition).
-- Used by bench/run-performance.sh: wrk -t2 -c16 -d10s --latency -s bench/graphql-search-1hop.lua http://127.0.0.1:PORT/graphql
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.body = '{"query":"{ search(text: \\"云计算\\", first: 10) { totalCount edges { node { code title(lang: ZH) adopts { degree standard { code replacedBy { code } } } } } } }"}'

done = function(summary, latency, requests)
  -- One machine-readable line for the calling script (errors.status counts responses outside 2xx/3xx).
  io.write(string.format("WRK_RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
