#!/usr/bin/env bash
# The quality checks measured on a generated province with planted errors (src/docs/quality.md).
#   src/bench/quality.sh                                  # 840,000 people, 100 errors of each kind: about 20 minutes
#   src/bench/quality.sh --people 60000 --plant-errors 20
# 1. Generates the province with `generate --plant-errors K` (the errors are listed in province.ndjson.planted.tsv)
#    and imports it into the scratch database fupin_quality on MariaDB (dropped and made again).
# 2. Starts the service on it (port 18096) and runs, on 2020-06-30 (the generator's date): a first re-evaluation,
#    a second one (nothing to change: the figure to beat), then a quality-only run.
# 3. Compares the quality-only run's findings (the report's CSV) with the planted list: every planted error must be
#    found, and nothing else. Writes target/quality/results.md: the counts per code and the three runs' times.
# Needs a JDK 17, Maven (to build the jar if target/ has none), python3, curl and MariaDB or MySQL (started here if
# it is not running on 127.0.0.1:3306, as root with an empty password).
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/../.."
ROOT=$PWD
OUT=$ROOT/target/quality
mkdir -p "$OUT"
PEOPLE=840000
ERRORS=100
while [ $# -gt 0 ]; do
  case "$1" in
    --people) PEOPLE=$2; shift 2;;
    --plant-errors) ERRORS=$2; shift 2;;
    *) echo "unknown argument: $1" >&2; exit 2;;
  esac
done
DB=fupin_quality
PORT=18096
URL=http://127.0.0.1:$PORT
export APP_PERSONAL_DATA_KEY_FILE=$OUT/personal-data.keys
export APP_AUDIT_KEY_FILE=$OUT/audit.key APP_AUDIT_CREATE_KEY_FILE=true   # the audit chain's own key
USERS=(--app.security.users.caseworker.password='{noop}quality-caseworker' --app.security.users.caseworker.roles=CASEWORKER
       --app.security.users.policy.password='{noop}quality-policy' --app.security.users.policy.roles=POLICY,CASEWORKER
       --app.security.users.admin.password='{noop}quality-admin' --app.security.users.admin.roles=ADMIN,POLICY,CASEWORKER)
SERVICE_PID=
trap '[ -z "$SERVICE_PID" ] || kill "$SERVICE_PID" 2>/dev/null || true' EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }

. src/bench/services.sh
needs_mariadb
JAR=$ROOT/target/fupin-matcher-0.1.0-SNAPSHOT.jar
if [ ! -s "$JAR" ]; then
  echo "== building the service"
  mvn -B -q -ntp -DskipTests package > "$OUT/build.log" 2>&1 || fail "build: see $OUT/build.log"
fi
# A copy: a build during the run does not replace the jar under the running service.
cp "$JAR" "$OUT/service.jar"
JAR=$OUT/service.jar

PROVINCE=$OUT/province.ndjson
echo "== generating $PEOPLE people with $ERRORS errors of each kind"
java -jar "$JAR" generate --people "$PEOPLE" --seed 7 --plant-errors "$ERRORS" --out "$PROVINCE" 2>&1 | tee "$OUT/generate.log"
echo "== importing into $DB"
mysql -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4"
rm -f "$APP_PERSONAL_DATA_KEY_FILE"
java -Xmx512m -jar "$JAR" import "$PROVINCE" --spring.profiles.active=mysql --spring.datasource.url="jdbc:mysql://127.0.0.1:3306/$DB" \
    --app.personal-data.create-key-file=true "${USERS[@]}" > "$OUT/import.log" 2>&1 || fail "import: see $OUT/import.log"
tail -1 "$OUT/import.log"

java -Xmx1g -jar "$JAR" --server.port=$PORT --spring.profiles.active=mysql --spring.datasource.url="jdbc:mysql://127.0.0.1:3306/$DB" \
    --app.rules-dir="$ROOT/rules" "${USERS[@]}" > "$OUT/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 180); do grep -q "Started FupinApplication" "$OUT/service.log" && break; sleep 1; done
