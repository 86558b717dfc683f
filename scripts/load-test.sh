#!/usr/bin/env bash
# Load test (issue 7): N concurrent searchers for S seconds against a server that is importing Reuters meanwhile.
# Starts its own server (with its own local Elasticsearch, data under target/load-data), runs
# org.clipfile.bench.LoadDriver (server/src/bench, compiled with -Pbenchmark), writes target/load/report.md and stops
# what it started. Exit 1 when a search failed or an article was lost.
# Usage: scripts/load-test.sh [searchers=50] [seconds=300] [include=reut2-00*.sgm]
set -euo pipefail
cd "$(dirname "$0")/.."
searchers="${1:-50}"
seconds="${2:-300}"
include="${3:-reut2-00*.sgm}"
corpus="$(realpath ../shared/corpora/news/reuters21578 2>/dev/null || true)"
if [ -z "$corpus" ] || [ ! -f "$corpus/reut2-000.sgm" ]; then
  echo "The load test imports ../shared/corpora/news/reuters21578/, which is absent here." >&2
  exit 2
fi
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
mvn -q -B -Pbenchmark package -DskipTests dependency:build-classpath -Dmdep.outputFile="$PWD/target/bench-classpath.txt" \
  -Dmdep.includeScope=test
password="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
rm -rf target/load-data
port=18080
java -Xmx1g -jar target/clipfile.jar --server.port=$port --clipfile.local-node.data-dir=target/load-data \
  --clipfile.local-node.http-port=0 --clipfile.samples.enabled=false \
  --clipfile.imports.allowed-roots="$corpus" --clipfile.security.bootstrap-admin-password="$password" \
  > target/load-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  status="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/session" || true)"
  if [ "$status" = 401 ] || [ "$status" = 200 ]; then break; fi
  sleep 0.5
done
sleep 20   # the administrator account and the indices are prepared in the background once the port opens
java -cp "target/bench-classes:target/classes:$(cat target/bench-classpath.txt)" org.clipfile.bench.LoadDriver \
  "http://127.0.0.1:$port" "$corpus" "$include" "$searchers" "$seconds" target/load/report.md "$password"
