#!/usr/bin/env bash
# Whole-process performance run, from a fresh checkout to docs/PERFORMANCE.md:
#   (a) Release build   (b) index of the whole snapshot   (c) cold start and memory of `serve`
#   (d) wrk on POST /graphql (search + 1 hop), search latency per query type   (e) BenchmarkDotNet, every benchmark (--job short)
#   (f) if virtuoso-t is installed: the same three questions asked of StdGraph (GraphQL) and of Virtuoso (SPARQL)
#   (g) docs/PERFORMANCE.md with machine, versions, method and tables.
#
# Usage: bench/run-performance.sh [--quick]
#   --quick                 2 cold starts, wrk -d5s, 5 repetitions per question, no BenchmarkDotNet (for trying the script)
# Environment:
#   STDGRAPH_CORPUS=PATH    the snapshot (default: corpus/ when it holds catalogue files, else ../shared/corpus or ../../shared/corpus)
#   PERF_RUNS=N             repetitions per side-by-side question (default 20)
#   PERF_SKIP=LIST          comma-separated steps to skip: bdn, virtuoso, wrk
#   PERF_OUT=FILE           report path (default docs/PERFORMANCE.md)
#   PERF_KEEP=1             keep the work folder (data directories, logs)
# Everything listens on 127.0.0.1 only; every server started here is stopped on exit, also on error or Ctrl-C.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

quick=0
[ "${1:-}" = "--quick" ] && quick=1
runs=${PERF_RUNS:-$([ $quick = 1 ] && echo 5 || echo 20)}
cold_runs=$([ $quick = 1 ] && echo 2 || echo 5)
wrk_seconds=$([ $quick = 1 ] && echo 5 || echo 10)
warm_seconds=$([ $quick = 1 ] && echo 5 || echo 30)
skip=",${PERF_SKIP:-}$([ $quick = 1 ] && echo ,bdn || true),"
out=${PERF_OUT:-docs/PERFORMANCE.md}
work=$(mktemp -d -t stdgraph-perf-XXXXXX)
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
skipped() { [[ "$skip" == *",$1,"* ]]; }

server_pid=""
virtuoso_dir=""
cleanup() {
  local rc=$?
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server_pid" 2>/dev/null || true
  fi
  if [ -n "$virtuoso_dir" ]; then scripts/virtuoso.sh stop "$virtuoso_dir" >/dev/null 2>&1 || true; fi
  if [ "${PERF_KEEP:-0}" = 1 ]; then log "work folder kept: $work"; else rm -rf "$work"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in dotnet curl jq /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "run-performance.sh: $tool is required" >&2; exit 1; }
done

