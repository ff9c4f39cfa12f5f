package dev.fraiseql.benchmarks;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The cost of the queries of the features that scan (filters on lists of objects, aggregations) on the 100 000-book
 * data, over HTTP on the fast path, each measured without and then with the index the docs recommend for it: requests/s, p99, and the CPU of the JVM and of PostgreSQL per
 * request. Every answer is checked to hold data and no errors before it is measured.
 */
public final class FeatureBenchmark {

    /** One workload: its GraphQL bodies, sent in turn, and the index that should serve it (null for none). */
    record Scenario(String feature, String name, List<String> bodies, String indexName, String indexDdl) {
    }

    private record Row(String feature, String scenario, String index, double rps, double p99, double jvmMsPerRequest,
            double pgMsPerRequest, long errors) {
    }

    private FeatureBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = EndToEndBenchmark.options(args);
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "8"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "5"));
        int connections = Integer.parseInt(opts.getOrDefault("connections", "8"));
        Path data = Path.of(opts.getOrDefault("data", "../shared/data/library-100k.sql"));
        Path out = Path.of(opts.getOrDefault("out", "benchmarks/results"));
        Files.createDirectories(out);
        Path scripts = Files.createTempDirectory("wrk-");

        BenchDatabase db = BenchDatabase.open(data);
        List<Scenario> scenarios = scenarios(db);
        // The data script creates some of these indexes and other benchmarks rely on them: put back what was there.
        Map<String, String> present = new LinkedHashMap<>();
        for (Scenario s : scenarios) {
            if (s.indexName() != null && indexExists(db, s.indexName())) {
                present.put(s.indexName(), s.indexDdl());
            }
        }
        try {
            run(db, scenarios, seconds, warmup, connections, out, scripts);
        } finally {
            for (Scenario s : scenarios) {
                if (s.indexName() != null) {
                    db.runScript("DROP INDEX IF EXISTS " + s.indexName());
                }
            }
            for (String ddl : present.values()) {
                db.runScript(ddl);
            }
            db.runScript("ANALYZE tv_book");
        }
    }

    private static boolean indexExists(BenchDatabase db, String name) throws Exception {
        try (Connection c = db.server().connect(BenchDatabase.NAME); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT 1 FROM pg_indexes WHERE tablename = 'tv_book' AND indexname = '"
                        + name + "'")) {
            return rs.next();
        }
    }

    private static void run(BenchDatabase db, List<Scenario> scenarios, int seconds, int warmup, int connections,
            Path out, Path scripts) throws Exception {
        for (Scenario s : scenarios) {
            if (s.indexName() != null) {
                db.runScript("DROP INDEX IF EXISTS " + s.indexName());
            }
        }
        db.runScript("ANALYZE tv_book");
        ConfigurableApplicationContext app = EndToEndBenchmark.start(db, "fast", "jvm", connections);
        List<Row> rows = new ArrayList<>();
        try {
            String url = "http://127.0.0.1:" + EndToEndBenchmark.port(app) + "/graphql";
            HttpClient http = HttpClient.newHttpClient();
            for (Scenario s : scenarios) {
                for (String body : s.bodies().subList(0, Math.min(3, s.bodies().size()))) {
                    String answer = EndToEndBenchmark.post(http, url, body);
                    if (!answer.startsWith("{\"data\":{") || answer.contains("\"errors\"")) {
                        throw new IllegalStateException(s.name() + " answered " + answer);
                    }
                }
                rows.add(measure(s, "none", url, connections, warmup, seconds, scripts));
                if (s.indexName() != null) {
                    db.runScript(s.indexDdl() + "; ANALYZE tv_book");
                    rows.add(measure(s, s.indexName(), url, connections, warmup, seconds, scripts));
                    db.runScript("DROP INDEX " + s.indexName());
                }
            }
        } finally {
            app.close();
        }
        String report = report(rows, scenarios, seconds, connections);
        Files.writeString(out.resolve("features.md"), report);
        System.out.println(report);
    }

    private static Row measure(Scenario s, String index, String url, int connections, int warmup, int seconds,
            Path scripts) throws Exception {
        Wrk.run(url, s.bodies(), connections, warmup, scripts);
        double jvm0 = CpuClock.jvmSeconds();
        double pg0 = CpuClock.postgresSeconds();
        Wrk.Result r = Wrk.run(url, s.bodies(), connections, seconds, scripts);
        double jvm = CpuClock.jvmSeconds() - jvm0;
        double pg = CpuClock.postgresSeconds() - pg0;
        long n = Math.max(1, r.requests());
        Row row = new Row(s.feature(), s.name(), index, r.requestsPerSecond(), r.p99Millis(), jvm / n * 1000,
                pg / n * 1000, r.errors());
        System.out.println(row);
        return row;
    }

    /** The workloads, with operands read from the data so that each one selects what its name says. */
    static List<Scenario> scenarios(BenchDatabase db) throws Exception {
        List<String> reviewers = new ArrayList<>();
        try (Connection c = db.server().connect(BenchDatabase.NAME); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT reviewer_name FROM tb_review ORDER BY pk_review LIMIT 100")) {
            while (rs.next()) {
                reviewers.add(rs.getString(1));
            }
        }
        String gin = "CREATE INDEX tv_book_data_path_idx ON tv_book USING gin (data jsonb_path_ops)";
        String year = "CREATE INDEX tv_book_year_idx ON tv_book (((data->>'published_year')::int))";
        List<Scenario> out = new ArrayList<>();
        out.add(new Scenario("nested-list filters", "books with a review by one reviewer (some, equality: ~1 row)",
                reviewers.stream().map(r -> body("{ books(where: {reviews: {some: {reviewerName: {eq: \\\"" + r
                        + "\\\"}}}}, limit: 20) { id title } }")).toList(), "tv_book_data_path_idx", gin));
        out.add(new Scenario("nested-list filters", "20 books with a 5-star review (some, equality: ~49 % of rows)",
                List.of(body("{ books(where: {reviews: {some: {stars: {eq: 5}}}}, limit: 20) { id title } }")),
                "tv_book_data_path_idx", gin));
        out.add(new Scenario("nested-list filters", "20 books of 2001 with a review of 4 stars or more (some, range)",
                List.of(body("{ books(where: {publishedYear: {eq: 2001}, reviews: {some: {stars: {gte: 4}}}}, limit: 20)"
                        + " { id title } }")), null, null));
        out.add(new Scenario("nested-list filters", "20 books whose every review has 4 stars or more (every, range)",
                List.of(body("{ books(where: {reviews: {every: {stars: {gte: 4}}}}, limit: 20) { id title } }")),
                null, null));
        out.add(new Scenario("aggregations", "books of 2020-2024 by the author's country (10 groups of ~1 300 rows)",
                List.of(body("{ booksAggregate(where: {publishedYear: {gte: 2020}}, groupBy: [author_country]) {"
                        + " key { author { country } } count sum { pageCount } avg { rating } max { publishedYear } } }")),
                "tv_book_year_idx", year));
        out.add(new Scenario("aggregations", "all 100 000 books by the author's country (10 groups)",
                List.of(body("{ booksAggregate(groupBy: [author_country]) { key { author { country } } count"
                        + " sum { pageCount } avg { rating } } }")), null, null));
        return out;
    }

    private static String body(String query) {
        return "{\"query\":\"" + query + "\"}";
    }

    private static String report(List<Row> rows, List<Scenario> scenarios, int seconds, int connections) {
        StringBuilder sb = new StringBuilder();
        sb.append("### Feature workloads on 100 000 books (").append(LocalDate.now()).append(")\n\n")
                .append(String.format(Locale.ROOT, "Fast path over HTTP, wrk with 1 thread and %d connections, %d s per run"
                        + " after a warm-up; each workload without and then with the index the docs recommend. PostgreSQL"
                        + " 17 (embedded), the app and wrk share the machine's %d cores.%n%n", connections, seconds,
                        Runtime.getRuntime().availableProcessors()))
                .append("| feature | workload | index | req/s | p99 ms | JVM CPU ms/req | PostgreSQL CPU ms/req | errors |\n")
                .append("|---|---|---|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %.0f | %.1f | %.3f | %.3f | %d |%n", r.feature(),
                    r.scenario(), r.index(), r.rps(), r.p99(), r.jvmMsPerRequest(), r.pgMsPerRequest(), r.errors()));
        }
        sb.append("\nIndexes:\n\n```sql\n");
        scenarios.stream().map(Scenario::indexDdl).filter(d -> d != null).distinct()
                .forEach(d -> sb.append(d).append(";\n"));
        sb.append("```\n");
        return sb.toString();
    }
}
