#!/usr/bin/env bash
# Amends benchmark run on one database, end to end (docs/performance.md explains the numbers):
#   1. a fresh database (embedded H2 file, or a throwaway PostgreSQL 15 cluster under $WORK),
#   2. Amends started once on it (Flyway creates the schema, demo mode seeds alice, carol, ...), then stopped,
#   3. the data generator fills it (io.amends.bench.data.Generate, timed),
#   4. Amends started again: launch -> /health/ready and resident memory (VmRSS, VmHWM from /proc),
#   5. HTTP load: every scenario at 1, 16 and 64 clients, fixed warm-up and duration, a table on stdout,
#   6. the whole audit chain verified over HTTP (GET /api/v1/audit/verify as carol) and straight from the database.
#
# Usage:  benchmarks/load/run.sh h2|postgres
# Knobs (environment): ACCOUNTS=100000 CASES=1000000 SEED=42 CLIENTS=1,16,64 WARMUP=10 DURATION=15
#   SCENARIOS=me,open-case,case-page,case-overview,work-list,finance-queue,propose,preview,discount-validate,discount-redeem
#   WORK=/tmp/amends-bench
#   REUSE=1 (keep the generated database of an earlier run: skip steps 1-3)  GENERATE_ONLY=1 (stop after step 3)
#   SKIP_VERIFY=1 (skip step 6)  JAVA_OPTS=-Xmx1g (the server's heap)
#   MAIL_SINK=0 (no SMTP sink: the server mails where amends.mail.* says; by default the run starts one, SmtpSink)
#   RESULTS=$WORK/results.tsv  APP_LOG=$WORK/<db>/server.log  PROFILE=1 (Java Flight Recorder on the server)
#   ASYNC_PROFILER=/path/to/libasyncProfiler.so (a processor flame graph of the measured server, $WORK/<db>/profile.html;
#     the library is in tools.profiler:async-profiler on Maven Central; docs/performance.md says how to get it)
#   ASYNC_FORMAT=collapsed (with ASYNC_PROFILER: folded stacks in $WORK/<db>/profile.collapsed instead of the flame graph)
# Everything talks to 127.0.0.1 only; every load run stops by itself after WARMUP+DURATION seconds.
set -euo pipefail

DB="${1:?usage: benchmarks/load/run.sh h2|postgres}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="${WORK:-/tmp/amends-bench}"
ACCOUNTS="${ACCOUNTS:-100000}"
CASES="${CASES:-1000000}"
SEED="${SEED:-42}"
CLIENTS="${CLIENTS:-1,16,64}"
WARMUP="${WARMUP:-10}"
DURATION="${DURATION:-15}"
SCENARIOS="${SCENARIOS:-me,open-case,case-page,case-overview,work-list,finance-queue,propose,preview,discount-validate,discount-redeem}"
JAVA_OPTS="${JAVA_OPTS:--Xmx1g}"
GEN_OPTS="${GEN_OPTS:--Xmx6g}"
RESULTS="${RESULTS:-$WORK/results.tsv}"
MICRO="$ROOT/web/target/payara-micro.jar"
WAR="$ROOT/web/target/amends.war"
BENCH="$ROOT/benchmarks/target/benchmarks.jar"
DIR="$WORK/$DB"
APP_LOG="${APP_LOG:-$DIR/server.log}"

log() { printf '\033[1m[bench %s]\033[0m %s\n' "$(date -u +%H:%M:%S)" "$*"; }
for f in "$MICRO" "$WAR" "$BENCH"; do
  [ -f "$f" ] || { echo "Missing $f: build first (mvn -pl web,benchmarks -am package -DskipTests)"; exit 1; }
done
mkdir -p "$DIR"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# ---------------------------------------------------------------- the database
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_start() {
  local port; port="$(cat "$DIR/pg.port" 2>/dev/null || free_port)"; echo "$port" > "$DIR/pg.port"
  as_pg "$PG_BIN/pg_ctl" -D "$DIR/pg" -l "$DIR/pg/server.log" -w -t 120 \
    -o "-p $port -h 127.0.0.1 -k $DIR/pg -c max_connections=100 -c shared_buffers=1GB -c effective_cache_size=4GB -c work_mem=16MB -c maintenance_work_mem=512MB -c max_wal_size=4GB -c checkpoint_timeout=15min -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.max=2000 -c log_min_duration_statement=250" start >/dev/null
  PG_PORT="$port"
}
pg_stop() { as_pg "$PG_BIN/pg_ctl" -D "$DIR/pg" -m fast -w stop >/dev/null 2>&1 || true; }

