package dev.fraiseql.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/** The peers benchmark's results: a markdown page for people and a JSON file for tools, from the same rows. */
final class PeersReport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Row> runs;
    private final List<Row> averaged;
    private final List<String> mismatches;
    private final List<String> notes;
    private final Map<String, String> ceilingSql;
    private final int seconds;
    private final int rounds;
    private final int connections;
    private final String date;

    PeersReport(List<Row> runs, List<String> mismatches, List<String> notes, Map<String, String> ceilingSql,
            int seconds, int rounds, int connections, String date) {
        this.runs = List.copyOf(runs);
        this.averaged = average(runs);
        this.mismatches = List.copyOf(mismatches);
        this.notes = List.copyOf(notes);
        this.ceilingSql = new LinkedHashMap<>(ceilingSql);
        this.seconds = seconds;
        this.rounds = rounds;
        this.connections = connections;
        this.date = date;
    }

    String markdown() {
        return report(averaged, mismatches, notes, ceilingSql, seconds, rounds, connections, date);
    }

    String json() {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                machineReadable(averaged, runs, mismatches, notes, ceilingSql, seconds, rounds, connections, date));
    }

    /** One measurement, or the average of the rounds. */
    record Row(String workload, String contender, double requestsPerSecond, double p99Millis, double appCoreMicros,
            double postgresCoreMicros, double allocatedKib, long requests, long errors) {

        double totalCoreMicros() {
            return (Double.isNaN(appCoreMicros) ? 0 : appCoreMicros) + postgresCoreMicros;
        }
    }

    private static String report(List<Row> rows, List<String> mismatches, List<String> notes,
            Map<String, String> ceilingSql, int seconds, int rounds, int connections, String date) {
        StringBuilder sb = new StringBuilder();
        sb.append("### FraiseQL and its peers (").append(date).append(")\n\n");
        if (seconds < 10 || rounds < 2) {
            sb.append("**A short run (").append(seconds).append(" s, ").append(rounds)
                    .append(" round(s)): a check that everything works, not numbers to quote.**\n\n");
        }
        sb
                .append(String.format(Locale.ROOT, "wrk (1 thread) or pgbench (1 thread), %d connections; every"
                        + " contender warmed on every workload first, then %d s per run, %d interleaved rounds"
                        + " averaged. One server under load at a time: the three Spring apps live in this harness's JVM and"
                        + " sit idle while another is measured, PostGraphile is frozen with SIGSTOP."
                        + " The load generator, the app and PostgreSQL share the machine's %d cores. core-µs/req is"
                        + " CPU time divided by requests: the app's process (the JVM, or Node) and the PostgreSQL"
                        + " server's processes. Ratios are to the FraiseQL fast path of the same workload.%n%n",
                        connections, seconds, rounds, Runtime.getRuntime().availableProcessors()))
                .append("Each cell shows the value and, in brackets, its ratio to the fast path's (x2.00 = twice the"
                        + " fast path's requests/s, or twice its CPU time).\n");
        Map<String, List<Row>> byWorkload = new LinkedHashMap<>();
        rows.forEach(r -> byWorkload.computeIfAbsent(r.workload(), k -> new ArrayList<>()).add(r));
        byWorkload.forEach((workload, group) -> {
            Row fast = group.stream().filter(x -> x.contender().equals(PeersBenchmark.FAST)).findFirst().orElse(group.get(0));
            sb.append("\n#### ").append(workload).append("\n\n")
                    .append("| contender | req/s | p99 ms | app core-µs/req | PostgreSQL core-µs/req |"
                            + " total core-µs/req | JVM KiB allocated/req | errors |\n")
                    .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Row r : group) {
                boolean self = r == fast;
                sb.append("| ").append(r.contender())
                        .append(" | ").append(cell(r.requestsPerSecond(), fast.requestsPerSecond(), "%.0f", self))
                        .append(" | ").append(cell(r.p99Millis(), fast.p99Millis(), "%.1f", self))
                        .append(" | ").append(cell(r.appCoreMicros(), fast.appCoreMicros(), "%.0f", self))
                        .append(" | ").append(cell(r.postgresCoreMicros(), fast.postgresCoreMicros(), "%.0f", self))
                        .append(" | ").append(cell(r.totalCoreMicros(), fast.totalCoreMicros(), "%.0f", self))
                        .append(" | ").append(cell(r.allocatedKib(), fast.allocatedKib(), "%.1f", self))
                        .append(" | ").append(r.errors()).append(" |\n");
            }
        });
        writeCost(rows).ifPresent(sb::append);
        sb.append("\n").append(mismatches.isEmpty()
                ? "Before measuring, every contender returned the same data as the fast path for the first "
                        + PeersBenchmark.CHECKED + " requests of each read workload and for one mutation (after mapping PostGraphile's"
                        + " names and `nodes` lists, and ignoring cursors and created ids).\n"
                : "Answers differed (see below); those rows compare different work:\n\n```\n"
                        + String.join("\n", mismatches) + "\n```\n");
        for (String note : notes) {
            sb.append("\n").append(note).append("\n");
        }
        if (!ceilingSql.isEmpty()) {
            sb.append("\npgbench rows have no app column: pgbench is the client, like wrk, and neither is counted;"
                    + " {__typename} has no pgbench row because the fast path sends no SQL for it."
                    + " Its scripts are the statements the fast path sent, recorded at the JDBC driver, with the bound"
                    + " values written in as literals (one script per looked-up id or cursor, picked at random);"
                    + " the first of each workload:\n");
            ceilingSql.forEach((workload, sql) -> sb.append("\n").append(workload).append(":\n\n```sql\n")
                    .append(sql.strip()).append("\n```\n"));
        }
        return sb.toString();
    }

    private static String cell(double value, double fast, String format, boolean isFast) {
        if (Double.isNaN(value)) {
            return "-";
        }
        String text = String.format(Locale.ROOT, format, value);
        double ratio = value / fast;
        // A ratio to nothing (no SQL for {__typename}) says nothing.
        if (isFast || Double.isNaN(ratio) || Double.isInfinite(ratio) || fast < 0.5) {
            return text;
        }
        return text + String.format(Locale.ROOT, " (x%.2f)", ratio);
    }

    /** The cost of keeping tv_book current, from the two FraiseQL mutation rows. */
    private static Optional<String> writeCost(List<Row> rows) {
        Row with = rows.stream().filter(r -> r.contender().equals(PeersBenchmark.FAST) && r.workload().startsWith("mutation"))
                .findFirst().orElse(null);
        Row without = rows.stream().filter(r -> r.contender().equals(PeersBenchmark.WRITE_ONLY)).findFirst().orElse(null);
        if (with == null || without == null) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%nWhat the read model moves to writes: creating a"
                + " book and refreshing its tv_book row cost PostgreSQL %.0f core-µs against %.0f without the refresh"
                + " (%+.0f core-µs, %.2fx), and %.0f against %.0f requests/s.%n",
                with.postgresCoreMicros(), without.postgresCoreMicros(),
                with.postgresCoreMicros() - without.postgresCoreMicros(),
                with.postgresCoreMicros() / without.postgresCoreMicros(), with.requestsPerSecond(),
                without.requestsPerSecond()));
    }

    private static Map<String, Object> machineReadable(List<Row> averaged, List<Row> runs, List<String> mismatches,
            List<String> notes, Map<String, String> ceilingSql, int seconds, int rounds, int connections, String date) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", date);
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("connections", connections);
        m.put("secondsPerRun", seconds);
        m.put("rounds", rounds);
        List<Map<String, Object>> results = new ArrayList<>();
        for (Row r : averaged) {
            Map<String, Object> row = asMap(r);
            averaged.stream().filter(x -> x.workload().equals(r.workload()) && x.contender().equals(PeersBenchmark.FAST)).findFirst()
                    .ifPresent(fast -> row.put("vsFastPath", ratios(r, fast)));
            results.add(row);
        }
        m.put("results", results);
        m.put("runs", runs.stream().map(PeersReport::asMap).toList());
        m.put("mismatches", mismatches);
        m.put("notes", notes);
        m.put("pgbenchSql", ceilingSql);
        return m;
    }

    private static Map<String, Object> asMap(Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workload", r.workload());
        m.put("contender", r.contender());
        m.put("requestsPerSecond", round(r.requestsPerSecond()));
        m.put("p99Millis", round(r.p99Millis()));
        m.put("appCoreMicrosPerRequest", round(r.appCoreMicros()));
        m.put("postgresCoreMicrosPerRequest", round(r.postgresCoreMicros()));
        m.put("totalCoreMicrosPerRequest", round(r.totalCoreMicros()));
        m.put("allocatedKibPerRequest", round(r.allocatedKib()));
        m.put("requests", r.requests());
        m.put("errors", r.errors());
        return m;
    }

    private static Map<String, Object> ratios(Row r, Row fast) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requestsPerSecond", ratio(r.requestsPerSecond(), fast.requestsPerSecond()));
        m.put("p99Millis", ratio(r.p99Millis(), fast.p99Millis()));
        m.put("appCoreMicrosPerRequest", ratio(r.appCoreMicros(), fast.appCoreMicros()));
        m.put("postgresCoreMicrosPerRequest", ratio(r.postgresCoreMicros(), fast.postgresCoreMicros()));
        m.put("totalCoreMicrosPerRequest", ratio(r.totalCoreMicros(), fast.totalCoreMicros()));
        m.put("allocatedKibPerRequest", ratio(r.allocatedKib(), fast.allocatedKib()));
        return m;
    }

    private static Double ratio(double value, double fast) {
        double ratio = value / fast;
        return Double.isNaN(ratio) || Double.isInfinite(ratio) || fast < 0.5 ? null : Math.round(ratio * 1000) / 1000.0;
    }

    private static Double round(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 100) / 100.0;
    }

    private static List<Row> average(List<Row> rows) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            groups.computeIfAbsent(r.workload() + "|" + r.contender(), k -> new ArrayList<>()).add(r);
        }
        List<Row> out = new ArrayList<>();
        for (List<Row> g : groups.values()) {
            out.add(new Row(g.get(0).workload(), g.get(0).contender(),
                    g.stream().mapToDouble(Row::requestsPerSecond).average().orElse(0),
                    g.stream().mapToDouble(Row::p99Millis).average().orElse(0),
                    g.stream().mapToDouble(Row::appCoreMicros).average().orElse(Double.NaN),
                    g.stream().mapToDouble(Row::postgresCoreMicros).average().orElse(0),
                    g.stream().mapToDouble(Row::allocatedKib).average().orElse(Double.NaN),
                    g.stream().mapToLong(Row::requests).sum(),
                    g.stream().mapToLong(Row::errors).sum()));
        }
        return out;
    }
}
