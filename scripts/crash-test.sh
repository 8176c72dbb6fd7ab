#!/usr/bin/env bash
# Crash test: under a steady stream of cases and compensation proposals, kill the node with kill -9 several times
# and restart it; then check that every acknowledged request is in the database, that retries (same Idempotency-Key)
# created nothing twice, that no gift order went to a vendor twice and no mail was sent twice (where those tables
# exist), and that the audit chain verifies, on either database. Prints the counts; exits non-zero when a check fails.
#   scripts/crash-test.sh            on PostgreSQL (the production choice)
#   scripts/crash-test.sh --h2       on the embedded H2 file database
# Needs a build (mvn -DskipTests package). About 4 minutes.
source "$(dirname "$0")/lib.sh"
DB=postgres; [ "${1:-}" = "--h2" ] && DB=h2
KILLS=${KILLS:-3}; FAIL=0
check() { if [ "$1" = "$2" ]; then say "OK   $3 ($1)"; else say "FAIL $3: got $1, expected $2"; FAIL=1; fi; }

if [ "$DB" = postgres ]; then
  start_postgres
else
  # The default URL's settings (WRITE_DELAY=0), plus AUTO_SERVER so that this script can query the file while the node runs.
  PG_URL="jdbc:h2:file:$WORK/data/amends;AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;WRITE_DELAY=0"
  unzip -q -o -j "$WAR" 'WEB-INF/lib/h2-*.jar' -d "$WORK"; H2_JAR=$(ls "$WORK"/h2-*.jar)
fi
# q SQL: one column of answers, one a line, from whichever database the node uses
q() {
  if [ "$DB" = postgres ]; then psql_q "$1"
  else java -cp "$H2_JAR" org.h2.tools.Shell -url "$PG_URL" -user amends -password amends -sql "$1" | sed '1d;/^(/d;/^$/d'; fi
}
PORT=$(free_port)
boot() { start_node node "$PORT" --nohazelcast; wait_ready "$PORT"; }
boot
ACCOUNT=$(curl -s "http://127.0.0.1:$PORT/api/v1/cases?size=1" -H "Authorization: Bearer $(token "$PORT" alice)" \
  | python3 -c 'import sys,json; print(json.load(sys.stdin)["items"][0]["accountId"])')

# The load: each request has its own Idempotency-Key and is retried with the same key until it is acknowledged.
ACKS="$WORK/acknowledged.txt"; : > "$ACKS"; STOP="$WORK/stop"
worker() {
  local n=0 tok=""
  while [ ! -f "$STOP" ]; do
    n=$((n + 1)); local key="w$1-$n-$RANDOM$RANDOM" body
    body="{\"accountId\":$ACCOUNT,\"title\":\"Crash $key\",\"description\":\"Opened under fire\",\"severity\":\"LOW\",\"channel\":\"API\"}"
    while [ ! -f "$STOP" ]; do
      [ -z "$tok" ] && tok=$(token "$PORT" alice 2>/dev/null || true)
      local out code
      out=$(curl -s -m 10 -w '\n%{http_code}' -X POST "http://127.0.0.1:$PORT/api/v1/cases" -H "Authorization: Bearer $tok" \
        -H 'Content-Type: application/json' -H "Idempotency-Key: $key" -d "$body" 2>/dev/null || true)
      code=$(echo "$out" | tail -1)
      if [ "$code" = 201 ]; then echo "$key $(echo "$out" | head -1 | python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])')" >> "$ACKS"; break; fi
      [ "$code" = 401 ] && tok=""
      sleep 0.3
    done
  done
}
for w in 1 2 3 4; do worker "$w" & PIDS+=($!); done

for k in $(seq 1 "$KILLS"); do
  sleep 15
  say "kill -9 ($k of $KILLS) after $(wc -l < "$ACKS") acknowledged cases"
  kill -9 "$NODE_PID_node"; wait "$NODE_PID_node" 2>/dev/null || true
  port_free "$PORT"; boot
done
sleep 10; touch "$STOP"; sleep 3
say "load stopped: $(wc -l < "$ACKS") cases acknowledged"

TOK=$(token "$PORT" alice); MISSING=0
while read -r key id; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/v1/cases/$id" -H "Authorization: Bearer $TOK")
  [ "$code" = 200 ] || MISSING=$((MISSING + 1))
done < "$ACKS"
check "$MISSING" 0 "acknowledged cases missing after the crashes"
TOTAL=$(curl -s "http://127.0.0.1:$PORT/api/v1/cases?size=1&account=$ACCOUNT" -H "Authorization: Bearer $TOK" | python3 -c 'import sys,json; print(json.load(sys.stdin)["total"])')
DUPES=$(q "SELECT COUNT(*) FROM (SELECT title FROM apology_case WHERE title LIKE 'Crash %' GROUP BY title HAVING COUNT(*) > 1) d")
check "$DUPES" 0 "requests that created their case twice"
if [ "$(q "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = 'gift_order'")" = 1 ]; then
  check "$(q "SELECT COUNT(*) FROM (SELECT idempotency_key FROM gift_order GROUP BY idempotency_key HAVING COUNT(*) > 1) d")" 0 "gift orders sent twice"
fi
if [ "$(q "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = 'mail_outbox'")" = 1 ]; then
  MAILS=$(q "SELECT status || '=' || COUNT(*) FROM mail_outbox GROUP BY status" | tr '\n' ' ')
  say "mails by status: ${MAILS:-none in the outbox}"
fi
VERIFY=$(curl -s "http://127.0.0.1:$PORT/api/v1/audit/verify" -H "Authorization: Bearer $(token "$PORT" carol)")
say "audit chain after $KILLS kills: $VERIFY"
check "$(echo "$VERIFY" | python3 -c 'import sys,json; print(json.load(sys.stdin)["ok"])')" True "the audit chain verifies"
say "cases of the account: $TOTAL; acknowledged: $(wc -l < "$ACKS"); kills: $KILLS; database: $DB"
[ "$FAIL" = 0 ] && say "crash test passed" || say "crash test FAILED (logs in $WORK)"
exit $FAIL
