#!/usr/bin/env bash
# The benchmark suite, one command: every figure beside the floor it is measured against in the same run, and the
# ratio, in target/bench/results.md and target/bench/results.json (ratios, because absolute times on a shared
# machine drift).
#   src/bench/run.sh            # everything this suite measures so far
#   src/bench/run.sh engine     # one part
# Parts so far:
#   engine  JMH: households/s through the preview path (one household per session) and the bulk path (sessions of
#           200), 1 and 2 threads, against the same 24 measures in plain Java (ReferencePolicy, test sources; the
#           suite's RulesAgreeWithPolicyTests checks that both answer the same on 12,000 households, run first here).
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=target/bench
mkdir -p "$OUT"
PARTS=${*:-engine}
JMH_RUN=${JMH_RUN:-"-f 1 -wi 3 -w 2s -i 5 -r 2s"}

engine() {
  echo "== engine: the floor gives the rules' answers"
  mvn -q test -Dtest=RulesAgreeWithPolicyTests -Dsurefire.failIfNoSpecifiedTests=false > "$OUT/engine-check.log" 2>&1 \
    || { echo "RulesAgreeWithPolicyTests failed: see $OUT/engine-check.log"; exit 1; }
  for threads in 1 2; do
    echo "== engine: JMH, $threads thread(s)"
    mvn -q -Pbench test-compile exec:exec -Dbench.args="EngineBenchmark $JMH_RUN -t $threads -bm thrpt -tu s \
      -rf json -rff $OUT/engine-t$threads.json" > "$OUT/engine-t$threads.log" 2>&1 \
      || { echo "JMH failed: see $OUT/engine-t$threads.log"; exit 1; }
  done
}

for part in $PARTS; do
  "$part"
done
python3 src/bench/results.py "$OUT"
cat "$OUT/results.md"
