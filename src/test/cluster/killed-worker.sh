#!/usr/bin/env bash
# Remote partitioning with a worker killed mid-range, as separate JVMs on loopback, checked against a run in one
# process. `.ci/run` runs it after the test suites; it takes about 3 minutes here.
#   src/test/cluster/killed-worker.sh                  # a province of 30,000 people (about 10,000 households)
#   src/test/cluster/killed-worker.sh --people 60000
#
# 1. One province is generated and imported into two scratch databases on MariaDB (fupin_cluster_single and
#    fupin_cluster_remote; both dropped and made again).
# 2. Single process: the service on the first database runs a re-evaluation, partitioned in process.
# 3. Remote: a manager (app.reevaluation.remote, 8 ranges) and two workers (app.reevaluation.worker), three JVMs
#    on the second database and the RabbitMQ broker. The same re-evaluation is started on the manager; once a
#    fifth of the households are done and worker 1's range has committed a chunk, worker 1 is killed with
#    SIGKILL. Its range was never acknowledged, so the broker hands it to worker 2, which takes it over once worker 1's hold
#    has expired (app.reevaluation.hold-expires, 30 s). The run is then stopped
#    from the manager and resumed with a new worker 3 beside worker 2: ranges that completed are not run
#    again, the others carry on from their last committed chunk.
# 4. Checks: both runs COMPLETED with every household processed; exactly one evaluation per household in each
#    database (nothing lost, nothing done twice); every range's latest execution COMPLETED, and a range complete
#    before the stop run only once; and the recorded measures (ledger:
#    household, measure, member, status, rule, reason, rule set) and the run's diff (households and measures
#    gained) have the same checksum in both databases.
# 5. Speed: runs with nothing to change, with two workers (2 and 3), then with one, timed by the run's own start
#    and end.
# Needs a JDK 17, Maven (to build the jar if target/ has none), python3, MariaDB and RabbitMQ: both are started if
# they are not listening on 127.0.0.1 (3306 as root with an empty password, 5672 as guest/guest).
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/../../.."
ROOT=$PWD
OUT=$ROOT/target/cluster
rm -rf "$OUT" && mkdir -p "$OUT"
PEOPLE=30000
while [ $# -gt 0 ]; do
  case "$1" in
    --people) PEOPLE=$2; shift 2;;
    *) echo "unknown argument: $1" >&2; exit 2;;
  esac
done
RANGES=8
AS_OF=2020-06-30
export APP_PERSONAL_DATA_KEY_FILE=$OUT/personal-data.keys
export APP_AUDIT_KEY_FILE=$OUT/audit.key APP_AUDIT_CREATE_KEY_FILE=true   # the audit chain's own key
USERS=(--app.security.users.caseworker.password='{noop}cluster-caseworker' --app.security.users.caseworker.roles=CASEWORKER
       --app.security.users.policy.password='{noop}cluster-policy' --app.security.users.policy.roles=POLICY,CASEWORKER
       --app.security.users.admin.password='{noop}cluster-admin' --app.security.users.admin.roles=ADMIN,POLICY,CASEWORKER)
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }

# --- what it needs --------------------------------------------------------------------------------------------
. src/bench/services.sh
needs_mariadb
needs_rabbitmq
JAR=$ROOT/target/fupin-matcher-0.1.0-SNAPSHOT.jar
if [ ! -s "$JAR" ]; then
  echo "== building the service"
  mvn -B -q -ntp -DskipTests package > "$OUT/build.log" 2>&1 || fail "build: see $OUT/build.log"
fi
sql() { mysql -h127.0.0.1 -uroot -N -e "$1"; }
# A queue of this check's own (and its .rejected): no leftovers of an earlier, interrupted check, and no other
# test run on the same broker takes its requests.
QUEUE=fupin.cluster.killed-worker.$$
cleanup_queues() { for q in "$QUEUE" "$QUEUE.rejected"; do rabbitmqctl delete_queue "$q" >/dev/null 2>&1 || true; done; }
trap 'cleanup; cleanup_queues' EXIT

# --- the province, twice --------------------------------------------------------------------------------------
PROVINCE=$OUT/province.ndjson
java -jar "$JAR" generate --people "$PEOPLE" --seed 11 --out "$PROVINCE" > "$OUT/generate.log"
# One household a line, but for the end line that counts them ({"exportEnd":true,…}).
HOUSEHOLDS=$(grep -vc '"exportEnd"' "$PROVINCE")
echo "== $HOUSEHOLDS households ($PEOPLE people), imported into two databases"
for db in fupin_cluster_single fupin_cluster_remote; do
  sql "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db CHARACTER SET utf8mb4"
  java -Xmx512m -jar "$JAR" import "$PROVINCE" --spring.profiles.active=mysql \
      --spring.datasource.url="jdbc:mysql://127.0.0.1:3306/$db" --app.personal-data.create-key-file=true "${USERS[@]}" \
      > "$OUT/import-$db.log" 2>&1 || fail "import into $db: see $OUT/import-$db.log"