grep -q "Started FupinApplication" "$OUT/service.log" || fail "the service did not start: see $OUT/service.log"

# run BODY: starts a run, waits for it to complete, prints its id and its seconds (from its own start and end).
run() {
  local id state
  id=$(curl -sf -u policy:quality-policy -H 'Content-Type: application/json' -d "$1" "$URL/api/reevaluations" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["reevaluationId"])')
  while true; do
    state=$(curl -sf -u policy:quality-policy "$URL/api/reevaluations/$id")
    case "$(echo "$state" | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])')" in
      RUNNING) sleep 2;;
      COMPLETED) break;;
      *) fail "run $id ended as: $state";;
    esac
  done
  echo "$state" | python3 -c '
import datetime, json, sys
d = json.load(sys.stdin)
t = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
print(d["reevaluationId"], round((t(d["finishedAt"]) - t(d["startedAt"])).total_seconds(), 1))'
}
echo "== first re-evaluation (every measure recorded new)"
read -r _ FIRST < <(run '{"asOf": "2020-06-30"}'); echo "   $FIRST s"
echo "== re-evaluation with nothing to change"
read -r _ AGAIN < <(run '{"asOf": "2020-06-30"}'); echo "   $AGAIN s"
echo "== quality-only run"
read -r QUALITY_RUN QUALITY < <(run '{"asOf": "2020-06-30", "qualityOnly": true}'); echo "   $QUALITY s"

curl -sf -u caseworker:quality-caseworker -H 'Accept: text/csv' "$URL/api/reports/quality/findings" > "$OUT/findings.csv"
curl -sf -u caseworker:quality-caseworker "$URL/api/reports/quality" > "$OUT/report.json"
python3 - "$OUT" "$PROVINCE.planted.tsv" "$PEOPLE" "$ERRORS" "$FIRST" "$AGAIN" "$QUALITY" "$QUALITY_RUN" <<'EOF'
import csv, json, sys
out, manifest, people, errors, first, again, quality, run = sys.argv[1:9]
planted = set()
with open(manifest, encoding="utf-8") as f:
    for row in csv.DictReader(f, delimiter="\t"):
        planted.add((row["code"], row["householdId"], row["memberId"]))
found = set()
with open(out + "/findings.csv", encoding="utf-8-sig") as f:
    for row in csv.DictReader(f):
        found.add((row["code"], row["householdId"], row["memberId"]))
report = json.load(open(out + "/report.json", encoding="utf-8"))
missed, unexpected = planted - found, found - planted
lines = [f"# Quality checks on a generated province with planted errors", "",
         f"`src/bench/quality.sh --people {people} --plant-errors {errors}` (run {run}, checked on 2020-06-30)", "",
         "| code | severity | planted | found | missed | found on clean records |", "|---|---|---|---|---|---|"]
for c in report["byCode"]:
    code = c["code"]
    p = sum(1 for x in planted if x[0] == code)
    lines.append(f"| {code} | {c['severity']} | {p} | {c['findings']} | {sum(1 for x in missed if x[0] == code)} "
                 f"| {sum(1 for x in unexpected if x[0] == code)} |")
lines += ["", f"Planted findings {len(planted)}, found {len(found)}, missed {len(missed)}, found on clean records "
          f"{len(unexpected)}.", "",
          "| run on the full registry | seconds |", "|---|---|",
          f"| first re-evaluation (every measure recorded new) | {first} |",
          f"| re-evaluation with nothing to change | {again} |",
          f"| quality-only run | {quality} |"]
open(out + "/results.md", "w", encoding="utf-8").write("\n".join(lines) + "\n")
print("\n".join(lines))
for x in sorted(missed)[:20]:
    print("MISSED", *x)
for x in sorted(unexpected)[:20]:
    print("UNEXPECTED", *x)
sys.exit(0 if not missed and not unexpected and float(quality) <= float(again) else 1)
EOF
