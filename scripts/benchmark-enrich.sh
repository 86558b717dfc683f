#!/usr/bin/env bash
# Speed of enrichment alone (articles/s per core, CPU per article, gazetteer and model load), with both recognizers
# (CoreNLP's pipeline and the fast one) in the same run, and CoreNLP's tokenizer alone. Reports, never fails.
# Needs ../shared/corpora (GUM news or the seed article) for its ~750-word articles. Output: target/benchmark/enrich.md
# Options (JVM): -Dwarmup=200 -Dmeasured=400, e.g. scripts/benchmark-enrich.sh -Dmeasured=100
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/target/test-classpath.txt"
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xms1g -Xmx1g "$@" -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  org.clipfile.enrich.EnrichBenchmark
