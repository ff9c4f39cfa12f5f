package dev.fraiseql.benchmarks.soak;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Phase 3: a two-connection pool held busy by requests blocked on a table lock; every further request must get
 * a GraphQL {@code SERVICE_UNAVAILABLE} error over HTTP 200 within about the connection timeout, never a 500.
 */
final class ExhaustionPhase {

    static final String MARKER = "soak-exhausted-";
    static final int POOL = 2;
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(1);
    /** Scheduling delay tolerated on a shared two-core machine, on top of the connection timeout. */
    static final Duration SLACK = Duration.ofMillis(500);
    private static final int WAVES = 2;
    private static final int PER_WAVE = 8;
    private static final int MUTATIONS_PER_WAVE = 2;

    /** A pool configuration to try. */
    private record Variant(String label, Integer maxRetries) {
    }

    /** One extra request and its answer. */
    private record Extra(String what, Http.Answer answer) {
    }

    private ExhaustionPhase() {
    }

    static PhaseResult run(SoakDatabase db, Workload workload) throws Exception {
        StringBuilder md = new StringBuilder("## 3. Pool exhaustion\n\n");
        md.append(String.format(Locale.ROOT, "A separate app with `fraiseql.db.max-connections=%d`,"
                + " `fraiseql.db.min-idle=%d`, `fraiseql.db.connection-timeout=%dms` (and `query-timeout=120s` so the"
                + " blocked requests outlive the test). A JDBC session takes `LOCK TABLE tv_book IN ACCESS EXCLUSIVE"
                + " MODE`; %d list requests then block inside PostgreSQL holding both pooled connections (checked in"
                + " `pg_stat_activity`). Then %d waves of %d concurrent extra requests (%d lookups/lists and %d"
                + " `createBook` mutations with a `%s<uuid>` title per wave). Each must answer HTTP 200 with"
                + " `errors[0].extensions.code` = `SERVICE_UNAVAILABLE` within connection-timeout + %d ms of"
                + " scheduling slack. Then the lock is released: the blocked requests must answer with data, a new"
                + " read must succeed, and no extra mutation may be stored.%n%n", POOL, POOL,
                CONNECTION_TIMEOUT.toMillis(), POOL, WAVES, PER_WAVE, PER_WAVE - MUTATIONS_PER_WAVE,
                MUTATIONS_PER_WAVE, MARKER, SLACK.toMillis()));
        boolean passed = true;
        for (Variant v : List.of(new Variant("default retries (`max-retries` 3, backoff 100 ms doubling)", null),
                new Variant("`fraiseql.db.max-retries=0`", 0))) {
            passed &= variant(db, workload, v, md);
        }
        md.append(String.format(Locale.ROOT, "Rule: every extra request answered HTTP 200 with SERVICE_UNAVAILABLE"
                + " within connection-timeout (+ slack), the blocked ones with data afterwards, nothing stored: **%s**."
                + "%n%n", passed ? "held" : "VIOLATED"));
        return new PhaseResult("exhaustion", passed, md.toString());
    }

