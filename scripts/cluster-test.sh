#!/usr/bin/env bash
# Two Payara Micro nodes, clustered through Payara's data grid (Hazelcast with a cluster name, tcpip discovery), sharing
# one PostgreSQL. Sends work to both and shows: a token from one node works on the other; an update on one node is
# seen on the other (no stale shared cache) and a stale write is refused (409), never lost; SLA sweeps running on
# both nodes at once breach each deadline exactly once. Prints the counts; exits non-zero when a check fails.
# Needs a build (mvn -DskipTests package) and PostgreSQL's server binaries. About 3 minutes.
source "$(dirname "$0")/lib.sh"
FAIL=0
check() { if [ "$1" = "$2" ]; then say "OK   $3 ($1)"; else say "FAIL $3: got $1, expected $2"; FAIL=1; fi; }

start_postgres
A=$(free_port); B=$(free_port)
say "node A on $A (seeds the demo data), then node B on $B"
# Payara 6 (Hazelcast 5) has no cluster password: the cluster is closed by its name and by discovery restricted to
# the listed members (tcpip), never multicast. Open-source Hazelcast has no member authentication; keep the data
# grid's ports on a private network (docs/operations.md).
HZ_A=$(free_port); HZ_B=$(free_port)
MEMBERS="tcpip:127.0.0.1:$HZ_A,127.0.0.1:$HZ_B"
start_node nodeA "$A" --clustername amends-cluster-test --clustermode "$MEMBERS" --startport "$HZ_A"
wait_ready "$A"
start_node nodeB "$B" --clustername amends-cluster-test --clustermode "$MEMBERS" --startport "$HZ_B"
wait_ready "$B"
if grep -a -q "DG Size: 2" "$WORK/nodeA.log" "$WORK/nodeB.log"; then say "OK   the two nodes formed one data grid (DG Size: 2)"; else say "FAIL the nodes did not form one data grid"; FAIL=1; fi

TA=$(token "$A" alice)
check "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$B/api/v1/cases" -H "Authorization: Bearer $TA")" 200 "a token from node A is accepted by node B"

# Work on both nodes: open cases alternately.
ACCOUNT=$(curl -s "http://127.0.0.1:$A/api/v1/cases?size=1" -H "Authorization: Bearer $TA" | python3 -c 'import sys,json; print(json.load(sys.stdin)["items"][0]["accountId"])')
TB=$(token "$B" alice)
OPENED=0
for i in $(seq 1 20); do
  if [ $((i % 2)) = 0 ]; then P=$A; T=$TA; else P=$B; T=$TB; fi
  code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$P/api/v1/cases" -H "Authorization: Bearer $T" \
    -H 'Content-Type: application/json' -d "{\"accountId\":$ACCOUNT,\"title\":\"Cluster $i\",\"description\":\"Opened on port $P\",\"severity\":\"CRITICAL\",\"channel\":\"API\"}")
  [ "$code" = 201 ] && OPENED=$((OPENED + 1))
done
check "$OPENED" 20 "cases opened, alternating between the nodes"
check "$(psql_q "SELECT COUNT(*) FROM apology_case WHERE title LIKE 'Cluster %'")" 20 "cases in the database"

# No stale cache: change on A, read on B; a stale write on B is refused.
CASE=$(psql_q "SELECT id FROM apology_case WHERE title = 'Cluster 1'")
V=$(curl -s "http://127.0.0.1:$B/api/v1/cases/$CASE" -H "Authorization: Bearer $TB" | python3 -c 'import sys,json; print(json.load(sys.stdin)["version"])')
curl -s -o /dev/null -X PUT "http://127.0.0.1:$A/api/v1/cases/$CASE/owner" -H "Authorization: Bearer $TA" -H 'Content-Type: application/json' -d "{\"version\":$V,\"owner\":\"bob\"}"
OWNER_B=$(curl -s "http://127.0.0.1:$B/api/v1/cases/$CASE" -H "Authorization: Bearer $TB" | python3 -c 'import sys,json; print(json.load(sys.stdin)["ownerId"])')
check "$OWNER_B" "$(psql_q "SELECT id FROM app_user WHERE username = 'bob'")" "node B reads the owner node A just wrote"
check "$(curl -s -o /dev/null -w '%{http_code}' -X PUT "http://127.0.0.1:$B/api/v1/cases/$CASE/owner" -H "Authorization: Bearer $TB" -H 'Content-Type: application/json' -d "{\"version\":$V,\"owner\":\"alice\"}")" 409 "a stale write on node B is refused, not lost"

# SLA sweeps on both nodes at once: every due deadline is breached exactly once.
for P in $A $B; do T=$(token "$P" admin); curl -s -o /dev/null -X POST "http://127.0.0.1:$P/api/v1/clock/advance" -H "Authorization: Bearer $T" -H 'Content-Type: application/json' -d '{"by":"P3D"}'; done
TAA=$(token "$A" admin); TBA=$(token "$B" admin)
curl -s -X POST "http://127.0.0.1:$A/api/v1/sla/sweep" -H "Authorization: Bearer $TAA" > "$WORK/sweepA.json" & SWEEP_A=$!
curl -s -X POST "http://127.0.0.1:$B/api/v1/sla/sweep" -H "Authorization: Bearer $TBA" > "$WORK/sweepB.json" & SWEEP_B=$!
wait "$SWEEP_A" "$SWEEP_B" || true
sleep 70  # and the scheduled sweeps of both nodes run once more in the meantime
BREACHED=$(psql_q "SELECT COUNT(*) FROM sla_clock WHERE state = 'BREACHED'")
LINES=$(psql_q "SELECT COUNT(*) FROM case_event WHERE kind = 'SLA_BREACHED'")
say "sweeps: node A $(cat "$WORK/sweepA.json"), node B $(cat "$WORK/sweepB.json")"
check "$LINES" "$BREACHED" "breach records equal breached deadlines ($BREACHED deadlines, each escalated once)"
check "$(psql_q "SELECT COUNT(*) FROM (SELECT case_id, kind, commitment_id FROM sla_clock WHERE state='BREACHED' GROUP BY case_id, kind, commitment_id HAVING COUNT(*) > 1) d")" 0 "no deadline breached twice"
VERIFY=$(curl -s "http://127.0.0.1:$A/api/v1/audit/verify" -H "Authorization: Bearer $(token "$A" carol)")
say "audit chain: $VERIFY"
check "$(echo "$VERIFY" | python3 -c 'import sys,json; print(json.load(sys.stdin)["ok"])')" True "the audit chain written by both nodes verifies"
[ "$FAIL" = 0 ] && say "two-node test passed" || say "two-node test FAILED (logs in $WORK)"
exit $FAIL