corpus=${STDGRAPH_CORPUS:-}
if [ -z "$corpus" ]; then
  for c in corpus ../shared/corpus ../../shared/corpus; do
    if ls "$c"/*.standards.jsonl* >/dev/null 2>&1; then corpus=$(cd "$c" && pwd); break; fi
  done
fi
[ -n "$corpus" ] || { echo "run-performance.sh: no snapshot found; set STDGRAPH_CORPUS" >&2; exit 1; }

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 20000 ))
    if ! ss -ltnH "sport = :$port" 2>/dev/null | grep -q .; then echo "$port"; return 0; fi
  done
  echo "run-performance.sh: no free port" >&2; return 1
}
now() { date +%s.%N; }
elapsed_ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", (b - a) * 1000 }'; }
kib_to_mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
hwm_kib() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status"; }
time_field() { sed -n "s/^[[:space:]]*$2: //p" "$1"; }  # file, /usr/bin/time -v label
wall_seconds() {  # "h:mm:ss" or "m:ss.ss" from /usr/bin/time -v
  time_field "$1" 'Elapsed (wall clock) time (h:mm:ss or m:ss)' | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.1f\n", s }'
}
target() { awk -v v="$1" -v t="$2" -v dir="$3" 'BEGIN { if (v == "" || v == "n/a") print "not measured"; else if ((dir == ">=" && v + 0 >= t) || (dir == "<=" && v + 0 <= t)) print "met"; else print "missed" }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
p95() { sort -n | awk '{ v[NR] = $1 } END { i = int(NR * 0.95 + 0.999); if (i < 1) i = 1; print (NR ? v[i] : "n/a") }'; }

# ---------------------------------------------------------------------------------------------------------- (a)
log "(a) Release build"
build_start=$(now)
rm -f .build/cli/.stamp
./stdgraph --help >/dev/null
build_ms=$(elapsed_ms "$build_start" "$(now)")
if ! skipped bdn; then dotnet build bench/StdGraph.Benchmarks -c Release -nologo -v quiet -clp:ErrorsOnly >&2; fi

# ---------------------------------------------------------------------------------------------------------- (b)
log "(b) index of the whole snapshot ($corpus)"
data="$work/data"
/usr/bin/time -v -o "$work/index.time" ./stdgraph index --corpus "$corpus" --data "$data" --json >"$work/index.json" 2>"$work/index.log"
index_wall=$(wall_seconds "$work/index.time")
index_rss_mib=$(kib_to_mib "$(time_field "$work/index.time" 'Maximum resident set size (kbytes)')")
records=$(jq '.standards.read' "$work/index.json")
editions=$(jq '.standards.editions' "$work/index.json")
triples=$(jq '.graph.triples' "$work/index.json")
records_per_s=$(awk -v r="$records" -v s="$index_wall" 'BEGIN { printf "%.0f", r / s }')
index_steps=$(jq -r '.seconds | to_entries | map("\(.key) \(.value) s") | join(", ")' "$work/index.json")

# ---------------------------------------------------------------------------------------------------------- (c)
start_server() {  # data dir [extra serve flags…] → sets server_pid, port, ready_ms
  port=$(free_port)
  local data_dir=$1; shift
  local t0; t0=$(now)
  ./stdgraph serve --data "$data_dir" --urls "http://127.0.0.1:$port" "$@" >"$work/serve-$port.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 1200); do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "run-performance.sh: serve exited during start-up:" >&2; tail -20 "$work/serve-$port.log" >&2; exit 1
    fi
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/healthz")" = 200 ]; then
      ready_ms=$(elapsed_ms "$t0" "$(now)")
      return 0
    fi
    sleep 0.05
  done
  echo "run-performance.sh: /healthz did not answer 200 within 60 s" >&2; exit 1
}
stop_server() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

log "(c) cold start of serve, $cold_runs times"
: >"$work/cold.txt"
for i in $(seq 1 "$cold_runs"); do
  start_server "$data"
  echo "$ready_ms" >>"$work/cold.txt"
  idle_rss_kib=$(rss_kib "$server_pid")
  if [ "$i" -lt "$cold_runs" ]; then stop_server; fi
done
cold_median_ms=$(median <"$work/cold.txt")
cold_all=$(paste -sd, "$work/cold.txt" | sed 's/,/, /g')

graphql() {  # query text → response body; fails on a non-200 or on errors
  local body
  body=$(jq -cn --arg q "$1" '{query: $q}')
  local out=(); [ -z "${timing:-}" ] || out=(-o /dev/null -w '%{time_total}')
  curl -sf --max-time 60 -H 'Content-Type: application/json' -H 'Accept: application/json' \
    "${out[@]}" --data-binary "$body" "http://127.0.0.1:$port/graphql"
}

# ---------------------------------------------------------------------------------------------------------- (d)
wrk_line="skipped"
if ! skipped wrk && command -v wrk >/dev/null; then
  log "(d) wrk, ${wrk_seconds}s on POST /graphql (search + 1 hop)"
  # The body exactly as wrk sends it (a Lua single-quoted string: \\ stands for one backslash).
  wrk_body=$(cat bench/graphql-search-1hop.json)
  probe=$(curl -sf --max-time 60 -H 'Content-Type: application/json' -H 'Accept: application/json' --data-binary "$wrk_body" "http://127.0.0.1:$port/graphql")
  if [ "$(jq '.errors // [] | length' <<<"$probe")" != 0 ] || [ "$(jq '.data.search.totalCount' <<<"$probe")" = 0 ]; then
    echo "run-performance.sh: the wrk query does not answer as expected: $probe" >&2; exit 1
  fi
  # Warm-up: a freshly started server runs unoptimised and instrumented code for its first tens of seconds.
  WRK_BODY_FILE=bench/graphql-search-1hop.json wrk -t2 -c16 -d"${warm_seconds}s" -s bench/graphql-query.lua "http://127.0.0.1:$port/graphql" >/dev/null
  WRK_BODY_FILE=bench/graphql-search-1hop.json wrk -t2 -c16 -d"${wrk_seconds}s" --latency -s bench/graphql-query.lua "http://127.0.0.1:$port/graphql" >"$work/wrk.txt"
  wrk_line=$(grep '^WRK_RESULT' "$work/wrk.txt")
fi
# Search latency: one connection, each query type with highlights and facets, so p99 is a single request's.
search_rows=""
if ! skipped wrk && command -v wrk >/dev/null; then
  log "(d) search latency, one connection, ${wrk_seconds}s per query type"
  for spec in "Chinese|网络安全 等级保护" "English|information security management systems" "code|ISO/IEC 27001" "mixed|云计算 cloud"; do
    kind=${spec%%|*}; text=${spec#*|}
    jq -cn --arg t "$text" '{query: "query($t: String!) { search(text: $t, first: 10) { totalCount edges { score highlights node { code title } } facets { name values { value count } } } }", variables: {t: $t}}' >"$work/search-body.json"
    probe=$(curl -sf --max-time 60 -H 'Content-Type: application/json' --data-binary @"$work/search-body.json" "http://127.0.0.1:$port/graphql")
    [ "$(jq '.errors // [] | length' <<<"$probe")" = 0 ] || { echo "run-performance.sh: search '$text' answered with errors: $probe" >&2; exit 1; }
    hits=$(jq '.data.search.totalCount' <<<"$probe")
    WRK_BODY_FILE="$work/search-body.json" wrk -t1 -c1 -d2s -s bench/graphql-query.lua "http://127.0.0.1:$port/graphql" >/dev/null
    line=$(WRK_BODY_FILE="$work/search-body.json" wrk -t1 -c1 -d"${wrk_seconds}s" --latency -s bench/graphql-query.lua "http://127.0.0.1:$port/graphql" | grep '^WRK_RESULT')
    search_rows+="| $kind | \`$text\` | $hits | $(sed -n 's/.* p50_ms=\([^ ]*\).*/\1/p' <<<"$line") | $(sed -n 's/.* p99_ms=\([^ ]*\).*/\1/p' <<<"$line") | $(sed -n 's/.* rps=\([^ ]*\).*/\1/p' <<<"$line") | $(target "$(sed -n 's/.* p99_ms=\([^ ]*\).*/\1/p' <<<"$line")" 10 '<=') |"$'\n'
  done
