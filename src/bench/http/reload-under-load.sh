#!/usr/bin/env bash
# A reload in the middle of a steady preview load: no request may fail or be lost.
#   src/bench/http/reload-under-load.sh        (from the repository root; needs wrk)
# Starts the service on the embedded default with a copy of rules/, sends previews paced to about
# 200/s for 30 s, changes a standard and reloads after 10 s, then reloads a few more times (standards
# only, and a DRL edit) to time them.
set -euo pipefail
cd "$(dirname "$0")/../../.."
PORT=${PORT:-18093}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
ls target/fupin-matcher-*.jar >/dev/null 2>&1 || mvn -B -q -ntp -DskipTests package
WORK=$(mktemp -d)
cp -r rules "$WORK/rules"
LOG=target/bench-reload.log
(cd "$WORK" && exec java -jar "$OLDPWD"/target/fupin-matcher-*.jar --server.port=$PORT) > $LOG 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do grep -q "Started FupinApplication" $LOG && break; sleep 1; done
export AUTH="Basic $(printf caseworker:caseworker-demo | base64)" BENCH_DIR=src/bench/http
URL="http://127.0.0.1:$PORT/api/recommendations?asOf=2020-06-30"
reload() { curl -s -o /dev/null -w "%{http_code} %{time_total}s" -u policy:policy-demo -X POST http://127.0.0.1:$PORT/api/rulesets/reload; }
wrk -t1 -c8 -d20s -s src/bench/http/preview.lua "$URL" >/dev/null      # warm-up
ORIGINAL=$(cat "$WORK/rules/standards.yaml")
echo "== previews paced to about 200/s for 30 s (8 connections, 40 ms apart), reload after 10 s"
DELAY_MS=40 wrk -t1 -c8 -d30s --latency -s src/bench/http/preview.lua "$URL" > target/bench-reload-wrk.txt &
WRK=$!
sleep 10
printf '%s\n' "$ORIGINAL" | sed 's/    - { since: 2020-01-01, value: 4500, reference: "《省2020年脱贫攻坚十大专项行动方案》兜底保障专项行动：省级农村低保标准" }/&\n    - { since: 2031-01-01, value: 9999, reference: "测试用值" }/' > "$WORK/rules/standards.yaml"
echo "reload during the load: $(reload)"
wait $WRK
cat target/bench-reload-wrk.txt | grep -E "requests in|Requests/sec|Non-2xx|Socket errors|50%|99%" || true
grep -q "Non-2xx" target/bench-reload-wrk.txt && echo "SOME REQUESTS FAILED" || echo "no failed request"
echo "== reload times (warm)"
for i in 1 2 3 4 5 6; do
  if [ $((i % 2)) -eq 1 ]; then printf '%s\n' "$ORIGINAL" > "$WORK/rules/standards.yaml"; else
    printf '%s\n' "$ORIGINAL" | sed 's/    - { since: 2020-01-01, value: 4500, reference: "《省2020年脱贫攻坚十大专项行动方案》兜底保障专项行动：省级农村低保标准" }/&\n    - { since: 2031-01-01, value: 9999, reference: "测试用值" }/' > "$WORK/rules/standards.yaml"; fi
  echo "standards only: $(reload)"
done
for i in 1 2 3 4; do printf '\n// edit %s\n' "$i" >> "$WORK/rules/water.drl"; echo "a DRL file edited: $(reload)"; done
grep -oE "activated by [a-z]+ in [0-9]+ ms" $LOG | tail -10 | tr '\n' ';'; echo
