package dev.fraiseql.benchmarks.soak;

import dev.fraiseql.benchmarks.BenchmarkApplication;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Sustained load and faults under load against the FraiseQL app on the shared 100 000-book data: a constant-rate
 * soak, a fast PostgreSQL restart during a mutation stream, and pool exhaustion; writes
 * {@code benchmarks/results/soak.md} and exits with status 1 when a phase's rule is violated.
 */
public final class SoakBenchmark {

    private static final Set<String> PHASES = Set.of("soak", "restart", "exhaustion", "all");

    private SoakBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String phase = "all";
        Map<String, String> opts = new LinkedHashMap<>();
        for (String a : args) {
            if (a.startsWith("--") && a.contains("=")) {
                opts.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else if (PHASES.contains(a)) {
                phase = a;
            } else {
                throw new IllegalArgumentException("Unknown argument '" + a + "'; use soak|restart|exhaustion|all and"
                        + " --minutes=5 --rate=1000 --warmup=60 --connections=8 --clients=4 --restarts=3"
                        + " --pg-ctl=PATH --pg-data=DIR --mix=lookup=45,list=25,page=20,mutation=10 --report=soak.md"
                        + " --app.KEY=VALUE");
            }
        }
        double minutes = Double.parseDouble(opts.getOrDefault("minutes", "5"));
        double rate = Double.parseDouble(opts.getOrDefault("rate", "1000"));
        double warmup = Double.parseDouble(opts.getOrDefault("warmup", String.valueOf(Math.min(60, minutes * 60 / 5))));
        int connections = Integer.parseInt(opts.getOrDefault("connections", "8"));
        int clients = Integer.parseInt(opts.getOrDefault("clients", "4"));
        int restarts = Integer.parseInt(opts.getOrDefault("restarts", "3"));
        if (minutes <= 0 || minutes > 120 || rate <= 0 || rate > 20_000 || warmup < 0 || warmup > 600
                || connections < 1 || clients < 1 || clients > 32 || restarts < 1 || restarts > 20) {
            throw new IllegalArgumentException("Out of range: --minutes in (0, 120], --rate in (0, 20000], --warmup in"
                    + " [0, 600] s, --connections >= 1, --clients in [1, 32], --restarts in [1, 20]; got " + opts);
        }
        Path data = Path.of(opts.getOrDefault("data", "../shared/data/library-100k.sql"));
        Path out = Path.of(opts.getOrDefault("out", "benchmarks/results"));
        Path pgCtl = opts.containsKey("pg-ctl") ? Path.of(opts.get("pg-ctl")) : null;
        Path pgData = opts.containsKey("pg-data") ? Path.of(opts.get("pg-data")) : null;
        String command = opts.getOrDefault("command", "SoakBenchmark " + String.join(" ", args));
        String reportName = opts.getOrDefault("report", "soak.md");
        if (!reportName.matches("[A-Za-z0-9._-]+\\.md")) {
            throw new IllegalArgumentException("--report must be a file name ending in .md, got '" + reportName + "'");
        }
        Files.createDirectories(out);

        SoakDatabase db = SoakDatabase.open(data);
        List<PhaseResult> results = new ArrayList<>();
        List<String> appProperties = new ArrayList<>(List.of(
                "fraiseql.db.max-connections=" + connections, "fraiseql.db.min-idle=" + connections));
        // --app.KEY=VALUE reaches the app of phases 1 and 2, e.g. --app.fraiseql.graphql.execution=standard.
        opts.forEach((k, v) -> {
            if (k.startsWith("app.")) {
                appProperties.add(k.substring(4) + "=" + v);
            }
        });
        ConfigurableApplicationContext app = start(db, "fraiseql-soak", appProperties);
        try {
            String url = url(app);
            Workload workload = Workload.prepare(db, HttpClient.newHttpClient(), url, Workload.shares(opts.get("mix")));
            if (phase.equals("soak") || phase.equals("all")) {
                results.add(SoakPhase.run(db, url, workload, rate, minutes, warmup));
            }
            if (phase.equals("restart") || phase.equals("all")) {
                results.add(RestartPhase.run(db, url, workload, clients, restarts, pgCtl, pgData));
            }
            if (phase.equals("exhaustion") || phase.equals("all")) {
                results.add(ExhaustionPhase.run(db, workload));
            }
        } finally {
            app.close();
            db.removeCreatedBooks();
            if (db.server().isEmbedded()) {
                // Stopped here rather than by the shutdown hooks: after a restart the test support's hook and the
                // embedded server's own hook race, the deletion of the data directory fails half-way and leaves
                // hundreds of MB in target/.
                db.server().stopServer();
            }
        }
        String report = report(command, db, connections, appProperties, results);
        Files.writeString(out.resolve(reportName), report);
        System.out.println(report);
        boolean passed = results.stream().allMatch(PhaseResult::passed);
        System.out.println(passed ? "All phase rules held."
                : "A phase rule was VIOLATED; see " + out.resolve(reportName));
        System.exit(passed ? 0 : 1);
    }

    /** Starts the FraiseQL benchmark app on a free port of 127.0.0.1 with the given extra properties. */
    static ConfigurableApplicationContext start(SoakDatabase db, String name, List<String> properties) {
        List<String> all = new ArrayList<>(List.of(
                "fraiseql.db.url=" + db.postgresUrl(),
                "server.port=0",
                "server.address=127.0.0.1",
                "spring.application.name=" + name));
        all.addAll(properties);
        return new SpringApplicationBuilder(BenchmarkApplication.class).properties(all.toArray(String[]::new)).run();
    }

    static String url(ConfigurableApplicationContext ctx) {
        return "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port") + "/graphql";
    }

    private static String report(String command, SoakDatabase db, int connections, List<String> appProperties,
            List<PhaseResult> results) {
        StringBuilder md = new StringBuilder("# Sustained load and faults under load\n\n");
        md.append("Command: `").append(command).append("`  \n");
        md.append("Date: ").append(OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .withLocale(Locale.ROOT)).replaceFirst("\\.\\d+", "")).append("  \n");
        md.append(String.format(Locale.ROOT, "Setup: FraiseQL benchmark app in-process (fast path, default projection),"
                + " pool of %d connections for phases 1 and 2, Tomcat threads max 16, Java %s, heap max %d MiB,"
                + " %d CPUs shared with the load generator and PostgreSQL (%s), data: 100 000 books"
                + " (library-100k.sql).%n%n", connections, System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / 1048576, Runtime.getRuntime().availableProcessors(),
                db.server().isEmbedded() ? "embedded PostgreSQL 17" : "external server"));
        md.append("App properties of phases 1 and 2: `").append(String.join(" ", appProperties)).append("`\n\n");
        md.append("| phase | rule |\n|---|---|\n");
        for (PhaseResult r : results) {
            md.append("| ").append(r.name()).append(" | ").append(r.passed() ? "held" : "**VIOLATED**").append(" |\n");
        }
        md.append('\n');
        results.forEach(r -> md.append(r.markdown()));
        md.append("JVM input arguments: `")
                .append(String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())).append("`\n");
        return md.toString();
    }
}
