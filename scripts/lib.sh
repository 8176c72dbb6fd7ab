# Shared helpers for the cluster and crash scripts: a throwaway PostgreSQL and Payara Micro nodes on loopback.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${WORK:-$(mktemp -d /tmp/amends-script-XXXXXX)}"; chmod 755 "$WORK"
MICRO="$ROOT/web/target/payara-micro.jar"
WAR="$ROOT/web/target/amends.war"
PIDS=()

say() { printf '\033[1m[%s]\033[0m %s\n' "$(date +%H:%M:%S)" "$*"; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1; }

start_postgres() {
  PG_PORT=$(free_port); PG_DATA="$WORK/pg"; mkdir -p "$PG_DATA"
  local run=(); [ "$(id -u)" = 0 ] && { chown postgres:postgres "$PG_DATA"; run=(runuser -u postgres --); }
  "${run[@]}" "$(pg_bin)/initdb" -D "$PG_DATA" -U amends --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${run[@]}" "$(pg_bin)/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -o "-p $PG_PORT -h 127.0.0.1 -k $PG_DATA -c max_connections=200" start >/dev/null
  "${run[@]}" "$(pg_bin)/createdb" -h 127.0.0.1 -p "$PG_PORT" -U amends amends
  PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/amends"
  say "PostgreSQL on port $PG_PORT"
}

stop_postgres() {
  local run=(); [ "$(id -u)" = 0 ] && run=(runuser -u postgres --)
  [ -n "${PG_DATA:-}" ] && "${run[@]}" "$(pg_bin)/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
}

psql_q() { psql -h 127.0.0.1 -p "$PG_PORT" -U amends -d amends -tAc "$1"; }

# start_node NAME PORT [extra payara options...]: starts a node in the background, records its pid in NODE_PID_<NAME>
start_node() {
  local name=$1 port=$2; shift 2
  AMENDS_DB_URL="$PG_URL" AMENDS_DB_USER=amends AMENDS_DB_PASSWORD=amends AMENDS_MODE=demo AMENDS_CLOCK_CONTROLLABLE=true \
    nohup java -Xmx700m -XX:+UseSerialGC -jar "$MICRO" --deploy "$WAR" --contextroot / --port "$port" \
    --prebootcommandfile "$ROOT/config/payara/pre-boot.asadmin" \
    --postbootcommandfile "$ROOT/config/payara/post-boot.asadmin" --name "$name" "$@" > "$WORK/$name.log" 2>&1 &
  eval "NODE_PID_$name=$!"
  PIDS+=($!)
}

# port_free PORT: waits until nothing listens on the port any more (a killed node's socket may linger a moment)
port_free() {
  for _ in $(seq 1 120); do
    python3 -c "import socket,sys; s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('0.0.0.0', $1)); s.close()" 2>/dev/null && return 0
    sleep 0.5
  done
  return 1
}

wait_ready() {
  local port=$1
  for _ in $(seq 1 600); do
    if curl -sf "http://127.0.0.1:$port/health/ready" | grep -q '"database"'; then return 0; fi
    sleep 0.5
  done
  say "node on $port did not become ready"; return 1
}

token() { # token PORT USER
  curl -sf -X POST "http://127.0.0.1:$1/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$2\",\"password\":\"$2-demo-2026\"}" | python3 -c 'import sys,json; print(json.load(sys.stdin)["access_token"])'
}

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  stop_postgres
}
trap cleanup EXIT
