#!/usr/bin/env bash
# Runs every StdGraph test. On a fresh Debian machine, run as root: it installs what the tests need first
# (Virtuoso for the SPARQL backend tests, Chromium and CJK fonts for the browser tests, wrk for load scripts,
# docker-compose to check docker-compose.yml).
# --full-load runs the sustained-load reliability test for its full 60 s (STDGRAPH_LOAD_SECONDS; 15 s by default).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

for arg in "$@"; do
  case "$arg" in
    --full-load) export STDGRAPH_LOAD_SECONDS=60 ;;
    *) echo "test.sh: unknown option '$arg' (known: --full-load)"; exit 2 ;;
  esac
done

missing=()
command -v virtuoso-t >/dev/null 2>&1 || missing+=(virtuoso-opensource)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "test.sh: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null || { echo "test.sh: apt-get install failed"; exit 1; }
  else
    echo "test.sh: missing ${missing[*]}; run as root (or install them) first"; exit 1
  fi
fi

[ -d ../shared/corpus ] || { echo "test.sh: ../shared/corpus not found beside the repository"; exit 1; }

dotnet build StdGraph.sln -c Release -nologo -v quiet -clp:ErrorsOnly || { echo "test.sh: build failed"; echo "0 passed, 1 failed"; exit 1; }

log=$(mktemp)
dotnet test StdGraph.sln -c Release --no-build -nologo -v quiet -m:1 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