done

# start NAME DB PORT ARGS…: one service JVM, in the background; its pid in the variable NAME_PID.
start() {
  local name=$1 db=$2 port=$3; shift 3
  java -Xmx768m -jar "$JAR" --spring.profiles.active=mysql --spring.datasource.url="jdbc:mysql://127.0.0.1:3306/$db" \
      --server.port="$port" --app.rate-limit.writes-per-second=100000 --app.reevaluation.queue="$QUEUE" "${USERS[@]}" "$@" > "$OUT/$name.log" 2>&1 &
  PIDS+=($!)
  printf -v "${name//-/_}_PID" '%s' $!
}
started() {
  local name=$1
  for _ in $(seq 1 180); do grep -q "Started FupinApplication" "$OUT/$name.log" && return; sleep 1; done
  fail "$name did not start: see $OUT/$name.log"
}
stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# run PORT: starts a re-evaluation of the whole province; prints its id.
run() {
  curl -sf -u policy:cluster-policy -H 'Content-Type: application/json' -d "{\"asOf\": \"$AS_OF\"}" \
      "http://127.0.0.1:$1/api/reevaluations" | python3 -c 'import json,sys; print(json.load(sys.stdin)["reevaluationId"])'
}
field() { python3 -c "import json,sys; print(json.load(sys.stdin)[\"$1\"])"; }
state() { curl -sf -u policy:cluster-policy "http://127.0.0.1:$1/api/reevaluations/$2"; }
# finished PORT ID: waits for the run's end; fails unless it COMPLETED with every household; prints its seconds.
finished() {
  local s
  for _ in $(seq 1 900); do
    s=$(state "$1" "$2")
    case "$(echo "$s" | field state)" in
      COMPLETED) break;;
      RUNNING|STARTING|PENDING) sleep 1;;
      *) fail "run $2 ended as: $s";;
    esac
  done
  [ "$(echo "$s" | field state)" = COMPLETED ] || fail "run $2 did not end in 15 minutes: $s"
  [ "$(echo "$s" | field processed)" = "$HOUSEHOLDS" ] || fail "run $2 processed $(echo "$s" | field processed) of $HOUSEHOLDS: $s"
  echo "$s" | python3 -c '
import datetime, json, sys
d = json.load(sys.stdin)
t = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
print(round((t(d["finishedAt"]) - t(d["startedAt"])).total_seconds(), 1))'
}

# --- single process -------------------------------------------------------------------------------------------
echo "== single process"
start single fupin_cluster_single 18091
started single
SINGLE_RUN=$(run 18091)
echo "   took $(finished 18091 "$SINGLE_RUN") s"
stop "$single_PID"

# --- manager and workers --------------------------------------------------------------------------------------
echo "== manager and two workers"
start manager fupin_cluster_remote 18092 --spring.profiles.active=mysql,manager --app.reevaluation.ranges=$RANGES
start worker-1 fupin_cluster_remote 18093 --spring.profiles.active=mysql,worker
start worker-2 fupin_cluster_remote 18094 --spring.profiles.active=mysql,worker
started manager; started worker-1; started worker-2
REMOTE_RUN=$(run 18092)
# Worker 1 is killed once a fifth of the province is done and the range it is on has committed a chunk.
range_on() { # the range a worker has begun and not ended, from its log
  grep -oE "Executing step: \[reevaluate-households:range[0-9]+\]|Step: \[reevaluate-households:range[0-9]+\] executed" \
      "$OUT/$1.log" | tail -1 | grep -oE "^Executing.*" | grep -oE "range[0-9]+" || true
}
commits() {
  sql "SELECT COMMIT_COUNT FROM fupin_cluster_remote.BATCH_STEP_EXECUTION
       WHERE STEP_NAME = 'reevaluate-households:$1' AND STATUS = 'STARTED'" || true
}
KILLED_RANGE=
for _ in $(seq 1 1200); do
  processed=$(state 18092 "$REMOTE_RUN" | field processed)
  KILLED_RANGE=$(range_on worker-1)
  if [ "$processed" -ge $((HOUSEHOLDS / 5)) ] && [ -n "$KILLED_RANGE" ] && [ "$(commits "$KILLED_RANGE")" -gt 0 ] 2>/dev/null; then
    break
  fi
  KILLED_RANGE=
  sleep 0.1
done
[ -n "$KILLED_RANGE" ] || fail "worker 1 was never in the middle of a range once a fifth was done"
kill -9 "$worker_1_PID"
wait "$worker_1_PID" 2>/dev/null || true
KILLED_COMMITS=$(commits "$KILLED_RANGE")
echo "   worker 1 killed (SIGKILL) in $KILLED_RANGE after $KILLED_COMMITS committed chunk(s), at $processed of $HOUSEHOLDS households"
# The run is stopped from the manager (each range ends after the chunk it is on; the killed range's request,
# never acknowledged, goes to worker 2 and stops there too), then resumed with a new worker 3 beside worker 2:
# the ranges that completed are not run again, the others carry on from their last committed chunk.
curl -sf -u policy:cluster-policy -X POST "http://127.0.0.1:18092/api/reevaluations/$REMOTE_RUN/stop" > /dev/null
for _ in $(seq 1 300); do
  [ "$(state 18092 "$REMOTE_RUN" | field state)" = STOPPED ] && break
  sleep 1
