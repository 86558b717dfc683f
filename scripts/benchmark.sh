#!/usr/bin/env bash
# The benchmark harness (issue 8): Clipfile against raw Elasticsearch, ingest and search, at growing archive sizes.
# Builds the server jar and the harness (Maven profile -Pbenchmark, sources in server/src/bench/java), starts a fresh
# local Elasticsearch from target/elasticsearch (as nobody when root) and the server jar, runs every stage, stops
# both, and writes target/benchmark/results.json, report.md and benchmark.svg.
#   scripts/benchmark.sh --quick          # 1k imported articles, search at 1k and 10k: 10-15 minutes on a busy 2-core machine
#   scripts/benchmark.sh                  # 2k imported articles, search at 2k, 10k and 100k: about 20 minutes
#   scripts/benchmark.sh --scales 10k,100k,1m --es-heap 4g      # 1M: run it separately, it takes longer
#   scripts/benchmark.sh --search-only --articles 21578 --scales 22k   # all of Reuters imported, search only (issue 17)
# Needs ../shared/corpora/news/reuters21578 (Reuters-21578); without it, it says so and measures nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
# Elasticsearch 9 and the harness need a JDK 21+; the machine's default java may be older.
if ! java -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
  export PATH="$JAVA_HOME/bin:$PATH"
fi
MVN_OFFLINE=${MVN_OFFLINE:--o}
# One invocation: the server's class path names the namekeys module, found only in the same reactor build; every
# module writes the file in turn and the server, built last, leaves its own.
mvn -q -B $MVN_OFFLINE -Pbenchmark -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/target/bench-classpath.txt"
# The run uses copies of what it built, so a build during the run cannot change them under it.
rm -rf target/benchmark/under-test && mkdir -p target/benchmark/under-test
cp target/clipfile.jar target/benchmark/under-test/clipfile.jar
cp -r target/classes target/bench-classes target/benchmark/under-test/
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xms2g -Xmx2g -Duser.timezone=UTC \
  -Dclipfile.bench.jar=target/benchmark/under-test/clipfile.jar \
  -cp "target/benchmark/under-test/bench-classes:target/benchmark/under-test/classes:$(cat target/bench-classpath.txt)" \
  org.clipfile.bench.BenchmarkDriver "$@"