fi
wrk_get() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"${2:-$wrk_line}"; }
wrk_sparql_line=""
same_answers=""
sparql_ready_ms=""
loaded_rss_kib=$(rss_kib "$server_pid")
peak_rss_kib=$(hwm_kib "$server_pid")

# ---------------------------------------------------------------------------------------------------------- (f) StdGraph side
# The three questions, once as GraphQL and once as SPARQL over the same snapshot.
q1_text="云计算"
q2_code="GB/T 22080-2016"
q3_code="RFC 9110"
gql_q1="{ search(text: \"$q1_text\", first: 10) { edges { node { code adopts { degree standard { code } } } } } }"
gql_q2="{ standard(code: \"$q2_code\") { history { code } } }"
gql_q3="{ standard(code: \"$q3_code\") { cites(first: 100) { code } citedBy(first: 100) { code } } }"
sparql_prefix='PREFIX sg: <https://stdgraph.org/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/>'
sparql_q1="$sparql_prefix SELECT ?code ?adopted ?degree WHERE { { SELECT DISTINCT ?s WHERE { ?s dcterms:title ?t . ?t bif:contains '\"$q1_text\"' } LIMIT 10 } ?s sg:code ?code . OPTIONAL { ?s sg:adoption ?a . ?a sg:adoptedStandard ?i . ?i sg:code ?adopted . OPTIONAL { ?a sg:degree ?degree } } }"
sparql_q2="$sparql_prefix SELECT DISTINCT ?code WHERE { ?s sg:code \"$q2_code\" . ?s (sg:replaces|^sg:replaces)* ?e . ?e sg:code ?code }"
sparql_q3="$sparql_prefix SELECT DISTINCT ?code WHERE { ?s sg:code \"$q3_code\" . { ?s sg:cites ?n } UNION { ?n sg:cites ?s } ?n sg:code ?code }"

