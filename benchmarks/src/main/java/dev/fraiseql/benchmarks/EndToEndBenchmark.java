package dev.fraiseql.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One command, five contenders side by side on the same data and the same machine: the fast path (projecting
 * in the JVM or in SQL), the fast path with direct execution off (through graphql-java), the standard path and
 * the plain JDBC ceiling, for a 1-row lookup and a 100-row list with nested objects.
 * Reports requests/s, p99, CPU seconds of the JVM and of PostgreSQL per 1000 requests, and the bytes the
 * JVM allocated per request.
 */
public final class EndToEndBenchmark {

    private record Contender(String name, String url) {
    }

    private record Scenario(String name, String graphqlPath, String ceilingPath, List<String> bodies) {
    }

    private record Row(String scenario, String contender, double rps, double p99, double jvmCpuPer1000,
            double pgCpuPer1000, double allocatedKbPerRequest, long errors) {
    }

    private EndToEndBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "10"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "20"));
        int rounds = Integer.parseInt(opts.getOrDefault("rounds", "2"));
        int connections = Integer.parseInt(opts.getOrDefault("connections", "8"));
        Path data = Path.of(opts.getOrDefault("data", "../shared/data/library-100k.sql"));
        Path out = Path.of(opts.getOrDefault("out", "benchmarks/results"));
        Files.createDirectories(out);
        Path scripts = Files.createTempDirectory("wrk-");

        BenchDatabase db = BenchDatabase.open(data);
        ConfigurableApplicationContext fast = start(db, "fast", "sql", connections);
        ConfigurableApplicationContext fastJvm = start(db, "fast", "jvm", connections);
        ConfigurableApplicationContext standard = start(db, "standard", "sql", connections);
        ConfigurableApplicationContext viaGraphQlJava = start(db, "fast", "jvm", connections,
                "fraiseql.graphql.direct-execution=false");
        try {
            String fastBase = "http://127.0.0.1:" + port(fast);
            String fastJvmBase = "http://127.0.0.1:" + port(fastJvm);
            String standardBase = "http://127.0.0.1:" + port(standard);
            String viaBase = "http://127.0.0.1:" + port(viaGraphQlJava);
            List<String> ids = db.bookIds(200);
            List<String> lookupBodies = ids.stream().map(Queries::lookupBody).toList();
            List<Scenario> scenarios = List.of(
                    new Scenario("1-row lookup", "/graphql", "/ceiling/book", lookupBodies),
                    new Scenario("100-row list, nested", "/graphql", "/ceiling/books", List.of(Queries.listBody())));

            List<String> mismatches = checkSameBytes(scenarios, fastBase, standardBase, fastJvmBase, viaBase);
            List<Row> rows = new ArrayList<>();
            // Warm every contender's JIT on every query first: a short warm-up left round 1 measuring compilation.
            for (Scenario s : scenarios) {
                for (Contender c : contenders(s, fastBase, fastJvmBase, standardBase, viaBase)) {
                    Wrk.run(c.url(), s.bodies(), connections, warmup, scripts);
                }
            }
            for (int round = 1; round <= rounds; round++) {
                for (Scenario s : scenarios) {
                    for (Contender c : contenders(s, fastBase, fastJvmBase, standardBase, viaBase)) {
                        Wrk.run(c.url(), s.bodies(), connections, 2, scripts);
                        rows.add(measure(s, c, connections, seconds, scripts));
                        System.out.println("round " + round + ": " + rows.get(rows.size() - 1));
                    }
                }
            }
            String sql = "-- projection in the JVM (and the ceiling):\n"
                    + String.join("\n", fastJvm.getBean(JdbcCeilingController.class).sql())
                    + "\n\n-- projection in SQL:\n" + String.join("\n\n", fast.getBean(JdbcCeilingController.class).sql());
            String report = report(average(rows), mismatches, seconds, rounds, connections, sql);
            Files.writeString(out.resolve("end-to-end.md"), report);
            System.out.println(report);
        } finally {
            viaGraphQlJava.close();
            standard.close();
            fastJvm.close();
            fast.close();
        }
    }

    private static List<Contender> contenders(Scenario s, String fastBase, String fastJvmBase, String standardBase,
            String viaBase) {
        return List.of(new Contender("fast path, projection in the JVM", fastJvmBase + s.graphqlPath()),
                new Contender("fast path through graphql-java (direct execution off)", viaBase + s.graphqlPath()),
                new Contender("fast path, projection in SQL", fastBase + s.graphqlPath()),
                new Contender("standard path", standardBase + s.graphqlPath()),
                new Contender("JDBC ceiling", fastJvmBase + s.ceilingPath()));
    }

    /** Starts the benchmark application on {@code db} with a pool of {@code connections}, on a free port. */
    static ConfigurableApplicationContext start(BenchDatabase db, String mode, String projection, int connections,
            String... more) {
        return new SpringApplicationBuilder(BenchmarkApplication.class)
                .properties(more)
                .properties(
                        "fraiseql.db.url=" + db.postgresUrl(),
                        "fraiseql.db.max-connections=" + connections,
                        "fraiseql.db.min-idle=" + connections,
                        "fraiseql.graphql.execution=" + mode,
                        "fraiseql.graphql.projection=" + projection,
                        "server.port=0",
                        "spring.application.name=fraiseql-bench-" + mode + "-" + projection)
                .run();
    }

    static int port(ConfigurableApplicationContext ctx) {
        return Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
    }

    /**
     * The contenders must answer with the same bytes, or the comparison means nothing; the fast path is asked twice, as
     * its first answer to a new document comes through graphql-java and the second from the direct path.
     */
    private static List<String> checkSameBytes(List<Scenario> scenarios, String fastBase, String standardBase,
            String fastJvmBase, String viaBase) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        List<String> problems = new ArrayList<>();
        for (Scenario s : scenarios) {
            for (String body : s.bodies().subList(0, Math.min(5, s.bodies().size()))) {
                String f = post(http, fastBase + s.graphqlPath(), body);
                String st = post(http, standardBase + s.graphqlPath(), body);
                String ceiling = post(http, fastJvmBase + s.ceilingPath(), body);
                String jvm = post(http, fastJvmBase + s.graphqlPath(), body);
                String direct = post(http, fastJvmBase + s.graphqlPath(), body);
                String via = post(http, viaBase + s.graphqlPath(), body);
                if (!jvm.equals(direct) || !direct.equals(via)) {
                    problems.add(s.name() + ": the direct path and graphql-java differ\n  direct: " + abbreviate(direct)
                            + "\n  graphql-java: " + abbreviate(via));
                }
                if (!f.equals(jvm)) {
                    problems.add(s.name() + ": projection in SQL and in the JVM differ\n  sql: " + abbreviate(f)
                            + "\n  jvm: " + abbreviate(jvm));
                }
                if (!f.equals(st)) {
                    problems.add(s.name() + ": fast and standard paths differ\n  fast:     " + abbreviate(f)
                            + "\n  standard: " + abbreviate(st));
                }
                if (!f.equals(ceiling)) {
                    problems.add(s.name() + ": fast path and JDBC ceiling differ\n  fast:    " + abbreviate(f)
                            + "\n  ceiling: " + abbreviate(ceiling));
                }
                if (!f.startsWith("{\"data\":{")) {
                    problems.add(s.name() + ": unexpected answer " + abbreviate(f));
                }
            }
        }
        problems.forEach(p -> System.out.println("MISMATCH " + p));
        return problems;
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    static String post(HttpClient http, String url, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static Row measure(Scenario s, Contender c, int connections, int seconds, Path work)
            throws IOException, InterruptedException {
        double jvm0 = CpuClock.jvmSeconds();
        double pg0 = CpuClock.postgresSeconds();
        long alloc0 = allocatedBytes();
        Wrk.Result r = Wrk.run(c.url(), s.bodies(), connections, seconds, work);
        long alloc1 = allocatedBytes();
        double jvm = CpuClock.jvmSeconds() - jvm0;
        double pg = CpuClock.postgresSeconds() - pg0;
        long n = Math.max(1, r.requests());
        return new Row(s.name(), c.name(), r.requestsPerSecond(), r.p99Millis(), jvm / n * 1000, pg / n * 1000,
                (alloc1 - alloc0) / 1024.0 / n, r.errors());
    }

    /** Bytes allocated so far by the live threads of this JVM (the server's workers live through a run). */
    static long allocatedBytes() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long a : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            total += Math.max(0, a);
        }
        return total;
    }

    private static List<Row> average(List<Row> rows) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            groups.computeIfAbsent(r.scenario() + "|" + r.contender(), k -> new ArrayList<>()).add(r);
        }
        List<Row> out = new ArrayList<>();
        for (List<Row> g : groups.values()) {
            out.add(new Row(g.get(0).scenario(), g.get(0).contender(),
                    g.stream().mapToDouble(Row::rps).average().orElse(0),
                    g.stream().mapToDouble(Row::p99).average().orElse(0),
                    g.stream().mapToDouble(Row::jvmCpuPer1000).average().orElse(0),
                    g.stream().mapToDouble(Row::pgCpuPer1000).average().orElse(0),
                    g.stream().mapToDouble(Row::allocatedKbPerRequest).average().orElse(0),
                    g.stream().mapToLong(Row::errors).sum()));
        }
        return out;
    }

    private static String report(List<Row> rows, List<String> mismatches, int seconds, int rounds, int connections,
            String sql) {
        StringBuilder sb = new StringBuilder();
        sb.append("### End to end over HTTP (").append(LocalDate.now()).append(")\n\n")
                .append(String.format(Locale.ROOT, "wrk, 1 thread, %d connections, every contender warmed first, then %d s per run, %d"
                        + " interleaved rounds averaged; PostgreSQL 17 (embedded), the app and wrk share the machine's %d cores.%n%n",
                        connections, seconds, rounds, Runtime.getRuntime().availableProcessors()))
                .append("| scenario | contender | req/s | vs ceiling | p99 ms | JVM CPU s/1000 req | PostgreSQL CPU s/1000 req | JVM KiB allocated/req | errors |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            double ceiling = rows.stream().filter(x -> x.scenario().equals(r.scenario())
                    && x.contender().equals("JDBC ceiling")).mapToDouble(Row::rps).findFirst().orElse(r.rps());
            sb.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.2f | %.1f | %.3f | %.3f | %.1f | %d |%n",
                    r.scenario(), r.contender(), r.rps(), r.rps() / ceiling, r.p99(), r.jvmCpuPer1000(),
                    r.pgCpuPer1000(), r.allocatedKbPerRequest(), r.errors()));
        }
        sb.append("\n").append(mismatches.isEmpty()
                ? "All contenders answered every checked request with identical bytes.\n"
                : "Answers differed (see below); the numbers compare different work:\n\n```\n"
                        + String.join("\n", mismatches) + "\n```\n");
        sb.append("\nSQL run by the fast path and the ceiling:\n\n```sql\n").append(sql).append("\n```\n");
        return sb.toString();
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (String a : args) {
            if (a.startsWith("--") && a.contains("=")) {
                opts.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("Unknown argument " + a + " (expected --name=value)");
            }
        }
        return opts;
    }
}
