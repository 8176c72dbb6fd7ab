#!/usr/bin/env bash
# Launch to /health/ready of `bin/amends run` on the embedded H2 database, and the server's memory then
# (docs/performance.md, "Start-up"). A fresh data folder and a fresh Payara Micro root directory: the first launch
# creates the schema and the demo data and writes the class-data archive as it stops (reported as "first"); then
# ROUNDS rounds of one launch the plain way (AMENDS_CLASS_ARCHIVE=off) and one with the archive, alternating, so a
# slow spell of the host falls on both.
# DATA=DIR launches on an existing data folder instead (kept as it is), for example the million cases that
# `benchmarks/load/run.sh h2` generated in /tmp/amends-bench/h2/data (no server may have it open).
#
# Usage:  benchmarks/load/launch.sh            Knobs: ROUNDS=3 WORK=/tmp/amends-launch JAVA_OPTS=-Xmx1g DATA=
#         RESULTS=$WORK/launch.tsv (appended: mode, seconds, resident MB)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="${WORK:-/tmp/amends-launch}"
ROUNDS="${ROUNDS:-3}"
RESULTS="${RESULTS:-$WORK/launch.tsv}"
WAR="$ROOT/web/target/amends.war"
[ -f "$WAR" ] && [ -f "$ROOT/web/target/payara-micro.jar" ] || { echo "Missing $WAR: build first (bin/amends build)"; exit 1; }
DATA="${DATA:-}"
mkdir -p "$WORK"; rm -rf "$WORK/micro-root"
if [ -z "$DATA" ]; then DATA="$WORK/data"; rm -rf "$DATA"; fi
[ -d "$DATA" ] || { echo "No data folder $DATA"; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
launch() {   # $1: what to call it; $2: on|off (the class-data archive)
  local port pid t0 t1 rss; port="$(free_port)"
  t0=$(date +%s.%N)
  AMENDS_PORT="$port" AMENDS_WAR="$WAR" AMENDS_DATA_DIR="$DATA" AMENDS_MICRO_ROOT="$WORK/micro-root" \
    AMENDS_CLASS_ARCHIVE="$2" AMENDS_JAVA_OPTS="${JAVA_OPTS:--Xmx1g}" "$ROOT/bin/amends" run >>"$WORK/server.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { echo "Amends died while starting; see $WORK/server.log"; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s.%N)
  rss=$(awk '/VmRSS/{print int($2/1024)}' "/proc/$pid/status")
  kill "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  printf '%s\t%.2f\t%d\n' "$1" "$(echo "$t1 - $t0" | bc -l)" "$rss" | tee -a "$RESULTS"
}

printf 'launch\tseconds\trss_mb\n' | tee -a "$RESULTS"
launch first on
for _ in $(seq 1 "$ROUNDS"); do
  launch plain off
  launch archive on
done
