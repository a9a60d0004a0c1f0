# The upgrade scripts' service and run, sourced by upgrade.sh and upgrade-snapshots.sh. They set WORK and
# REPO, and USERS (an array of --app.security.users… arguments, empty where the environment configures them).

serve() { # jar rules-dir: starts the service on port 18080, logging to WORK/service-<old|new>.log, and waits for it
  java -Xmx1g -jar "$1" --spring.profiles.active=mysql --server.port=18080 --app.rules-dir="$2" \
    --app.rate-limit.writes-per-second=100000 "${USERS[@]}" \
    > "$WORK/service-$(basename "$(dirname "$2")").log" 2>&1 < /dev/null &
  PID=$!
  until curl -sf localhost:18080/actuator/health > /dev/null; do kill -0 $PID || exit 1; sleep 2; done
}

reevaluate() { # a real run of the province as of 2020-06-30, followed to its end: its state and elapsed time
  URL=http://localhost:18080 AUTH=policy:bench-policy-1 "$REPO/src/bench/reevaluation/run.sh" '{"asOf": "2020-06-30"}' \
    | grep -E "^elapsed|^[0-9:]+ (COMPLETED|FAILED|STOPPED)" | tail -2
}
