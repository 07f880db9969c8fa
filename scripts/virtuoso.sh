#!/usr/bin/env bash
# Starts or stops a throwaway Virtuoso on loopback, with a fresh database in a temporary folder.
#   scripts/virtuoso.sh start [dir]   prints DIR, SQL port, HTTP port; the SPARQL endpoint is http://127.0.0.1:<http>/sparql
#   scripts/virtuoso.sh stop <dir>    kills that server and removes the folder
#   scripts/virtuoso.sh ini <dir> <sqlport> <httpport>   only writes <dir>/virtuoso.ini (the test harness starts the process itself)
# DBA login is dba/dba (a fresh database); updates go through the digest-authenticated /sparql-auth.
set -euo pipefail

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 20000 ))
    if ! ss -ltnH "sport = :$port" 2>/dev/null | grep -q .; then echo "$port"; return 0; fi
  done
  echo "virtuoso.sh: no free port found" >&2; return 1
}

write_ini() {  # dir sqlport httpport
  cat > "$1/virtuoso.ini" <<INI
[Database]
DatabaseFile = $1/virtuoso.db
ErrorLogFile = $1/virtuoso.log
LockFile = $1/virtuoso.lck
TransactionFile = $1/virtuoso.trx
xa_persistent_file = $1/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = $1/virtuoso-temp.db
TransactionFile = $1/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:$2
LiteMode = 0
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 20
CheckpointInterval = 60
O_DIRECT = 0
CaseMode = 2
MaxStaticCursorRows = 5000
AllowOSCalls = 0
DirsAllowed = ., $1
ThreadCleanupInterval = 0
ThreadThreshold = 10
ResourcesCleanupInterval = 0
FreeTextBatchSize = 100000
SingleCPU = 0
PrefixResultNames = 0
RdfFreeTextRulesSize = 100
IndexTreeMaps = 64
MaxQueryMem = 1G
VectorSize = 1000
MaxVectorSize = 1000000
AdjustVectorSize = 0
ThreadsPerQuery = 2
AsyncQueueMaxThreads = 10
NumberOfBuffers = ${VIRTUOSO_BUFFERS:-170000}
MaxDirtyBuffers = ${VIRTUOSO_DIRTY_BUFFERS:-130000}

[HTTPServer]
ServerPort = 127.0.0.1:$3
ServerRoot = $1
MaxClientConnections = 20
DavRoot = DAV
EnabledDavVSP = 0
HTTPProxyEnabled = 0
TempASPXDir = 0
ServerThreads = 20
MaxKeepAlives = 20
KeepAliveTimeout = 10
HTTPThreadSize = 280000
HttpPrintWarningsInOutput = 0
Charset = UTF-8
EnabledGzipContent = 0

[Client]
SQL_PREFETCH_ROWS = 100
SQL_PREFETCH_BYTES = 16000
SQL_QUERY_TIMEOUT = 0
SQL_TXN_TIMEOUT = 0

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime = 120
DefaultGraph = https://stdgraph.org/graph
INI
}

wait_for_sparql() {  # httpport pid dir
  for _ in $(seq 1 240); do
    if ! kill -0 "$2" 2>/dev/null; then
      echo "virtuoso.sh: virtuoso-t exited during start-up; log:" >&2; tail -20 "$3/virtuoso.log" >&2 || true; return 1
    fi
    if curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$1/sparql?query=ASK%7B%7D"; then return 0; fi
    sleep 0.5
  done
  echo "virtuoso.sh: /sparql did not answer within 120 s" >&2; return 1
}

case "${1:-}" in
  start)
    command -v virtuoso-t >/dev/null || { echo "virtuoso.sh: virtuoso-t not found; apt-get install -y virtuoso-opensource" >&2; exit 1; }
    dir=${2:-$(mktemp -d -t stdgraph-virtuoso-XXXXXX)}
    mkdir -p "$dir"
    sql=$(free_port); http=$(free_port)
    while [ "$http" = "$sql" ]; do http=$(free_port); done
    write_ini "$dir" "$sql" "$http"
    (cd "$dir" && exec virtuoso-t +foreground +configfile "$dir/virtuoso.ini" >"$dir/stdout.log" 2>&1) &
    pid=$!
    echo "$pid" > "$dir/virtuoso.pid"
    wait_for_sparql "$http" "$pid" "$dir" || { kill "$pid" 2>/dev/null; exit 1; }
    echo "dir=$dir sql=$sql http=$http pid=$pid endpoint=http://127.0.0.1:$http/sparql"
    ;;
  ini)
    write_ini "${2:?dir}" "${3:?sql port}" "${4:?http port}"
    ;;
  stop)
    dir=${2:?usage: virtuoso.sh stop <dir>}
    if [ -f "$dir/virtuoso.pid" ]; then
      pid=$(cat "$dir/virtuoso.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start [dir] | stop <dir> | ini <dir> <sqlport> <httpport>" >&2; exit 2 ;;
esac
