#!/usr/bin/env bash
# The benchmark suite, one command: every figure beside the floor it is measured against in the same run, and the
# ratio, in target/bench/results.md and target/bench/results.json (ratios, because absolute times on a shared
# machine drift).
#   src/bench/run.sh                         # everything, on the full province (840,000 people): 31 minutes here
#   src/bench/run.sh --people 60000          # a smaller generated province
#   src/bench/run.sh engine                  # some parts only: engine import reevaluation http reload
# Needs a JDK 17, Maven, python3, MariaDB or MySQL (started here if it is not running on 127.0.0.1:3306, as root
# with an empty password) and wrk (installed from Debian's package if missing). It uses the scratch database
# fupin_bench (dropped and made again by the import part) and the port 18090.
#
#   engine        JMH: households/s through the preview path (one household a session) and the bulk path
#                 (sessions of 200), 1 and 2 threads, against the same 24 measures in plain Java (ReferencePolicy,
#                 test sources; RulesAgreeWithPolicyTests, run first, checks that both answer the same), and the
#                 bytes each allocates per household (JMH's -prof gc).
#   import        the generated province through the `import` command, against ImportFloor (plain JDBC, the
#                 same rows, no validation, encryption or audit).
#   reevaluation  a full re-evaluation on the running service: the first (every measure new), then one with
#                 nothing to change, against ReadFloor (plain JDBC, the same reads, one small row per household)
#                 and ReevaluationFloor (the reads and writes of the job before V24, no rules); the database's growth
#                 over the no-change run, the lock waits during it, and a dry run.
#   http          wrk on loopback: previews flat out and at half that rate, against GET /dashboard.css (a static
#                 file: the web stack without sign-in or database) and GET /api/me (sign-in and the account read,
#                 no work) under the same load; then recorded evaluations of the province's households.
#   reload        a DRL file edited and the rule set reloaded, warm, against the Drools compile alone.
set -euo pipefail
shopt -s inherit_errexit   # a failed measurement inside $(…) stops the suite where it fails
cd "$(dirname "$0")/../.."
ROOT=$PWD
OUT=$ROOT/target/bench
mkdir -p "$OUT"
PEOPLE=840000
PARTS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --people) PEOPLE=$2; shift 2;;
    *) PARTS+=("$1"); shift;;
  esac
done
[ ${#PARTS[@]} -gt 0 ] || PARTS=(engine import reevaluation http reload)
for part in "${PARTS[@]}"; do
  case "$part" in engine|import|reevaluation|http|reload) ;; *) echo "unknown part: $part" >&2; exit 2;; esac
done
JMH_RUN=${JMH_RUN:-"-f 1 -wi 8 -w 5s -i 5 -r 3s"}   # 40 s of warm-up: on 2 cores the JIT keeps compiling for 30 s and more
PORT=18090
DB=fupin_bench
DB_URL="jdbc:mysql://127.0.0.1:3306/$DB"
URL=http://127.0.0.1:$PORT
FIGURES=$OUT/figures.ndjson
SERVICE_PID=
export APP_PERSONAL_DATA_KEY_FILE=$OUT/personal-data.keys
export APP_AUDIT_KEY_FILE=$OUT/audit.key APP_AUDIT_CREATE_KEY_FILE=true   # the audit chain's own key
USERS=(--app.security.users.caseworker.password='{noop}bench-caseworker' --app.security.users.caseworker.roles=CASEWORKER
       --app.security.users.policy.password='{noop}bench-policy' --app.security.users.policy.roles=POLICY,CASEWORKER
       --app.security.users.admin.password='{noop}bench-admin' --app.security.users.admin.roles=ADMIN,POLICY,CASEWORKER)