if [ "$DB" = postgres ]; then
  [ -n "$PG_BIN" ] || { echo "No PostgreSQL under /usr/lib/postgresql (apt-get install -y postgresql)"; exit 1; }
  if [ "${REUSE:-0}" != 1 ]; then
    pg_stop; rm -rf "$DIR/pg"; mkdir -p "$DIR/pg"; [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR" "$DIR/pg"
    as_pg "$PG_BIN/initdb" -D "$DIR/pg" -U amends --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$DIR/pg.port"
    pg_start
    as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U amends amends
    psql -q -h 127.0.0.1 -p "$PG_PORT" -U amends amends -c 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements' >/dev/null
  else
    pg_start
  fi
  trap pg_stop EXIT
  export AMENDS_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/amends" AMENDS_DB_USER=amends AMENDS_DB_PASSWORD=amends
  GEN_URL="$AMENDS_DB_URL?reWriteBatchedInserts=true"
  log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT (data $DIR/pg; fsync on, shared_buffers 1GB)"
else
  unset AMENDS_DB_URL AMENDS_DB_USER AMENDS_DB_PASSWORD
  if [ "${REUSE:-0}" != 1 ]; then rm -rf "$DIR/data"; fi
  mkdir -p "$DIR/data"
  export AMENDS_DATA_DIR="$DIR/data"
  GEN_URL="jdbc:h2:file:$DIR/data/amends;CACHE_SIZE=1048576"   # 1 GB page cache for the load only
  log "embedded H2 in $DIR/data"
fi
export AMENDS_TOKEN_LIFETIME=PT3H   # one token per user for the whole run

# ---------------------------------------------------------------- mail
# The server mails as it would in production (SLA escalations, gift order updates), to an SMTP sink on 127.0.0.1
# that takes every mail and keeps none. MAIL_SINK=0 leaves amends.mail.* as configured (by default localhost:25, where
# nothing listens here: every mail is then retried for the whole run, at a cost to the server no production pays).
SINK_PID=""
mails_taken() { cat "$DIR/mails.count" 2>/dev/null || echo 0; }
if [ "${MAIL_SINK:-1}" = 1 ]; then
  SMTP_PORT="$(free_port)"; rm -f "$DIR/mails.count"
  java -Xmx64m -cp "$BENCH" io.amends.bench.load.SmtpSink --port "$SMTP_PORT" --count-file "$DIR/mails.count" \
    >"$DIR/smtp-sink.log" 2>&1 &
  SINK_PID=$!
  export AMENDS_MAIL_HOST=127.0.0.1 AMENDS_MAIL_PORT="$SMTP_PORT"
fi

# ---------------------------------------------------------------- the server
APP_PID=""
start_app() {   # $1: what to call this start in the results; $2: extra JVM options
  APP_PORT="$(free_port)"
  local t0 t1; t0=$(date +%s.%N)
  # Started as bin/amends run starts it (its class-data archive too: the first start writes it, when it stops), on
  # this build's WAR as it is. The garbage collector's log goes next to the server's: a pause is the first suspect of
  # a bad 99th percentile.
  AMENDS_PORT="$APP_PORT" AMENDS_WAR="$WAR" AMENDS_JAVA_OPTS="$JAVA_OPTS ${2:-} -Xlog:gc:file=$DIR/gc-$1.log:uptime" \
    "$ROOT/bin/amends" run >>"$APP_LOG" 2>&1 &
  APP_PID=$!   # bin/amends execs the JVM: the same process
  for _ in $(seq 1 3000); do
    if curl -fs -o /dev/null "http://127.0.0.1:$APP_PORT/health/ready"; then break; fi
    kill -0 "$APP_PID" 2>/dev/null || { echo "Amends died while starting; see $APP_LOG"; tail -40 "$APP_LOG"; exit 1; }
    sleep 0.1
  done
  t1=$(date +%s.%N)
  local rss hwm; rss=$(awk '/VmRSS/{print $2}' /proc/$APP_PID/status); hwm=$(awk '/VmHWM/{print $2}' /proc/$APP_PID/status)
  local secs; secs=$(echo "$t1 - $t0" | bc -l)
  printf '%s\tstartup-%s\t1\t%.2f\trss_mb=%d\thwm_mb=%d\n' "$DB" "$1" "$secs" $((rss/1024)) $((hwm/1024)) >>"$RESULTS"
  log "Amends ready on :$APP_PORT after $(printf %.1f "$secs") s ($1); RSS $((rss/1024)) MB, peak $((hwm/1024)) MB"
}
stop_app() {
  [ -n "$APP_PID" ] || return 0
  kill "$APP_PID" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$APP_PID" 2>/dev/null || true
  APP_PID=""
}
trap 'stop_app; [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null; [ "$DB" = postgres ] && pg_stop' EXIT
rss_now() { local r; r=$(awk '/VmRSS/{print $2}' /proc/$APP_PID/status); printf '%s\trss-%s\t1\t%d\n' "$DB" "$1" $((r/1024)) >>"$RESULTS"; log "RSS $1: $((r/1024)) MB"; }

# ---------------------------------------------------------------- generate
if [ "${REUSE:-0}" != 1 ]; then
  start_app empty-db
  stop_app
  log "generating $ACCOUNTS accounts, $CASES cases (seed $SEED)"
  g0=$(date +%s.%N)
  java $GEN_OPTS -cp "$BENCH" io.amends.bench.data.Generate --url "$GEN_URL" --user amends --password amends \
    --accounts "$ACCOUNTS" --cases "$CASES" --seed "$SEED" --fixtures "$DIR/fixtures.tsv" | tee "$DIR/generate.log"
  g1=$(date +%s.%N)
  printf '%s\tgenerate\t1\t%.1f\taccounts=%s\tcases=%s\n' "$DB" "$(echo "$g1 - $g0" | bc -l)" "$ACCOUNTS" "$CASES" >>"$RESULTS"
  [ "$DB" = h2 ] && du -sh "$DIR/data" | tee -a "$DIR/generate.log"
  if [ "${GENERATE_ONLY:-0}" = 1 ]; then log "generated; measure later with REUSE=1"; exit 0; fi
fi

# ---------------------------------------------------------------- load
# PROFILE=1 records the server with Java Flight Recorder during the load ($DIR/server.jfr; `jfr print --events jdk.ExecutionSample`).
uptime | sed 's/^/load before the measurement: /'
PROFILER_OPTS=""
[ "${PROFILE:-0}" = 1 ] && PROFILER_OPTS="-XX:StartFlightRecording=filename=$DIR/server.jfr,settings=profile"
ASYNC_OUT="file=$DIR/profile.html"
[ "${ASYNC_FORMAT:-}" = collapsed ] && ASYNC_OUT="collapsed,file=$DIR/profile.collapsed"
[ -n "${ASYNC_PROFILER:-}" ] && PROFILER_OPTS="-agentpath:$ASYNC_PROFILER=start,event=cpu,interval=1ms,$ASYNC_OUT"
start_app "$CASES-cases" "$PROFILER_OPTS"
rss_now before-load
mails_before=$(mails_taken)
[ "$DB" = postgres ] && psql -q -h 127.0.0.1 -p "$PG_PORT" -U amends amends -c 'SELECT pg_stat_statements_reset()' >/dev/null
java -Xmx512m -cp "$BENCH" io.amends.bench.load.Load --port "$APP_PORT" --server-pid "$APP_PID" --fixtures "$DIR/fixtures.tsv" --label "$DB" \
  --scenarios "$SCENARIOS" --clients "$CLIENTS" --warmup "$WARMUP" --duration "$DURATION" --out "$RESULTS" | tee -a "$DIR/load.log"
rss_now after-load
[ -n "$SINK_PID" ] && sleep 1 && log "mails the server sent during the load: $(( $(mails_taken) - mails_before ))"
if [ "$DB" = postgres ]; then   # which statements the load spent its database time on
  psql -h 127.0.0.1 -p "$PG_PORT" -U amends amends -P pager=off -c "SELECT calls, round(mean_exec_time::numeric, 3) AS mean_ms,
    round(total_exec_time::numeric) AS total_ms, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 260) AS query
    FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 40" >"$DIR/pg-top-statements.txt" 2>&1 || true
  log "top statements by database time: $DIR/pg-top-statements.txt"
fi

# ---------------------------------------------------------------- the audit chain
if [ "${SKIP_VERIFY:-0}" = 1 ]; then stop_app; exit 0; fi
log "verifying the whole audit chain over HTTP"
java -Xmx256m -cp "$BENCH" io.amends.bench.load.Load --port "$APP_PORT" --verify --label "$DB" --out "$RESULTS" | tee -a "$DIR/load.log"
stop_app
log "verifying the whole audit chain straight from the database"
if [ "$DB" = postgres ]; then VERIFY_URL="$AMENDS_DB_URL"; else VERIFY_URL="jdbc:h2:file:$DIR/data/amends"; fi
java -Xmx1g -cp "$BENCH" io.amends.bench.audit.VerifyChain --url "$VERIFY_URL" --user amends --password amends | tee -a "$DIR/load.log"
log "results appended to $RESULTS"
