package dev.fraiseql.benchmarks;

import dev.fraiseql.testsupport.TestPostgres;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Aggregate queries over the 100 000 books, over HTTP with {@code wrk} on one connection, on the fast and the standard
 * path, next to the time PostgreSQL alone takes for a hand-written statement computing the same groups: all books
 * grouped by the author's country (a full scan), and the books of the last five years (read through the
 * {@code published_year} expression index) grouped the same way. Reports requests/s, the mean and p99 latency, and
 * CPU per request of the JVM and of PostgreSQL, and writes {@code benchmarks/results/aggregate.md}. One connection
 * measures the cost of one request; more would only queue behind PostgreSQL's scan on a small machine.
 *
 * <p>Run with {@code benchmarks/run.sh main dev.fraiseql.benchmarks.AggregateBenchmark [--seconds=10 --warmup=5]}.
 */
public final class AggregateBenchmark {

    private static final String SELECTION = " { key { author { country } } count sum { pageCount price }"
            + " avg { rating } min { publishedYear } max { publishedYear } } }";
    private static final String COLUMNS = "SELECT data->'author'->>'country', count(*), sum((data->>'page_count')::int),"
            + " sum((data->>'price')::numeric)::float8, avg((data->>'rating')::numeric)::float8,"
            + " min((data->>'published_year')::int), max((data->>'published_year')::int) FROM tv_book";
    private static final String GROUPS = " GROUP BY 1 ORDER BY 2 DESC, 1 ASC";

    private record Scenario(String name, String query, String handWritten) {
    }

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("all 100 000 books by country",
                    "{ booksAggregate(groupBy: [author_country], orderBy: [{count: DESC}])" + SELECTION,
                    COLUMNS + GROUPS),
            new Scenario("books of 2020-2024 (index) by country",
                    "{ booksAggregate(where: {publishedYear: {gte: 2020}}, groupBy: [author_country],"
                            + " orderBy: [{count: DESC}])" + SELECTION,
                    COLUMNS + " WHERE (data->>'published_year')::int >= 2020" + GROUPS));

    private AggregateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = EndToEndBenchmark.options(args);
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "10"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "5"));
        Path data = Path.of(opts.getOrDefault("data", "../shared/data/library-100k.sql"));
        Path out = Path.of(opts.getOrDefault("out", "benchmarks/results"));
        Files.createDirectories(out);
        Path scripts = Files.createTempDirectory("wrk-");

        BenchDatabase db = BenchDatabase.open(data);
        StringBuilder report = new StringBuilder("# Aggregate queries, 100 000 books\n\nOne connection (wrk -t1 -c1, "
                + seconds + " s after " + warmup + " s of warm-up); the hand-written statement is timed on one JDBC"
                + " connection, median of 20 runs. Load average at the start: " + loadAverage() + ".\n\n"
                + "| query | path | requests/s | mean ms | p99 ms | JVM CPU ms/request | PostgreSQL CPU ms/request |"
                + " hand-written SQL ms |\n|---|---|---|---|---|---|---|---|\n");
        Map<String, String> answers = new java.util.LinkedHashMap<>();
        for (String mode : List.of("fast", "standard")) {
            ConfigurableApplicationContext app = EndToEndBenchmark.start(db, mode, "jvm", 2);
            try {
                String url = "http://127.0.0.1:" + EndToEndBenchmark.port(app) + "/graphql";
                for (Scenario s : SCENARIOS) {
                    String body = "{\"query\":\"" + s.query().replace("\"", "\\\"") + "\"}";
                    String response = EndToEndBenchmark.post(HttpClient.newHttpClient(), url, body);
                    String previous = answers.putIfAbsent(s.name(), response);
                    if (previous != null && !previous.equals(response) || response.contains("\"errors\"")) {
                        throw new IllegalStateException("Unexpected or different answers:\n" + previous + "\n" + response);
                    }
                    Wrk.run(url, List.of(body), 1, warmup, scripts);
                    double jvm0 = CpuClock.jvmSeconds();
                    double pg0 = CpuClock.postgresSeconds();
                    Wrk.Result r = Wrk.run(url, List.of(body), 1, seconds, scripts);
                    long n = Math.max(1, r.requests());
                    double jvm = (CpuClock.jvmSeconds() - jvm0) / n * 1000;
                    double pg = (CpuClock.postgresSeconds() - pg0) / n * 1000;
                    String row = String.format(Locale.ROOT, "| %s | %s | %.1f | %.0f | %.0f | %.1f | %.0f | %.0f |%n",
                            s.name(), mode, r.requestsPerSecond(), 1000 / r.requestsPerSecond(), r.p99Millis(), jvm, pg,
                            statementMillis(s.handWritten(), 20));
                    System.out.print(row);
                    report.append(row);
                    if (r.errors() > 0) {
                        report.append("\n(").append(r.errors()).append(" errors in this run)\n\n");
                    }
                }
            } finally {
                app.close();
            }
        }
        report.append("\nBoth paths answered the same bytes. The hand-written statements:\n\n```sql\n");
        SCENARIOS.forEach(s -> report.append(s.handWritten()).append('\n'));
        report.append("```\n\nThe answer of the first query:\n\n```json\n").append(answers.values().iterator().next())
                .append("\n```\n");
        Files.writeString(out.resolve("aggregate.md"), report.toString());
        System.out.println(report);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static double statementMillis(String sql, int runs) throws Exception {
        double[] millis = new double[runs];
        try (Connection c = TestPostgres.shared().connect(BenchDatabase.NAME); Statement s = c.createStatement()) {
            for (int i = -3; i < runs; i++) {
                long start = System.nanoTime();
                try (ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
                if (i >= 0) {
                    millis[i] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        Arrays.sort(millis);
        return millis[runs / 2];
    }
}