# record PART FIGURE UNIT VALUE FLOOR FLOOR_IS GOAL: one line of target/bench/figures.ndjson (results.py reads it).
record() {
  python3 - "$@" >> "$FIGURES" <<'EOF'
import json, sys
part, figure, unit, value, floor, floor_is, goal = sys.argv[1:8]
print(json.dumps({"part": part, "figure": figure, "unit": unit, "value": float(value),
                  "floor": float(floor) if floor else None, "floorIs": floor_is or None, "goal": goal or None},
                 ensure_ascii=False))
EOF
  echo "   $2: $4 $3${5:+ (floor $5)}"
}

. src/bench/services.sh   # needs_mariadb
needs_wrk() { command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }; }
JAR=
needs_jar() {
  [ -n "$JAR" ] && return
  echo "== building the service"
  mvn -B -q -ntp -DskipTests package > "$OUT/build.log" 2>&1 || { echo "build failed: see $OUT/build.log"; exit 1; }
  JAR=$ROOT/target/fupin-matcher-0.1.0-SNAPSHOT.jar
}
needs_province() {
  local file=$OUT/province-$PEOPLE.ndjson
  [ -s "$file" ] || java -jar "$JAR" generate --people "$PEOPLE" --seed 7 --out "$file" | tail -1
  PROVINCE=$file
  HOUSEHOLDS=$(grep -vc '"exportEnd"' "$file")   # the end line counts the households, it is none
}
# The bench database with its schema, users and key file (Flyway through an empty import), unless it is there:
# the import part makes it afresh; the other parts run on what an earlier import left, or on an empty registry.
needs_database() {
  if [ -z "$(mysql -h127.0.0.1 -uroot -N -e "SHOW DATABASES LIKE '$DB'")" ] || [ ! -s "$APP_PERSONAL_DATA_KEY_FILE" ]; then
    mysql -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4"
    rm -f "$APP_PERSONAL_DATA_KEY_FILE"
    # An empty export (its end line counting no household): the import answers it complete, with status 0.
    printf '{"exportEnd":true,"households":0}\n' > "$OUT/empty.ndjson"
    java -Xmx512m -jar "$JAR" import "$OUT/empty.ndjson" --spring.profiles.active=mysql --spring.datasource.url="$DB_URL" \
        --app.personal-data.create-key-file=true "${USERS[@]}" > "$OUT/schema.log" 2>&1 \
      || { echo "could not make the bench database: see $OUT/schema.log"; exit 1; }
  fi
}
# The re-evaluation and HTTP parts measure the province: it is imported first if the bench database has none.
needs_registry() {
  needs_database
  [ "$(mysql -h127.0.0.1 -uroot -N -e "SELECT COUNT(*) FROM $DB.household")" != 0 ] || { forget import; import; }
}
# bench_main CLASS ARGS…: a main class of src/bench/java (the floors), compiled with the test sources by the bench profile.
bench_main() {
  local main=$1; shift
  mvn -B -q -ntp -Pbench test-compile exec:exec -Dbench.main="$main" -Dbench.args="$*"
}
seconds_since() { python3 -c "import sys, time; print(round(time.time() - float(sys.argv[1]), 2))" "$1"; }

# The service on the bench database, run from a scratch folder holding a copy of rules/ (the reload part edits it).
# The per-user limit on writes (20/s, against a runaway client) is lifted: the suite measures capacity with one user.
# It runs as a province deploys several instances: with app.cluster.enabled and the broker, so that rule sets and
# account changes are announced and accounts kept between requests (KnownAccounts).
start_service() {
  [ -n "$SERVICE_PID" ] && return
  needs_database; needs_rabbitmq
  WORK=$(mktemp -d)
  cp -r "$ROOT/rules" "$WORK/rules"
  (cd "$WORK" && exec java -Xmx1g -jar "$JAR" --server.port=$PORT --spring.profiles.active=mysql \
      --spring.datasource.url="$DB_URL" --app.rate-limit.writes-per-second=100000 --app.cluster.enabled=true \
      "${USERS[@]}") \
      > "$OUT/service.log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1 180); do grep -q "Started FupinApplication" "$OUT/service.log" && break; sleep 1; done
  grep -q "Started FupinApplication" "$OUT/service.log" || { echo "the service did not start: see $OUT/service.log"; exit 1; }
}
stop_service() {
  [ -n "$SERVICE_PID" ] || return 0
  kill "$SERVICE_PID" 2>/dev/null || true
  wait "$SERVICE_PID" 2>/dev/null || true
  SERVICE_PID=
  rm -rf "$WORK"
}
trap stop_service EXIT