time_runs() {  # name, command... → appends "<name> <ms>" per run (one warm-up run first)
  local name=$1; shift
  "$@" >"$work/answer-$name.json"
  if jq -e '.errors' "$work/answer-$name.json" >/dev/null; then
    echo "run-performance.sh: $name answered with errors: $(head -c 500 "$work/answer-$name.json")" >&2; exit 1
  fi
  # Timed by curl itself (time_total: connect to last byte), so starting jq and curl is not counted on either side.
  for _ in $(seq 1 "$runs"); do
    local seconds; seconds=$(timing=1 "$@")
    echo "$name $(awk -v s="$seconds" 'BEGIN { printf "%.1f", s * 1000 }')" >>"$work/questions.txt"
  done
}
: >"$work/questions.txt"
log "(f) the three questions asked of StdGraph (GraphQL), $runs times each"
time_runs gql1 graphql "$gql_q1"
time_runs gql2 graphql "$gql_q2"
time_runs gql3 graphql "$gql_q3"
# The GraphQL issue's two queries, answered once here and once on the sparql backend, to compare the answers.
issue6a='{ standard(code:"GB/T 22080-2016") { code adopts { degree standard { code replacedBy { code } } } } }'
issue6b='{ search(text:"云计算", filter:{status:VALID}, first:5) { totalCount edges { node { code title(lang:ZH) adopts { standard { code } } } } facets { name values { value count } } } }'
graphql "$issue6a" >"$work/answer-i6a.json"
graphql "$issue6b" >"$work/answer-i6b.json"
stop_server

# ---------------------------------------------------------------------------------------------------------- (e)
bdn_reports=""
if ! skipped bdn; then
  log "(e) BenchmarkDotNet: code parsing, Turtle/N-Triples, search, traversal, equivalents (--job short)"
  STDGRAPH_BENCH_DATA="$data" DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x4000000}" dotnet run -c Release --no-build --project bench/StdGraph.Benchmarks -- \
    --filter '*' --job short --exporters github --artifacts "$work/bdn" >"$work/bdn.log" 2>&1 \
    || { echo "run-performance.sh: BenchmarkDotNet failed; see its log:" >&2; tail -30 "$work/bdn.log" >&2; exit 1; }
  bdn_reports=$(find "$work/bdn/results" -name '*-report-github.md' | sort)
fi

# ---------------------------------------------------------------------------------------------------------- (f) Virtuoso side
virtuoso_status="not installed (virtuoso-t not found): side-by-side table omitted"
if skipped virtuoso; then
  virtuoso_status="skipped (PERF_SKIP)"
