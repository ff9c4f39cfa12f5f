#!/usr/bin/env python3
"""Attributes the CPU samples of HttpProfile's recordings to the layers of the server's stack and writes a table.

Usage: layers.py WORK_DIR OUT.md
WORK_DIR holds typename, lookup, list and relay .jfr (direct execution), the same with -graphql-java, ceiling.jfr and summary.txt (name, JVM CPU µs/request, req/s, errors).
Each sample goes to the innermost frame that belongs to a known layer: a socket read under pgjdbc is pgjdbc's, a
String.hashCode under graphql-java is graphql-java's; a stack of JDK frames only is "JDK (threads, I/O)".
"""
import datetime
import re
import subprocess
import sys

LAYERS = [
    ("FraiseQL", ("dev.fraiseql.",)),
    ("graphql-java", ("graphql.",)),
    ("pgjdbc", ("org.postgresql.",)),
    ("HikariCP", ("com.zaxxer.hikari.",)),
    ("Jackson", ("tools.jackson.", "com.fasterxml.jackson.")),
    ("Spring (MVC, GraphQL, Micrometer)", ("org.springframework.", "reactor.", "io.micrometer.")),
    ("Tomcat (HTTP)", ("org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.")),
]
OTHER = "JDK (threads, I/O)"
NAMES = [name for name, _ in LAYERS] + [OTHER]


def layer(frame):
    if frame.startswith("dev.fraiseql.benchmarks."):
        return "benchmark endpoint"
    for name, prefixes in LAYERS:
        if frame.startswith(prefixes):
            return name
    return None


def shares(recording):
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "256", recording],
                          capture_output=True, text=True, check=True).stdout
    counts, total = {}, 0
    for event in text.split("jdk.ExecutionSample")[1:]:
        frames = re.findall(r"^\s+([\w.$<>]+)\(", event, re.M)  # innermost first
        name = next((l for l in map(layer, frames) if l is not None), OTHER)
        counts[name] = counts.get(name, 0) + 1
        total += 1
    return {k: v / total for k, v in counts.items()}, total


def main():
    work, target = sys.argv[1:3]
    summary = {}
    with open(work + "/summary.txt") as f:
        for line in f:
            name, cpu, rps, errors = line.split()
            summary[name] = (float(cpu), float(rps), int(errors))
    runs = ["typename", "lookup", "list", "relay", "typename-graphql-java", "lookup-graphql-java", "list-graphql-java",
            "relay-graphql-java", "ceiling"]
    result = {r: shares("%s/%s.jfr" % (work, r)) for r in runs}
    names = NAMES + ["benchmark endpoint"]
    out = ["### Where a request's JVM CPU goes over HTTP (%s)" % datetime.date.today(), "",
           "`benchmarks/run.sh profile-http`: the fast-path app, with direct execution on and off, under wrk (8 connections) on the 100 000-book data, one JFR"
           " recording per request kind. JVM CPU per request is measured without the recording, in two rounds in opposite orders"
           " (process CPU time / requests; both apps run in the one JVM, the idle one adds its background work); it is split by the share of JFR's execution samples, taken in a second run, in each layer (each sample goes to the innermost frame of a known layer; GC"
           " and JIT threads are not sampled, so their CPU is spread over the layers in proportion).", "",
           "| layer | `{__typename}`, direct µs | lookup, direct µs | 20-row list, direct µs | 100-row Relay page, direct µs"
           " | `{__typename}` through graphql-java µs | lookup through graphql-java µs | 20-row list through graphql-java µs"
           " | 100-row Relay page through graphql-java µs | lookup through the JDBC ceiling µs |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for n in names:
        if all(result[r][0].get(n, 0) == 0 for r in runs):
            continue
        cells = ["%.1f (%.0f %%)" % (summary[r][0] * result[r][0].get(n, 0), 100 * result[r][0].get(n, 0))
                 for r in runs]
        out.append("| %s | %s |" % (n, " | ".join(cells)))
    out.append("| **JVM CPU per request** | %s |" % " | ".join("**%.1f**" % summary[r][0] for r in runs))
    out.append("| requests/s, errors | %s |" % " | ".join("%.0f, %d" % summary[r][1:] for r in runs))
    out.append("| samples | %s |" % " | ".join(str(result[r][1]) for r in runs))
    with open(target, "w") as f:
        f.write("\n".join(out) + "\n")
    print("\n".join(out))


if __name__ == "__main__":
    main()
