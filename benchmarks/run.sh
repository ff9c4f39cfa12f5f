#!/usr/bin/env bash
# Runs the benchmarks side by side and writes their results to benchmarks/results/ (shown by
# docs/benchmarks.md). One command does it all:
#
#   benchmarks/run.sh                 # everything: JMH micro-benchmarks, then end to end over HTTP
#   benchmarks/run.sh jmh [REGEX]     # JMH only (-prof gc), e.g. benchmarks/run.sh jmh WhereRender
#   benchmarks/run.sh e2e [--seconds=10 --rounds=2 --connections=8]
#   benchmarks/run.sh main CLASS      # any main class on the benchmark classpath
#
# Uses the embedded PostgreSQL 17, or FRAISEQL_TEST_DATABASE_URL. Installs wrk from Debian's
# packages when it is missing. Ratios between contenders of one run are what to read: the
# machine is shared, absolute numbers move from run to run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/benchmarks/results"
mkdir -p "$results"

if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk (Debian package)..."
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq wrk >/dev/null; fi
fi

mvn -B -q -pl benchmarks -am package dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime -DskipTests
cp="$root/benchmarks/target/classes:$(cat "$root/benchmarks/target/classpath.txt")"
java_opts=(-Xms1g -Xmx1g -Djava.io.tmpdir="$root/benchmarks/target")
data="${FRAISEQL_BENCH_DATA:-$root/../shared/data/library-100k.sql}"

run_jmh() {
  java "${java_opts[@]}" -cp "$cp" org.openjdk.jmh.Main -prof gc -rf json -rff "$results/jmh.json" "${@:-.}" \
    | tee "$results/jmh.txt"
}

run_e2e() {
  java "${java_opts[@]}" -cp "$cp" dev.fraiseql.benchmarks.EndToEndBenchmark \
    --data="$data" --out="$results" "$@"
}

case "${1:-all}" in
  jmh) shift; run_jmh "$@" ;;
  e2e) shift; run_e2e "$@" ;;
  main) shift; java "${java_opts[@]}" -cp "$cp" "$@" ;;
  all) run_jmh; run_e2e ;;
  *) echo "usage: benchmarks/run.sh [all|jmh [REGEX]|e2e [--seconds=N ...]|main CLASS]" >&2; exit 2 ;;
esac
