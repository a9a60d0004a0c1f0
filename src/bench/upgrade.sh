#!/usr/bin/env bash
# Upgrading a province registered before ID numbers were protected. Registers the generated province with the
# version just before (6848998), re-evaluates it once there (plain snapshots), then lets this version's
# migrations V10-V14 encrypt and mask it (`audit verify` runs them and checks the new audit trail), checks that
# no full number is left, and re-evaluates once more with this version. Needs MariaDB on 127.0.0.1 (root,
# empty password); uses the database fupin_bench (dropped first) and the folder WORK (default /tmp/upgrade).
#   src/bench/upgrade.sh [people]
set -euo pipefail
PEOPLE=${1:-840000}
REPO=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${WORK:-/tmp/upgrade}
mkdir -p "$WORK" && cd "$WORK"
rm -rf old new
git clone -q "$REPO" old && (cd old && git checkout -q 6848998 && mvn -q -DskipTests package)
git clone -q "$REPO" new && (cd new && mvn -q -DskipTests package)
OLD=$(ls "$WORK"/old/target/fupin-matcher-*.jar); NEW=$(ls "$WORK"/new/target/fupin-matcher-*.jar)
export DB_URL='jdbc:mysql://127.0.0.1:3306/fupin_bench'
export APP_SECURITY_USERS_CASEWORKER_PASSWORD='{noop}bench-cw-1' APP_SECURITY_USERS_POLICY_PASSWORD='{noop}bench-policy-1'
export APP_SECURITY_USERS_ADMIN_PASSWORD='{noop}bench-admin-1'
USERS=()
export APP_PERSONAL_DATA_KEY_FILE="$WORK/personal-data.keys"
export APP_AUDIT_KEY_FILE="$WORK/audit.key" APP_AUDIT_CREATE_KEY_FILE=true   # the audit chain's own key
rm -f "$APP_PERSONAL_DATA_KEY_FILE"
mysql -uroot -e "DROP DATABASE IF EXISTS fupin_bench; CREATE DATABASE fupin_bench"
java -jar "$OLD" generate --people "$PEOPLE" --seed 7 --out province.ndjson
java -Xmx512m -jar "$OLD" import province.ndjson --spring.profiles.active=mysql 2>&1 | tail -1

. "$REPO/src/bench/upgrade-common.sh"   # serve, reevaluate
serve "$OLD" "$WORK/old/rules"; echo "== re-evaluation with the version before"; reevaluate; kill $PID; wait $PID || true

echo "== the upgrade: migrations V10-V14"
START=$(date +%s)
java -Xmx1g -jar "$NEW" audit verify --spring.profiles.active=mysql --app.personal-data.create-key-file=true \
  > migrate.log 2>&1
grep -E "Migrating schema|Successfully applied|audit trail" migrate.log | sed -E 's/^.*(Migrating|Successfully|audit)/\1/'
echo "upgrade took $(( $(date +%s) - START )) s"
mysql -uroot fupin_bench -e "
  SELECT COUNT(*) AS members_under_a_key FROM household_member WHERE id_number_cipher LIKE 'k%:%';
  SELECT COUNT(*) AS snapshots_with_a_full_number FROM evaluation WHERE input REGEXP '\"idNumber\":\"[0-9]{17}';"

serve "$NEW" "$WORK/new/rules"; echo "== re-evaluation with this version"; reevaluate
curl -s -u admin:bench-admin-1 localhost:18080/api/audit/verify; echo
kill $PID; wait $PID || true