elif command -v virtuoso-t >/dev/null; then
  log "(f) Virtuoso: start, load with ./stdgraph index --graph sparql, free-text index"
  started=$(scripts/virtuoso.sh start "$work/virtuoso")
  virtuoso_dir=$(sed -n 's/.*dir=\([^ ]*\).*/\1/p' <<<"$started")
  v_sql=$(sed -n 's/.* sql=\([0-9]*\).*/\1/p' <<<"$started")
  v_http=$(sed -n 's/.* http=\([0-9]*\).*/\1/p' <<<"$started")
  endpoint="http://127.0.0.1:$v_http/sparql"
  # bif:contains needs Virtuoso's free-text index on literals: a rule before the load, an index pass after it.
  isql-vt "$v_sql" dba dba exec="DB.DBA.RDF_OBJ_FT_RULE_ADD (null, null, 'stdgraph');" >"$work/isql.log" 2>&1 \
    || { echo "run-performance.sh: isql-vt could not add the free-text rule:" >&2; cat "$work/isql.log" >&2; exit 1; }
  STDGRAPH_GRAPH__BACKEND=sparql STDGRAPH_GRAPH__ENDPOINT="$endpoint" \
  STDGRAPH_GRAPH__UPDATEENDPOINT="http://127.0.0.1:$v_http/sparql-auth" \
  STDGRAPH_GRAPH__USER=dba STDGRAPH_GRAPH__PASSWORD=dba \
    /usr/bin/time -v -o "$work/load.time" ./stdgraph index --graph sparql --corpus "$corpus" --data "$work/data-sparql" --json >"$work/load.json" 2>"$work/load.log"
  load_wall=$(wall_seconds "$work/load.time")
  isql-vt "$v_sql" dba dba exec="DB.DBA.VT_INC_INDEX_DB_DBA_RDF_OBJ ();" >>"$work/isql.log" 2>&1 \
    || { echo "run-performance.sh: isql-vt could not build the free-text index:" >&2; cat "$work/isql.log" >&2; exit 1; }
  virtuoso_version=$( (virtuoso-t -? 2>&1 || true) | sed -n 's/.*Version \([^ ]*\).*/\1/p' | head -1)
  sparql() {
    local out=(); [ -z "${timing:-}" ] || out=(-o /dev/null -w '%{time_total}')
    curl -sf --max-time 120 -H 'Accept: application/sparql-results+json' "${out[@]}" --data-urlencode "query=$1" "$endpoint"
  }
  for q in 1 2 3; do
    var="sparql_q$q"
    answer=$(sparql "${!var}") || { echo "run-performance.sh: Virtuoso refused question $q: ${!var}" >&2; exit 1; }
    [ "$(jq '.results.bindings | length' <<<"$answer")" -gt 0 ] || log "warning: Virtuoso answers question $q with no rows"
  done
  log "(f) the three questions asked of Virtuoso (SPARQL), $runs times each"
  time_runs sparql1 sparql "$sparql_q1"
  time_runs sparql2 sparql "$sparql_q2"
  time_runs sparql3 sparql "$sparql_q3"

  log "(f) the same GraphQL questions asked of ./stdgraph serve --graph sparql (graph in Virtuoso), $runs times each"
  export STDGRAPH_GRAPH__ENDPOINT="$endpoint" STDGRAPH_GRAPH__USER=dba STDGRAPH_GRAPH__PASSWORD=dba
  start_server "$work/data-sparql" --graph sparql
  sparql_ready_ms=$ready_ms
  time_runs sgql1 graphql "$gql_q1"
  time_runs sgql2 graphql "$gql_q2"
  time_runs sgql3 graphql "$gql_q3"
  graphql "$issue6a" >"$work/answer-si6a.json"
  graphql "$issue6b" >"$work/answer-si6b.json"
  same_answers=""
  for q in gql1 gql2 gql3 i6a i6b; do
    if cmp -s <(jq -S . "$work/answer-$q.json") <(jq -S . "$work/answer-s$q.json"); then same_answers+="$q same, "; else same_answers+="$q DIFFERENT, "; fi
  done
  same_answers=${same_answers%, }
  if ! skipped wrk && command -v wrk >/dev/null; then
    log "(f) wrk, ${wrk_seconds}s on POST /graphql (search + 1 hop) with the graph in Virtuoso"
    WRK_BODY_FILE=bench/graphql-search-1hop.json wrk -t2 -c16 -d"${warm_seconds}s" -s bench/graphql-query.lua "http://127.0.0.1:$port/graphql" >/dev/null
    WRK_BODY_FILE=bench/graphql-search-1hop.json wrk -t2 -c16 -d"${wrk_seconds}s" --latency -s bench/graphql-query.lua "http://127.0.0.1:$port/graphql" >"$work/wrk-sparql.txt"
    wrk_sparql_line=$(grep '^WRK_RESULT' "$work/wrk-sparql.txt")
  fi
  stop_server
  unset STDGRAPH_GRAPH__ENDPOINT STDGRAPH_GRAPH__USER STDGRAPH_GRAPH__PASSWORD
  scripts/virtuoso.sh stop "$virtuoso_dir" >/dev/null 2>&1 || true
  virtuoso_dir=""
  virtuoso_status="Virtuoso ${virtuoso_version:-?}, loaded by \`./stdgraph index --graph sparql\` in ${load_wall} s"