engine() {
  echo "== engine: the floor gives the rules' answers"
  mvn -B -q -ntp test -Dtest=RulesAgreeWithPolicyTests -Dsurefire.failIfNoSpecifiedTests=false > "$OUT/engine-check.log" 2>&1 \
    || { echo "RulesAgreeWithPolicyTests failed: see $OUT/engine-check.log"; exit 1; }
  for threads in 1 2; do
    echo "== engine: JMH, $threads thread(s)"
    mvn -B -q -ntp -Pbench test-compile exec:exec -Dbench.args="EngineBenchmark $JMH_RUN -t $threads -bm thrpt -tu s \
      -prof gc -rf json -rff $OUT/engine-t$threads.json" > "$OUT/engine-t$threads.log" 2>&1 \
      || { echo "JMH failed: see $OUT/engine-t$threads.log"; exit 1; }
  done
}

import() {
  needs_mariadb; needs_jar; needs_province
  stop_service
  echo "== import: $HOUSEHOLDS households ($PEOPLE people) into $DB"
  mysql -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $DB"
  rm -f "$APP_PERSONAL_DATA_KEY_FILE"
  needs_database
  local start; start=$(date +%s.%N)
  java -Xmx512m -jar "$JAR" import "$PROVINCE" --spring.profiles.active=mysql --spring.datasource.url="$DB_URL" \
      "${USERS[@]}" > "$OUT/import.log" 2>&1 || { echo "import failed: see $OUT/import.log"; exit 1; }
  local took; took=$(seconds_since "$start")
  # The command's own account: "… in T s (start-up S s, import I s)".
  local own; own=$(grep -oE "import [0-9.]+ s\)" "$OUT/import.log" | grep -oE "[0-9.]+")
  bench_main cn.fupin.household.ImportFloor "$PROVINCE $DB_URL?rewriteBatchedStatements=true root" > "$OUT/import-floor.log" 2>&1 \
    || { echo "ImportFloor failed: see $OUT/import-floor.log"; exit 1; }
  local floor; floor=$(grep -oE "in [0-9.]+ s" "$OUT/import-floor.log" | grep -oE "[0-9.]+")
  record import "import of the province ($HOUSEHOLDS households, -Xmx512m), after start-up" "households/s" \
    "$(python3 -c "print(round($HOUSEHOLDS / $own))")" "$(python3 -c "print(round($HOUSEHOLDS / $floor))")" \
    "plain JDBC, the same rows (ImportFloor)" "≥ 5,000 households/s"
  record import "the same, end to end (JVM and Spring start-up included)" s "$took" "" "" ""
}

# reevaluate BODY: starts a run, waits for its end, prints its seconds from the run's own startedAt/finishedAt.
reevaluate() {
  local id state
  id=$(curl -sf -u policy:bench-policy -H 'Content-Type: application/json' -d "$1" "$URL/api/reevaluations" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["reevaluationId"])')
  while true; do
    state=$(curl -sf -u policy:bench-policy "$URL/api/reevaluations/$id")
    case "$(echo "$state" | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])')" in
      RUNNING|STARTING|PENDING) sleep 2;;
      COMPLETED) break;;
      *) echo "re-evaluation $id ended as: $state" >&2; exit 1;;
    esac
  done
  echo "$state" > "$OUT/reevaluation-$id.json"
  echo "$state" | python3 -c '
import datetime, json, sys
d = json.load(sys.stdin)
t = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
print(round((t(d["finishedAt"]) - t(d["startedAt"])).total_seconds(), 1))'
}

