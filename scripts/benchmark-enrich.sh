#!/usr/bin/env bash
# Speed of enrichment alone (articles/s per core, CPU per article, gazetteer and model load). Reports, never fails.
# Needs ../shared/corpora (GUM news or the seed article) for its ~700-word articles. Output: target/benchmark/enrich.md
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xms1g -Xmx1g -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  org.clipfile.enrich.EnrichBenchmark
