#!/usr/bin/env bash
# Recorded evaluations per second against MySQL/MariaDB, and latency at about half that rate.
#   src/bench/http/evaluations.sh [HOUSEHOLDS]      (from the repository root; needs wrk and python3)
# It builds the jar if needed, starts the service with the mysql profile on a scratch database
# (fupin_bench, dropped first), registers the households, warms up, then measures with wrk.
set -euo pipefail
cd "$(dirname "$0")/../../.."
HOUSEHOLDS=${1:-2000}
PORT=${PORT:-18090}
DB=${BENCH_DB:-fupin_bench}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
ls target/fupin-matcher-*.jar >/dev/null 2>&1 || mvn -B -q -ntp -DskipTests package
mysql -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4"
LOG=target/bench-evaluations.log
java -jar target/fupin-matcher-*.jar --server.port=$PORT --spring.profiles.active=mysql \
  --spring.datasource.url="jdbc:mysql://127.0.0.1:3306/$DB" \
  --app.security.users.caseworker.password='{noop}bench-1' --app.security.users.caseworker.roles=CASEWORKER --app.security.users.policy.password='{noop}bench-2' --app.security.users.policy.roles=POLICY,CASEWORKER \
  --app.security.users.admin.password='{noop}bench-3' --app.security.users.admin.roles=ADMIN,POLICY,CASEWORKER > $LOG 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do grep -q "Started FupinApplication" $LOG && break; sleep 1; done
grep -o "Started FupinApplication in [0-9.]* seconds" $LOG
python3 src/bench/http/register.py $PORT "$HOUSEHOLDS" caseworker bench-1
export AUTH="Basic $(printf caseworker:bench-1 | base64)" HOUSEHOLDS
URL=http://127.0.0.1:$PORT
wrk -t2 -c16 -d90s -s src/bench/http/evaluate.lua $URL >/dev/null            # warm-up: the JIT needs a minute or more
echo "== flat out, 16 connections"
MAX=$(wrk -t2 -c16 -d30s --latency -s src/bench/http/evaluate.lua $URL | tee /dev/stderr | awk '/Requests\/sec/ {print $2}')
# Pace 16 connections to about half the maximum rate: each waits 16/(MAX/2) s minus its own latency.
DELAY_MS=$(python3 -c "print(max(0, int(16 / (float('$MAX') / 2) * 1000) - 2))")
echo "== paced to about half ($DELAY_MS ms between requests per connection)"
DELAY_MS=$DELAY_MS wrk -t2 -c16 -d30s --latency -s src/bench/http/evaluate.lua $URL