reevaluation() {
  needs_mariadb; needs_jar; needs_province; needs_registry; start_service
  echo "== re-evaluation of the province"
  local first nochange floor read_floor
  # Right after the import part, the first run records every measure as new; after that, runs change nothing.
  if [ "$(mysql -h127.0.0.1 -uroot -N -e "SELECT COUNT(*) FROM $DB.recommendation")" = 0 ]; then
    first=$(reevaluate '{"asOf": "2020-06-30"}')
    record reevaluation "first re-evaluation after the import (every measure recorded new)" s "$first" "" "" ""
  fi
  local before after waits dry
  before=$(db_megabytes)
  lock_waits_start
  nochange=$(reevaluate '{"asOf": "2020-06-30"}')
  waits=$(lock_waits_stop)
  after=$(db_megabytes)
  dry=$(reevaluate '{"asOf": "2020-06-30", "dryRun": true}')
  bench_main cn.fupin.reevaluation.ReevaluationFloor "$DB_URL?rewriteBatchedStatements=true root 2" \
    > "$OUT/reevaluation-floor.log" 2>&1 || { echo "ReevaluationFloor failed: see $OUT/reevaluation-floor.log"; exit 1; }
  floor=$(grep -oE "in [0-9.]+ s" "$OUT/reevaluation-floor.log" | grep -oE "[0-9.]+")
  bench_main cn.fupin.reevaluation.ReadFloor "$DB_URL?rewriteBatchedStatements=true root 2" \
    > "$OUT/read-floor.log" 2>&1 || { echo "ReadFloor failed: see $OUT/read-floor.log"; exit 1; }
  read_floor=$(grep -oE "in [0-9.]+ s" "$OUT/read-floor.log" | grep -oE "[0-9.]+")
  record reevaluation "re-evaluation with nothing to change ($HOUSEHOLDS households)" s "$nochange" "$read_floor" \
    "plain JDBC reading what a run reads, one small row per household (ReadFloor)" "≤ 1.5 × the floor and ≤ 30 s for 840,000 people"
  record reevaluation "the same run against the previous design's floor" s "$nochange" "$floor" \
    "plain JDBC, the reads and writes of the job before V24, no rules (ReevaluationFloor)" ""
  record reevaluation "database growth of the run with nothing to change" MB \
    "$(python3 -c "print(round($after - $before, 1))")" "" "" "≤ 30 MB"
  record reevaluation "lock waits seen during that run (sys.innodb_lock_waits, sampled twice a second)" samples \
    "$waits" "" "" ""
  record reevaluation "dry run of the province (nothing written but its diff)" s "$dry" "$read_floor" \
    "ReadFloor" "≤ 20 s"
}

