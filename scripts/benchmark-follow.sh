#!/usr/bin/env bash
# Saved-search matching (1,000 and 10,000 saved searches against a minute of new articles) and a batch search of
# 1,000 names, each on its own local Elasticsearch holding Reuters-21578. Reports, never fails.
# Needs ../shared/corpora/news/reuters21578. Usage: scripts/benchmark-follow.sh [articles-per-minute] [counts]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/target/test-classpath.txt"
CP="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xms512m -Xmx1g -cp "$CP" org.clipfile.saved.FollowBenchmark "${1:-300}" "${2:-1000,10000}"
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xms512m -Xmx1g -cp "$CP" org.clipfile.batch.BatchBenchmark 1000
