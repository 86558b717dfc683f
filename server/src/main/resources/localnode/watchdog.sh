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
# Whether a process exists, asked of the kernel with kill -0 (any Unix, not only Linux). When the server runs as
# root and this script as Elasticsearch's account, the signal is refused ("not permitted"), yet the process exists.
alive() {
  kill -0 "$1" 2>/dev/null && return 0
  case "$(LC_ALL=C kill -0 "$1" 2>&1)" in
    *ermitted*) return 0 ;;
  esac
  return 1
}
while alive "$owner" && kill -0 "$es" 2>/dev/null; do
  sleep 1
done
if kill -0 "$es" 2>/dev/null; then
  stop
fi
wait "$es"