# db_megabytes: the bench database's tables and indexes in MB, from information_schema after ANALYZE TABLE (InnoDB's
# statistics lag behind its writes otherwise). Each table's size goes to db-sizes.txt as well.
db_megabytes() {
  local tables
  tables=$(mysql -h127.0.0.1 -uroot -N -e "SELECT GROUP_CONCAT(table_name) FROM information_schema.tables
    WHERE table_schema = '$DB' AND table_type = 'BASE TABLE'")
  mysql -h127.0.0.1 -uroot -N "$DB" -e "ANALYZE TABLE ${tables//,/, }" > /dev/null
  mysql -h127.0.0.1 -uroot -N -e "SELECT table_name, ROUND((data_length + index_length) / 1048576, 1)
    FROM information_schema.tables WHERE table_schema = '$DB' ORDER BY 2 DESC" >> "$OUT/db-sizes.txt"
  echo "--" >> "$OUT/db-sizes.txt"
  mysql -h127.0.0.1 -uroot -N -e "SELECT ROUND(SUM(data_length + index_length) / 1048576, 1)
    FROM information_schema.tables WHERE table_schema = '$DB'"
}

# lock_waits_start / lock_waits_stop: samples sys.innodb_lock_waits twice a second in between; prints how many
# samples saw a transaction waiting for a lock.
lock_waits_start() {
  : > "$OUT/lock-waits.txt"
  ( while true; do
      mysql -h127.0.0.1 -uroot -N -e "SELECT COUNT(*) FROM sys.innodb_lock_waits" >> "$OUT/lock-waits.txt" 2>/dev/null
      sleep 0.5
    done ) &
  LOCK_SAMPLER=$!
}
lock_waits_stop() {
  kill "$LOCK_SAMPLER" 2>/dev/null || true
  wait "$LOCK_SAMPLER" 2>/dev/null || true
  echo "$(awk '$1 > 0' "$OUT/lock-waits.txt" | wc -l) of $(wc -l < "$OUT/lock-waits.txt")" | cut -d' ' -f1
}

# wrk_rate SCRIPT PATH [DELAY_MS]: requests/s, p50 and p99 (ms) of 30 s with 16 connections; non-2xx answers fail.
wrk_rate() {
  local out=$OUT/wrk-$(basename "$1" .lua)-${3:-max}.txt
  DELAY_MS=${3:-0} wrk -t2 -c16 -d30s --latency -s "$ROOT/src/bench/http/$1" "$URL$2" > "$out"
  if grep -qE "Non-2xx|Socket errors" "$out"; then echo "failed requests: see $out" >&2; exit 1; fi
  python3 - "$out" <<'EOF'
import re, sys
text = open(sys.argv[1]).read()
ms = lambda v, u: float(v) * {"us": 0.001, "ms": 1, "s": 1000}[u]
rate = re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)
p = {k: ms(v, u) for k, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)", text, re.M)}
print(rate, round(p["50"], 2), round(p["99"], 2))
EOF
}
# The pause of each of 16 connections for about half of MAX requests/s (less their own latency).
pace() { python3 -c "print(max(1, int(16 / (float('$1') / 2) * 1000) - 1))"; }

