#!/usr/bin/env bash
# Upgrading a province recorded before V24 (snapshots and answers written once). Registers the generated province
# with the version just before it (09c723e), re-evaluates it there, then starts this version (Flyway applies V24
# at start: its time is in the log), replays a sample of the evaluations recorded before the upgrade (each must
# answer identical: true), re-evaluates twice with this version (the first writes every snapshot and answer once,
# the second changes nothing) and prints the database's size after each step. Needs MariaDB on 127.0.0.1 (root,
# empty password); uses the database fupin_bench (dropped first) and the folder WORK (default /tmp/upgrade-v24).
#   src/bench/upgrade-snapshots.sh [people] [sample]
# OLD_COMMIT names another version to upgrade from (V26 and V27, repeats and decisions kept: OLD_COMMIT=ea552ae).
set -euo pipefail
OLD_COMMIT=${OLD_COMMIT:-09c723e}
PEOPLE=${1:-840000}
SAMPLE=${2:-2000}
REPO=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${WORK:-/tmp/upgrade-v24}
mkdir -p "$WORK" && cd "$WORK"
if [ -z "${KEEP_BUILDS:-}" ]; then   # KEEP_BUILDS=1: reuse the two builds of an earlier run
  rm -rf old new
  git clone -q "$REPO" old && (cd old && git checkout -q "$OLD_COMMIT" && mvn -q -ntp -DskipTests package)
  git clone -q "$REPO" new && (cd new && mvn -q -ntp -DskipTests package)
fi
OLD=$(ls "$WORK"/old/target/fupin-matcher-*.jar); NEW=$(ls "$WORK"/new/target/fupin-matcher-*.jar)
export DB_URL='jdbc:mysql://127.0.0.1:3306/fupin_bench'
USERS=(--app.security.users.caseworker.password='{noop}bench-cw-1' --app.security.users.caseworker.roles=CASEWORKER
       --app.security.users.policy.password='{noop}bench-policy-1' --app.security.users.policy.roles=POLICY,CASEWORKER
       --app.security.users.admin.password='{noop}bench-admin-1' --app.security.users.admin.roles=ADMIN,POLICY,CASEWORKER)
export APP_PERSONAL_DATA_KEY_FILE="$WORK/personal-data.keys" APP_PERSONAL_DATA_CREATE_KEY_FILE=true
export APP_AUDIT_KEY_FILE="$WORK/audit.key" APP_AUDIT_CREATE_KEY_FILE=true
rm -f "$APP_PERSONAL_DATA_KEY_FILE" "$APP_AUDIT_KEY_FILE"
mysql -uroot -e "DROP DATABASE IF EXISTS fupin_bench; CREATE DATABASE fupin_bench"
[ -s province.ndjson ] || java -jar "$OLD" generate --people "$PEOPLE" --seed 7 --out province.ndjson
java -Xmx512m -jar "$OLD" import province.ndjson --spring.profiles.active=mysql "${USERS[@]}" 2>&1 \
  | grep -E "households stored"

size() {
  local tables
  tables=$(mysql -uroot -N -e "SELECT GROUP_CONCAT(table_name) FROM information_schema.tables
    WHERE table_schema = 'fupin_bench' AND table_type = 'BASE TABLE'")
  mysql -uroot -N fupin_bench -e "ANALYZE TABLE ${tables//,/, }" > /dev/null
  mysql -uroot -N -e "SELECT CONCAT('database: ', ROUND(SUM(data_length + index_length) / 1048576), ' MB; evaluation: ',
      ROUND(SUM(CASE WHEN table_name = 'evaluation' THEN data_length + index_length END) / 1048576), ' MB')
    FROM information_schema.tables WHERE table_schema = 'fupin_bench'"
}
. "$REPO/src/bench/upgrade-common.sh"   # serve, reevaluate

serve "$OLD" "$WORK/old/rules"; echo "== re-evaluation with the version before"; reevaluate; kill $PID; wait $PID || true
size
mysql -uroot -N fupin_bench -e "SELECT evaluation_id FROM evaluation ORDER BY RAND() LIMIT $SAMPLE" > sample.txt

echo "== this version: its migrations at start"
serve "$NEW" "$WORK/new/rules"
grep -E "Migrating schema|Successfully applied" "$WORK/service-new.log" | sed -E 's/^.*(Migrating|Successfully)/\1/'
size
echo "== replaying $(wc -l < sample.txt) evaluations recorded before the upgrade"
not=0
while read -r id; do
  curl -sf -u caseworker:bench-cw-1 "localhost:18080/api/evaluations/$id/replay" \
    | python3 -c 'import json,sys; sys.exit(0 if json.load(sys.stdin)["identical"] else 1)' || not=$((not + 1))
done < sample.txt
echo "not identical: $not"
echo "== re-evaluation with this version (writes each snapshot and answer once)"; reevaluate; size
echo "== again, nothing to change"; reevaluate; size
kill $PID; wait $PID || true
