#!/usr/bin/env bash
# What checking a code new to a pod costs, against the JDK's own ES256 and RS256 checks, and what signing one costs,
# against jose4j with the JDK's ES256 (k6/bench/SignatureCost.java).
# Run from the repository root: k6/bench/signature-cost.sh; any JDK 17 or newer: JAVA_HOME=/path/to/jdk k6/bench/...
# SKIP_BUILD=1 reuses the last build (and its classpath, shared/signing/target/signature-cost.classpath).
set -euo pipefail
cd "$(dirname "$0")/../.."
classpath=$PWD/shared/signing/target/signature-cost.classpath
# shared/signing and what it needs (the codes, the dev keys), built and listed by Maven; the last module listed wins;
# its test classes hold the old way of signing (Jose4jSigning)
if [[ "${SKIP_BUILD:-}" != "1" || ! -f "$classpath" ]]; then
  ./mvnw -B -q -DskipTests -DskipITs package dependency:build-classpath -Dmdep.outputFile="$classpath" \
    -pl shared/signing -am
fi
"${JAVA_HOME:+$JAVA_HOME/bin/}java" \
  -cp "shared/signing/target/classes:shared/signing/target/test-classes:$(cat "$classpath")" k6/bench/SignatureCost.java
