#!/usr/bin/env bash
# The equivalence oracle on every shared corpus: CoreNLP and the fast recognizer, token by token and mention by
# mention (seed, GUM news, Reuters-21578, BBC from ../shared/corpora). Reports, never fails.
# Options: -Dlimit=N texts per corpus (all by default), -Dthreads=N. Output: target/evaluation/recognizer-comparison.md
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/target/test-classpath.txt"
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx3g "$@" \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.clipfile.enrich.ner.RecognizerComparison