http() {
  needs_mariadb; needs_jar; needs_wrk; needs_province; needs_registry; start_service
  export AUTH="Basic $(printf caseworker:bench-caseworker | base64)" BENCH_DIR=$ROOT/src/bench/http
  echo "== http: warm-up, 2 minutes (the JIT keeps compiling for over a minute on 2 busy cores)"
  wrk -t2 -c16 -d90s -s "$ROOT/src/bench/http/preview.lua" "$URL/api/recommendations?asOf=2020-06-30" > /dev/null
  wrk -t2 -c16 -d30s -s "$ROOT/src/bench/http/trivial.lua" "$URL/api/me" > /dev/null
  wrk -t2 -c16 -d20s -s "$ROOT/src/bench/http/static.lua" "$URL/dashboard.css" > /dev/null
  local floor me preview half_f half_me half_p
  local line
  line=$(wrk_rate static.lua /dashboard.css); read -r -a floor <<< "$line"
  line=$(wrk_rate trivial.lua /api/me); read -r -a me <<< "$line"
  line=$(wrk_rate preview.lua "/api/recommendations?asOf=2020-06-30"); read -r -a preview <<< "$line"
  line=$(wrk_rate static.lua /dashboard.css "$(pace "${floor[0]}")"); read -r -a half_f <<< "$line"
  line=$(wrk_rate trivial.lua /api/me "$(pace "${me[0]}")"); read -r -a half_me <<< "$line"
  line=$(wrk_rate preview.lua "/api/recommendations?asOf=2020-06-30" "$(pace "${preview[0]}")"); read -r -a half_p <<< "$line"
  record http "previews flat out (16 connections)" "requests/s" "${preview[0]}" "${floor[0]}" \
    "GET /dashboard.css (static, no sign-in, no database) under the same load" "≥ 5,000/s on 2 cores, and ≥ ½ of the floor"
  record http "GET /api/me flat out (sign-in and account read, no work)" "requests/s" "${me[0]}" "${floor[0]}" \
    "GET /dashboard.css under the same load" ""
  record http "previews flat out: p50" ms "${preview[1]}" "${floor[1]}" "GET /dashboard.css p50" ""
  record http "previews flat out: p99" ms "${preview[2]}" "${floor[2]}" "GET /dashboard.css p99" ""
  record http "previews at half the maximum rate" "requests/s" "${half_p[0]}" "${half_f[0]}" "GET /dashboard.css at half its maximum" ""
  record http "previews at half rate: p50" ms "${half_p[1]}" "${half_f[1]}" "GET /dashboard.css at half its maximum, p50" ""
  record http "previews at half rate: p99" ms "${half_p[2]}" "${half_f[2]}" "GET /dashboard.css at half its maximum, p99" "≤ 10 ms"
  record http "GET /api/me at half its maximum: p99" ms "${half_me[2]}" "${half_f[2]}" "GET /dashboard.css at half its maximum, p99" ""

  echo "== http: recorded evaluations on MariaDB"
  mysql -h127.0.0.1 -uroot -N -e "SELECT household_id FROM $DB.household ORDER BY RAND() LIMIT 20000" > "$OUT/household-ids.txt"
  export HOUSEHOLD_IDS=$OUT/household-ids.txt
  wrk -t2 -c16 -d60s -s "$ROOT/src/bench/http/evaluate.lua" "$URL" > /dev/null
  local max half
  line=$(wrk_rate evaluate.lua ""); read -r -a max <<< "$line"
  line=$(wrk_rate evaluate.lua "" "$(pace "${max[0]}")"); read -r -a half <<< "$line"
  record http "recorded evaluations flat out (16 connections)" "requests/s" "${max[0]}" "${me[0]}" \
    "GET /api/me flat out" "≥ 1,000/s on MariaDB"
  record http "recorded evaluations at half that rate" "requests/s" "${half[0]}" "" "" ""
  record http "recorded evaluations at half rate: p99" ms "${half[2]}" "${half_me[2]}" "GET /api/me at half its maximum, p99" "≤ 50 ms"
}

reload() {
  needs_mariadb; needs_jar; start_service
  echo "== reload: a DRL file edited, then POST /api/rulesets/reload, warm"
  local times=()
  for i in $(seq 1 8); do
    printf '\n// bench edit %s\n' "$i" >> "$WORK/rules/water.drl"
    curl -sf -o /dev/null -u policy:bench-policy -X POST "$URL/api/rulesets/reload" || { echo "reload $i refused" >&2; exit 1; }
  done
  # The service's own account of each activation ("… activated by policy in N ms"); the last five are warm.
  mapfile -t times < <(grep -oE "activated by policy in [0-9]+ ms" "$OUT/service.log" | grep -oE "[0-9]+" | tail -5)
  local median; median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
  bench_main cn.fupin.policy.ReloadFloor "$WORK/rules" > "$OUT/reload-floor.log" 2>&1 \
    || { echo "ReloadFloor failed: see $OUT/reload-floor.log"; exit 1; }
  local floor; floor=$(grep -oE "median [0-9]+ ms" "$OUT/reload-floor.log" | grep -oE "[0-9]+")
  record reload "validate and activate the rule set after a DRL edit, warm (median of 5)" ms "$median" "$floor" \
    "Drools' compile of the same files alone (ReloadFloor)" "< 1 s"
}

# A part measured again replaces its earlier figures; the others stay.
forget() {
  [ -f "$FIGURES" ] || return 0
  python3 - "$FIGURES" "$1" <<'EOF'
import json, sys
path, part = sys.argv[1:3]
keep = [line for line in open(path) if line.strip() and json.loads(line)["part"] != part]
open(path, "w").writelines(keep)
EOF
}

for part in "${PARTS[@]}"; do
  forget "$part"
  "$part"
done
stop_service
python3 src/bench/results.py "$OUT"
cat "$OUT/results.md"