    private static boolean variant(SoakDatabase db, Workload workload, Variant v, StringBuilder md) throws Exception {
        String app = "fraiseql-soak-exhaustion-" + (v.maxRetries() == null ? "default" : "r" + v.maxRetries());
        List<String> props = new ArrayList<>(List.of(
                "fraiseql.db.max-connections=" + POOL,
                "fraiseql.db.min-idle=" + POOL,
                "fraiseql.db.connection-timeout=" + CONNECTION_TIMEOUT.toMillis() + "ms",
                "fraiseql.db.query-timeout=120s",
                "fraiseql.db.application-name=" + app));
        if (v.maxRetries() != null) {
            props.add("fraiseql.db.max-retries=" + v.maxRetries());
        }
        List<String> violations = new ArrayList<>();
        List<Extra> extras = new ArrayList<>();
        List<Http.Answer> held = new ArrayList<>();
        Http.Answer after;
        db.removeCreatedBooks();
        ConfigurableApplicationContext ctx = SoakBenchmark.start(db, app, props);
        ExecutorService pool = Executors.newFixedThreadPool(PER_WAVE + POOL);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try {
            String url = SoakBenchmark.url(ctx);
            Http.Answer first = Http.post(http, url, workload.lookup(0), Duration.ofSeconds(30));
            if (!first.isData()) {
                violations.add("the app did not answer a read before the test: " + first.describe());
            }
            List<CompletableFuture<Http.Answer>> holders = new ArrayList<>();
            try (Connection locker = db.connect()) {
                locker.setAutoCommit(false);
                try (Statement s = locker.createStatement()) {
                    s.execute("LOCK TABLE tv_book IN ACCESS EXCLUSIVE MODE");
                }
                for (int i = 0; i < POOL; i++) {
                    int k = i;
                    holders.add(CompletableFuture.supplyAsync(
                            () -> Http.post(http, url, workload.list(k), Duration.ofSeconds(120)), pool));
                }
                long until = System.nanoTime() + 15_000_000_000L;
                int waiting = 0;
                while (System.nanoTime() < until && (waiting = db.sessionsWaitingOnLock(app)) < POOL) {
                    Thread.sleep(50);
                }
                if (waiting < POOL) {
                    violations.add("only " + waiting + " of " + POOL + " pooled connections blocked on the lock");
                }
                for (int wave = 0; wave < WAVES; wave++) {
                    List<CompletableFuture<Extra>> futures = new ArrayList<>();
                    for (int i = 0; i < PER_WAVE; i++) {
                        int k = wave * PER_WAVE + i;
                        String what;
                        String body;
                        if (i < MUTATIONS_PER_WAVE) {
                            what = "createBook";
                            body = workload.create(MARKER + java.util.UUID.randomUUID());
                        } else if (i % 2 == 0) {
                            what = "lookup";
                            body = workload.lookup(k);
                        } else {
                            what = "list";
                            body = workload.list(k);
                        }
                        futures.add(CompletableFuture.supplyAsync(
                                () -> new Extra(what, Http.post(http, url, body, Duration.ofSeconds(60))), pool));
                    }
                    for (CompletableFuture<Extra> f : futures) {
                        extras.add(f.get(90, TimeUnit.SECONDS));
                    }
                }
                locker.rollback();
            }
            for (CompletableFuture<Http.Answer> h : holders) {
                held.add(h.get(150, TimeUnit.SECONDS));
            }
            after = Http.post(http, url, workload.lookup(1), Duration.ofSeconds(30));
        } finally {
            pool.shutdownNow();
            ctx.close();
        }

        long limitNanos = CONNECTION_TIMEOUT.plus(SLACK).toNanos();
        int ok = 0;
        for (Extra e : extras) {
            Http.Answer a = e.answer();
            String code = a.errorCode();
            if (a.status() != 200 || !"SERVICE_UNAVAILABLE".equals(code)) {
                violations.add(e.what() + ": expected HTTP 200 with SERVICE_UNAVAILABLE, got " + a.describe());
            } else if (a.nanos() > limitNanos) {
                violations.add(String.format(Locale.ROOT, "%s: SERVICE_UNAVAILABLE after %.0f ms, limit %d ms",
                        e.what(), a.millis(), limitNanos / 1_000_000));
            } else {
                ok++;
            }
        }
        for (Http.Answer h : held) {
            if (!h.isData()) {
                violations.add("a request blocked on the lock did not answer with data once released: " + h.describe());
            }
        }
        if (!after.isData()) {
            violations.add("a read after the lock was released failed: " + after.describe());
        }
        db.titleCounts(MARKER).forEach((title, counts) -> violations.add("an extra createBook was stored although"
                + " the pool was exhausted: " + title + " (" + counts[0] + "x tb_book, " + counts[1] + "x tv_book)"));
        db.removeCreatedBooks();

        double[] ms = extras.stream().mapToDouble(e -> e.answer().millis()).sorted().toArray();
        md.append("### ").append(v.label()).append("\n\n");
        md.append(String.format(Locale.ROOT, "%d extra requests: %d answered SERVICE_UNAVAILABLE in time. Latency"
                + " min %.0f ms, median %.0f ms, max %.0f ms (connection-timeout %d ms, limit %d ms). Blocked"
                + " requests answered with data after the release: %d of %d. Read afterwards: %s.%n%n",
                extras.size(), ok, ms.length == 0 ? 0 : ms[0], ms.length == 0 ? 0 : ms[ms.length / 2],
                ms.length == 0 ? 0 : ms[ms.length - 1], CONNECTION_TIMEOUT.toMillis(), limitNanos / 1_000_000,
                held.stream().filter(Http.Answer::isData).count(), held.size(), after.isData() ? "data" : "FAILED"));
        if (v.maxRetries() == null) {
            md.append("An exhausted pool is not retried (docs/errors.md), so the default retries and none should"
                    + " answer alike, after one connection-timeout.\n\n");
        }
        md.append("| request | HTTP | extensions.code | ms | errors[0].message |\n|---|---:|---|---:|---|\n");
        for (Extra e : extras) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %.0f | `%s` |%n", e.what(), e.answer().status(),
                    e.answer().errorCode(), e.answer().millis(), Http.abbreviate(e.answer().errorMessage(), 160)
                    .replace('|', '/').replace('`', '\'')));
        }
        md.append('\n');
        if (!violations.isEmpty()) {
            md.append("Violations:\n\n");
            violations.stream().limit(20).forEach(x -> md.append("* ").append(x.replace('|', '/')).append('\n'));
            md.append('\n');
        }
        System.out.printf(Locale.ROOT, "exhaustion (%s): %d extras, %d in time, max %.0f ms, %d violations%n",
                v.label(), extras.size(), ok, ms.length == 0 ? 0 : ms[ms.length - 1], violations.size());
        return violations.isEmpty();
    }
}
