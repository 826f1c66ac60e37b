#!/usr/bin/env bash
# What checking a code new to a pod costs, against the JDK's own ES256 and RS256 checks (k6/bench/SignatureCost.java).
# Run from the repository root: k6/bench/signature-cost.sh; any JDK 17 or newer: JAVA_HOME=/path/to/jdk k6/bench/...
set -euo pipefail
cd "$(dirname "$0")/../.."
classpath=$(mktemp)
trap 'rm -f "$classpath"' EXIT
# shared/signing and what it needs (the codes, the dev keys), built and listed by Maven; the last module listed wins
./mvnw -B -q -DskipTests -DskipITs package dependency:build-classpath -Dmdep.outputFile="$classpath" \
  -pl shared/signing -am
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "shared/signing/target/classes:$(cat "$classpath")" k6/bench/SignatureCost.java