done
[ "$(state 18092 "$REMOTE_RUN" | field state)" = STOPPED ] || fail "the run did not stop: $(state 18092 "$REMOTE_RUN")"
STOPPED_AT=$(state 18092 "$REMOTE_RUN" | field processed)
DONE_BEFORE=$(sql "SELECT STEP_NAME FROM fupin_cluster_remote.BATCH_STEP_EXECUTION
                    WHERE STEP_NAME LIKE 'reevaluate-households:%' AND STATUS = 'COMPLETED'" | tr '\n' ' ')
echo "   stopped at $STOPPED_AT of $HOUSEHOLDS households; ranges complete: ${DONE_BEFORE:-none}"
start worker-3 fupin_cluster_remote 18095 --spring.profiles.active=mysql,worker
started worker-3
curl -sf -u policy:cluster-policy -X POST "http://127.0.0.1:18092/api/reevaluations/$REMOTE_RUN/resume" > /dev/null
echo "   resumed with workers 2 and 3; took $(finished 18092 "$REMOTE_RUN") s in all"

# --- the checks -----------------------------------------------------------------------------------------------
for db in fupin_cluster_single fupin_cluster_remote; do
  twice=$(sql "SELECT COUNT(*) FROM (SELECT household_id FROM $db.evaluation GROUP BY household_id HAVING COUNT(*) <> 1) t")
  evaluated=$(sql "SELECT COUNT(DISTINCT household_id) FROM $db.evaluation")
  [ "$twice" = 0 ] && [ "$evaluated" = "$HOUSEHOLDS" ] \
    || fail "$db: $evaluated households evaluated of $HOUSEHOLDS, $twice evaluated other than once"
done
# Every range ended COMPLETED (its latest execution), and a range complete before the stop ran only once.
ranges=$(sql "SELECT e.STATUS, COUNT(*) FROM fupin_cluster_remote.BATCH_STEP_EXECUTION e
              WHERE e.STEP_NAME LIKE 'reevaluate-households:%' AND e.STEP_EXECUTION_ID =
                    (SELECT MAX(l.STEP_EXECUTION_ID) FROM fupin_cluster_remote.BATCH_STEP_EXECUTION l
                      WHERE l.STEP_NAME = e.STEP_NAME) GROUP BY e.STATUS" | tr '\t\n' ' ')
[ "$ranges" = "COMPLETED $RANGES " ] || fail "range steps, by their latest execution: $ranges"
for range in $DONE_BEFORE; do
  runs=$(sql "SELECT COUNT(*) FROM fupin_cluster_remote.BATCH_STEP_EXECUTION WHERE STEP_NAME = '$range'")
  [ "$runs" = 1 ] || fail "$range was complete before the stop but ran $runs times"
done
# checksum DB: the ledger and the run's diff, without ids and times (which differ between databases by nature).
checksum() {
  { sql "SELECT household_id, measure, member_id, COALESCE(current_flag, ''), status, rule_name, reason, ruleset_version
         FROM $1.recommendation ORDER BY household_id, measure, member_id, current_flag, status"
    sql "SELECT household_id, region_code, members, gained_people, lost_people FROM $1.reevaluation_household
         ORDER BY household_id"
    sql "SELECT household_id, direction, measure, member_id, region_code, people, rule_name, reason
         FROM $1.reevaluation_change ORDER BY household_id, direction, measure, member_id"; } | sha256sum | cut -c1-16
}
MEASURES=$(sql "SELECT COUNT(*) FROM fupin_cluster_single.recommendation")
SINGLE_SUM=$(checksum fupin_cluster_single)
REMOTE_SUM=$(checksum fupin_cluster_remote)
echo "   recorded measures ($MEASURES) and diff: single process $SINGLE_SUM, remote with a killed worker $REMOTE_SUM"
[ "$MEASURES" -gt 0 ] && [ "$SINGLE_SUM" = "$REMOTE_SUM" ] || fail "the recorded state differs from the single-process run"

# --- speed: one worker against two, a run with nothing to change ----------------------------------------------
finished 18092 "$(run 18092)" > /dev/null   # warms worker 3 up
TWO=$(finished 18092 "$(run 18092)")
stop "$worker_3_PID"
ONE=$(finished 18092 "$(run 18092)")
echo "   a run with nothing to change: $TWO s with two workers, $ONE s with one ($RANGES ranges)"
echo "PASSED: $HOUSEHOLDS households, a worker killed mid-range, the run stopped and resumed, the same recorded state as one process"