fi

# ---------------------------------------------------------------------------------------------------------- (g)
stat_of() { awk -v n="$1" '$1 == n { print $2 }' "$work/questions.txt" | "$2"; }
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
mem=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
wrk_version=$(wrk -v 2>&1 | head -1 | awk '{ print $2 }' || true)
serve_mib=$(kib_to_mib "$peak_rss_kib")

mkdir -p "$(dirname "$out")"
{
  echo "# Performance"
  echo
  echo "Written by \`bench/run-performance.sh$([ $quick = 1 ] && echo ' --quick')\` on $(date -u +%Y-%m-%d) at commit \`$commit\`. Re-run it to reproduce; numbers from a shared"
  echo "machine are a floor. Load average when the run ended: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "## Machine and versions"
  echo
  echo "| | |"
  echo "|---|---|"
  echo "| CPU | $cpu, $(nproc) cores |"
  echo "| memory | $mem |"
  echo "| OS | $(uname -sr) |"
  echo "| .NET | SDK $(dotnet --version) |"
  echo "| wrk | ${wrk_version:-not installed} |"
  echo "| Virtuoso | $virtuoso_status |"
  echo "| snapshot | $records standard records, $editions editions, $triples triples |"
  echo
  echo "## Method"
  echo
  echo "- Build: \`./stdgraph\` (Release) from a clean stamp: ${build_ms} ms."
  echo "- Index: \`./stdgraph index --corpus <snapshot> --data <fresh dir> --json\` under \`/usr/bin/time -v\`; records/s = standard records read / wall time."
  echo "- Cold start (includes the launcher's source-freshness check, a few ms): \`./stdgraph serve --urls http://127.0.0.1:PORT\` on the built data, time until \`GET /healthz\` answers 200 (polled every 50 ms), $cold_runs starts, median."
  echo "- HTTP: \`wrk -t2 -c16 -d${wrk_seconds}s --latency -s bench/graphql-query.lua\` with the body \`bench/graphql-search-1hop.json\` after a ${warm_seconds} s warm-up (a fresh server tiers its code for tens of seconds), loopback only."
  echo "- Side by side: each question asked $runs times in sequence with curl after one warm-up, of \`serve\` on the embedded graph (GraphQL), of \`serve --graph sparql\` with the same snapshot's graph in Virtuoso (GraphQL; search stays in the local Lucene index), and of Virtuoso's \`/sparql\` directly (SPARQL, \`bif:contains\` on titles); median and p95 of curl's own \`time_total\` (connection to last byte; process start-up not counted)."
  echo
  echo "## Whole process"
  echo
  echo "| measure | value | target | |"
  echo "|---|---|---|---|"
  echo "| index, wall | ${index_wall} s ($index_steps) | | |"
  echo "| index, records/s | $records_per_s | ≥ 5,000 | $(target "$records_per_s" 5000 '>=') |"
  echo "| index, peak RSS | ${index_rss_mib} MiB | | |"
  echo "| serve cold start, median | ${cold_median_ms} ms (runs: $cold_all) | | |"
  echo "| serve RSS idle / after load / peak | $(kib_to_mib "$idle_rss_kib") / $(kib_to_mib "$loaded_rss_kib") / $serve_mib MiB | peak ≤ 1,536 MiB | $(target "$serve_mib" 1536 '<=') |"
  echo "| GraphQL search + 1 hop, requests/s | $(wrk_get rps) | ≥ 1,000 | $(target "$(wrk_get rps)" 1000 '>=') |"
  echo "| GraphQL search + 1 hop, p50 / p99 | $(wrk_get p50_ms) / $(wrk_get p99_ms) ms | | |"
  echo "| wrk errors / non-2xx | $(wrk_get errors) / $(wrk_get non2xx) of $(wrk_get requests) | 0 | |"
  echo
  echo "## Search latency (GraphQL over HTTP, one connection, highlights and facets)"
  echo
  if [ -n "$search_rows" ]; then
    echo "| query type | text | hits | p50 (ms) | p99 (ms) | requests/s | p99 ≤ 10 ms |"
    echo "|---|---|---|---|---|---|---|"
    printf '%s' "$search_rows"
  else
    echo "Not run (wrk skipped or not installed)."
  fi
  echo
  echo "## StdGraph and Virtuoso side by side"
  echo
  if [ -s "$work/questions.txt" ] && grep -q '^sparql' "$work/questions.txt"; then
    echo "| question | StdGraph, embedded graph: median / p95 (ms) | StdGraph, graph in Virtuoso: median / p95 (ms) | Virtuoso SPARQL directly: median / p95 (ms) | Virtuoso ÷ StdGraph embedded (median) |"
    echo "|---|---|---|---|---|"
    names=("full-text \"$q1_text\" + adoption hop" "replacement chain of $q2_code" "citation neighbourhood of $q3_code")
    for q in 1 2 3; do
      g=$(stat_of "gql$q" median); s=$(stat_of "sparql$q" median); b=$(stat_of "sgql$q" median)
      echo "| ${names[$((q - 1))]} | $g / $(stat_of "gql$q" p95) | ${b:-n/a} / $(stat_of "sgql$q" p95) | $s / $(stat_of "sparql$q" p95) | $(awk -v g="$g" -v s="$s" 'BEGIN { printf (g > 0 ? "%.2f" : "n/a"), s / g }') |"
    done
    echo
    echo "GraphQL answers of the two StdGraph backends, compared after sorting keys (gql1-3: the three questions above; i6a, i6b: the GraphQL issue's \`standard(GB/T 22080-2016) adopts replacedBy\` and \`search(云计算, VALID) … facets\`): ${same_answers:-not compared}."
    if [ -n "$wrk_sparql_line" ]; then
      echo "GraphQL search + 1 hop under wrk with the graph in Virtuoso: $(wrk_get rps "$wrk_sparql_line") requests/s, p50 $(wrk_get p50_ms "$wrk_sparql_line") ms, p99 $(wrk_get p99_ms "$wrk_sparql_line") ms, errors $(wrk_get errors "$wrk_sparql_line") / non-2xx $(wrk_get non2xx "$wrk_sparql_line") of $(wrk_get requests "$wrk_sparql_line") (embedded: $(wrk_get rps) requests/s). Cold start on the sparql backend: ${sparql_ready_ms:-n/a} ms."
    fi
  else
    echo "Not run: $virtuoso_status. StdGraph alone (median / p95 ms): search + adoption hop $(stat_of gql1 median) / $(stat_of gql1 p95), replacement chain $(stat_of gql2 median) / $(stat_of gql2 p95), citation neighbourhood $(stat_of gql3 median) / $(stat_of gql3 p95)."
  fi
  echo
  echo "<details><summary>The queries</summary>"
  echo
  echo '```graphql'; printf '%s\n' "$gql_q1" "$gql_q2" "$gql_q3"; echo '```'
  echo '```sparql'; printf '%s\n\n' "$sparql_q1" "$sparql_q2" "$sparql_q3"; echo '```'
  echo "</details>"
  echo
  echo "## BenchmarkDotNet (code parsing, Turtle/N-Triples read and write, search, traversal, equivalents; \`--job short\`)"
  echo
  if [ -n "$bdn_reports" ]; then
    for r in $bdn_reports; do echo "### $(basename "$r" -report-github.md)"; echo; sed -n '/^|/,$p' "$r"; echo; done
  else
    echo "Not run$([ $quick = 1 ] && echo ' (--quick)')."
  fi
} >"$out"
log "wrote $out"
