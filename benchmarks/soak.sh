#!/usr/bin/env bash
# Sustained load and faults under load against the FraiseQL app (in-process) on the shared 100 000-book data;
# writes benchmarks/results/soak.md and exits non-zero when a phase's rule is violated. Not a test: it takes
# minutes and wants the machine to itself.
#
#   benchmarks/soak.sh                       # all three phases, 1000 req/s for 5 minutes
#   benchmarks/soak.sh soak --minutes=5 --rate=1000 [--warmup=60 --connections=8]
#                                            # constant-rate mixed workload, p50/p99/max and errors per minute,
#                                            # heap after a forced GC every 30 s
#   benchmarks/soak.sh restart [--clients=4 --restarts=3]
#                                            # PostgreSQL restarted fast during a mutation stream
#   benchmarks/soak.sh exhaustion            # a 2-connection pool held busy: SERVICE_UNAVAILABLE, never a 500
#   benchmarks/soak.sh all --minutes=0.5 --rate=200   # a short run while developing
#   benchmarks/soak.sh soak --app.fraiseql.graphql.execution=standard
#                                            # --app.KEY=VALUE sets a property of the app of phases 1 and 2
#   benchmarks/soak.sh soak --mix=lookup=45,list=25,page=20,mutation=10 --report=soak-other.md
#                                            # another mix (weights), written to another file of results/
#
# Uses the embedded PostgreSQL 17, or FRAISEQL_TEST_DATABASE_URL; with an external server the restart phase
# is skipped unless --pg-ctl=/usr/lib/postgresql/N/bin/pg_ctl --pg-data=DIR are given (pg_ctl then runs as the
# owner of DIR). All traffic goes to 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/benchmarks/results"
mkdir -p "$results"

case "${1:-all}" in
  soak|restart|exhaustion|all|--*) ;;
  *) echo "usage: benchmarks/soak.sh [soak|restart|exhaustion|all] [--minutes=5 --rate=1000 --warmup=60" \
          "--connections=8 --clients=4 --restarts=3 --pg-ctl=PATH --pg-data=DIR --mix=... --report=NAME.md" \
          "--app.KEY=VALUE]" >&2; exit 2 ;;
esac

mvn -B -q -pl benchmarks -am package dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime -DskipTests
cp="$root/benchmarks/target/classes:$(cat "$root/benchmarks/target/classpath.txt")"
data="${FRAISEQL_BENCH_DATA:-$root/../shared/data/library-100k.sql}"

# A fixed heap, so "heap after GC" is read against the same ceiling in every run.
exec java -Xms1g -Xmx1g -XX:+UseG1GC -Djava.io.tmpdir="$root/benchmarks/target" -cp "$cp" \
  dev.fraiseql.benchmarks.soak.SoakBenchmark --data="$data" --out="$results" \
  --command="benchmarks/soak.sh $*" "$@"
