#!/usr/bin/env bash
# Starts a re-evaluation on a running service and follows it to the end, printing its progress every
# 10 s and the elapsed time, then the final state.
#   src/bench/reevaluation/run.sh '{"asOf": "2020-06-30"}'
#   URL=http://localhost:18080 AUTH=policy:secret src/bench/reevaluation/run.sh '{"dryRun": true, …}'
set -euo pipefail
URL=${URL:-http://localhost:8080}
AUTH=${AUTH:-policy:policy-demo}
BODY=${1:-'{}'}
ID=$(curl -sf -u "$AUTH" -H 'Content-Type: application/json' -d "$BODY" "$URL/api/reevaluations" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["reevaluationId"])')
echo "re-evaluation $ID"
START=$(date +%s.%N)
while true; do
  P=$(curl -sf -u "$AUTH" "$URL/api/reevaluations/$ID")
  STATE=$(echo "$P" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["state"], d["processed"], "of", d["total"], "changed", d["changedHouseholds"], "rate", d.get("rate"), "finish", d.get("estimatedFinish"))')
  [ $((SECONDS % 10)) -eq 0 ] && echo "$(date +%T) $STATE"
  case "$STATE" in RUNNING*) sleep 1;; *) break;; esac
done
echo "$(date +%T) $STATE"
echo "elapsed $(python3 -c "print(round($(date +%s.%N) - $START, 1))") s"
echo "$P"
