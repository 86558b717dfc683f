#!/bin/sh
# Runs Elasticsearch as a child and stops it when the Clipfile server that started it is gone,
# even when that server was killed without a chance to clean up (SIGKILL, OOM killer).
# Usage: watchdog.sh <pid of the owning server> <elasticsearch command...>
owner="$1"
shift
"$@" &
es=$!
stop() {
  kill -TERM "$es" 2>/dev/null
  wait "$es"
  exit 0
}
trap stop TERM INT HUP
# kill -0 asks the kernel whether a process exists: portable to any Unix, not only Linux.
while kill -0 "$owner" 2>/dev/null && kill -0 "$es" 2>/dev/null; do
  sleep 1
done
if kill -0 "$es" 2>/dev/null; then
  stop
fi
wait "$es"
