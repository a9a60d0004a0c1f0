#!/usr/bin/env bash
# The import's heap under hostile files (issue 18, item 5): starts the jar with -Xmx512m on an in-memory H2,
# posts a 10 MB file of bad lines, a single line of 600 MB, and 1,000,000 blank lines followed by that line;
# prints for each the curl status, the answer's counts, the highest heap the GC log shows during the import
# (before and after a collection), the heap after it (jcmd GC.heap_info, then again after GC.run); then
# whether the service still answers and whether it ran out of memory.
#   src/bench/import-bounds.sh [JAR]        # default target/fupin-matcher-0.1.0-SNAPSHOT.jar; needs curl, jq, jcmd
# Not part of the test suite: it writes 1.2 GB to a scratch folder (deleted at the end) and takes a minute.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=$(realpath "${1:-target/fupin-matcher-0.1.0-SNAPSHOT.jar}")
port=18081
dir=$(mktemp -d /tmp/import-bounds.XXXXXX)
cp -r rules "$dir/"
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$dir"; }
trap cleanup EXIT

# Households that parse but fail validation (no status, members with no fields): many errors a line.
python3 - "$dir/bad-10mb.ndjson" <<'EOF'
import sys
with open(sys.argv[1], 'w') as f:
    size = i = 0
    while size < 10 * 1024 * 1024:
        line = '{"householdId":"520102-bad%07d","regionCode":"520102","members":[{}]}\n' % i
        f.write(line); size += len(line); i += 1
EOF
{ printf '{"householdId":"520102-big","regionCode":"520102","note":"'; head -c 600000000 /dev/zero | tr '\0' x; printf '"}\n'; } \
  > "$dir/big-600mb.ndjson"
# One line past app.import.max-lines (1,000,000 blank ones, then the big line): answered with the rest unread.
{ head -c 1000000 /dev/zero | tr '\0' '\n'; cat "$dir/big-600mb.ndjson"; } > "$dir/past-max-lines.ndjson"

(cd "$dir" && exec java -Xmx512m -Xlog:gc:file=gc.log -jar "$jar" --server.port=$port \
  --spring.datasource.url='jdbc:h2:mem:x;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE' \
  > service.log 2>&1) &
pid=$!
for _ in $(seq 1 120); do curl -sf "http://localhost:$port/actuator/health" >/dev/null && break; sleep 1; done

heap_used() { jcmd "$pid" GC.heap_info | grep -oE 'used [0-9]+K' | head -1; }
heap_live() { jcmd "$pid" GC.run >/dev/null; heap_used; }
echo "after start-up: heap $(heap_live)"
for file in bad-10mb big-600mb past-max-lines; do
  mark=$(wc -l < "$dir/gc.log")
  start=$(date +%s%N)
  set +e
  code=$(curl -s -o "$dir/answer.json" -w '%{http_code}' -u caseworker:caseworker-demo \
    -H 'Content-Type: application/x-ndjson' --data-binary @"$dir/$file.ndjson" \
    "http://localhost:$port/api/households/import")
  rc=$?
  set -e
  took=$(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
  counts=$(jq -c '{lines, stored, rejected, listed: (.rejectedLines | length), rejectedNotListed, truncated,
    first: .rejectedLines[0].errors[0].message}' "$dir/answer.json" 2>/dev/null || head -c 300 "$dir/answer.json")
  peaks=$(tail -n +"$((mark + 1))" "$dir/gc.log" | { grep -oE '[0-9]+M->[0-9]+M' || true; } |
    awk -F'M->|M' '{ n++; if ($1 > b) b = $1; if ($2 > a) a = $2 }
      END { if (n) printf "highest heap before GC %d MB, after GC %d MB (%d collections)", b, a, n; else printf "no collection" }')
  echo "$file: curl exit $rc, HTTP $code in $took s: $counts"
  echo "  during: $peaks; after: heap $(heap_used), after a GC $(heap_live)"
done
echo "still up: $(curl -s "http://localhost:$port/actuator/health")"
echo "OutOfMemoryError in the service's log: $(grep -c OutOfMemoryError "$dir/service.log" || true)"
