package dev.fraiseql.benchmarks.soak;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Phase 2: a stream of book-creating mutations with unique titles while PostgreSQL is restarted in fast mode;
 * afterwards every mutation the client saw succeed must be stored exactly once and every failed one not at all,
 * and reads must come back within the goal.
 */
final class RestartPhase {

    static final String MARKER = "soak-restart-";
    static final double RECOVERY_GOAL_SECONDS = 5;
    private static final int MAX_MUTATIONS_PER_CLIENT = 5000;
    private static final Duration MUTATION_TIMEOUT = Duration.ofSeconds(60);
    private static final long READ_PERIOD_MS = 100;
    private static final double BEFORE_SECONDS = 3;
    private static final double AFTER_SECONDS = 3;

    /** One mutation as the client saw it. */
    private record Mutation(String marker, Http.Answer answer, long sent, long done, boolean succeeded) {
    }

    /** One fast restart: when it began, when the server accepted connections again, when reads came back. */
    private record Restart(long begin, long end, long recovered) {

        double recoverySeconds() {
            return recovered < 0 ? Double.NaN : Math.max(0, recovered - end) / 1e9;
        }
    }

    /** One read of the 100 ms poll. */
    private record Read(long sent, long done, boolean ok, int status, String code, String failure) {
    }

    private RestartPhase() {
    }

    static PhaseResult run(SoakDatabase db, String url, Workload workload, int clients, int restartCount, Path pgCtl,
            Path pgData) throws Exception {
        StringBuilder md = new StringBuilder("## 2. PostgreSQL restarted fast in the middle of a mutation stream\n\n");
        if (!db.server().isEmbedded() && (pgCtl == null || pgData == null)) {
            md.append("Skipped: the server is external (FRAISEQL_TEST_DATABASE_URL) and no `--pg-ctl=PATH"
                    + " --pg-data=DIR` was given to restart it.\n\n");
            System.out.println("restart: skipped (external server, no --pg-ctl/--pg-data)");
            return new PhaseResult("restart", true, md.toString());
        }
        db.removeCreatedBooks();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<Mutation> mutations = Collections.synchronizedList(new ArrayList<>());
        List<Read> reads = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(clients);
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
        long t0 = System.nanoTime();
        List<Restart> restarts = new ArrayList<>();
        String how = "";
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(writers.submit(() -> {
                    for (int i = 0; i < MAX_MUTATIONS_PER_CLIENT && !stop.get(); i++) {
                        String marker = MARKER + UUID.randomUUID();
                        long sent = System.nanoTime();
                        Http.Answer a = Http.post(http, url, workload.create(marker), MUTATION_TIMEOUT);
                        mutations.add(new Mutation(marker, a, sent, System.nanoTime(),
                                Workload.good(Workload.Kind.MUTATION, a.status(), a.body())));
                    }
                }));
            }
            int[] n = {0};
            poller.scheduleAtFixedRate(() -> {
                long sent = System.nanoTime();
                http.sendAsync(Http.request(url, workload.lookup(n[0]++), Duration.ofSeconds(30)),
                        HttpResponse.BodyHandlers.ofString()).whenComplete((r, f) -> {
                            long done = System.nanoTime();
                            if (f != null) {
                                reads.add(new Read(sent, done, false, 0, null, f.toString()));
                            } else {
                                Http.Answer a = new Http.Answer(r.statusCode(), r.body(), done - sent, null);
                                reads.add(new Read(sent, done, a.isData(), a.status(), a.errorCode(),
                                        a.isData() ? null : a.describe()));
                            }
                        });
            }, 0, READ_PERIOD_MS, TimeUnit.MILLISECONDS);

            Thread.sleep((long) (BEFORE_SECONDS * 1000));
            for (int k = 0; k < restartCount; k++) {
                System.out.println("restart: restarting PostgreSQL (fast) with " + mutations.size()
                        + " mutations done");
                long begin = System.nanoTime();
                how = db.restartFast(pgCtl, pgData);
                long end = System.nanoTime();
                System.out.printf(Locale.ROOT, "restart: PostgreSQL back after %.2f s%n", (end - begin) / 1e9);
                // Wait for reads to come back (bounded), then keep the stream going before the next restart.
                long waitUntil = end + 30_000_000_000L;
                while (System.nanoTime() < waitUntil && recoveredAt(reads, end) < 0) {
                    Thread.sleep(50);
                }
                restarts.add(new Restart(begin, end, recoveredAt(reads, end)));
                Thread.sleep((long) (AFTER_SECONDS * 1000));
            }
            stop.set(true);
            poller.shutdown();
            for (Future<?> f : running) {
                f.get(MUTATION_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS);
            }
            // Answers to the last polls may still be on their way.
            long drain = System.nanoTime() + 35_000_000_000L;
            while (System.nanoTime() < drain && reads.size() < n[0]) {
                Thread.sleep(20);
            }
        } finally {
            stop.set(true);
            writers.shutdownNow();
            poller.shutdownNow();
        }

        Map<String, int[]> stored = db.titleCounts(MARKER);
        List<String> violations = new ArrayList<>();
        List<Mutation> failed = new ArrayList<>();
        int succeeded = 0;
        long slowestMutation = 0;
        for (Mutation m : mutations) {
            int[] counts = stored.getOrDefault(m.marker(), new int[2]);
            slowestMutation = Math.max(slowestMutation, m.done() - m.sent());
            if (m.succeeded()) {
                succeeded++;
                if (counts[0] != 1 || counts[1] != 1) {
                    violations.add("succeeded but stored " + counts[0] + "x in tb_book, " + counts[1] + "x in tv_book: "
                            + m.marker());
                }
            } else {
                failed.add(m);
                if (counts[0] != 0 || counts[1] != 0) {
                    violations.add("failed for the client (" + m.answer().describe() + ") but stored " + counts[0]
                            + "x in tb_book, " + counts[1] + "x in tv_book: " + m.marker());
                }
            }
            if (m.answer().status() == 500) {
                violations.add("HTTP 500 for a mutation: " + m.answer().describe());
            }
        }
        java.util.Set<String> sentMarkers = new java.util.HashSet<>();
        mutations.forEach(m -> sentMarkers.add(m.marker()));
        stored.keySet().stream().filter(k -> !sentMarkers.contains(k))
                .forEach(k -> violations.add("stored but never sent by this client: " + k));

        List<Read> sortedReads = new ArrayList<>(reads);
        sortedReads.sort((a, b) -> Long.compare(a.sent(), b.sent()));
        long failedReads = sortedReads.stream().filter(r -> !r.ok()).count();
        long failedAfterRecovery = 0;
        for (int k = 0; k < restarts.size(); k++) {
            Restart r = restarts.get(k);
            long nextBegin = k + 1 < restarts.size() ? restarts.get(k + 1).begin() : Long.MAX_VALUE;
            if (r.recovered() >= 0) {
                failedAfterRecovery += sortedReads.stream()
                        .filter(x -> !x.ok() && x.sent() >= r.recovered() && x.sent() < nextBegin).count();
            }
            if (r.recovered() < 0) {
                violations.add("restart " + (k + 1) + ": reads did not recover within 30 s of PostgreSQL being back");
            } else if (r.recoverySeconds() > RECOVERY_GOAL_SECONDS) {
                violations.add(String.format(Locale.ROOT, "restart %d: reads recovered after %.2f s, goal %.0f s",
                        k + 1, r.recoverySeconds(), RECOVERY_GOAL_SECONDS));
            }
        }
        Map<String, Integer> readFailures = new TreeMap<>();
        for (Read r : sortedReads) {
            if (!r.ok()) {
                readFailures.merge(r.code() != null ? "HTTP " + r.status() + ", " + r.code()
                        : r.status() == 0 ? "no answer: " + r.failure() : "HTTP " + r.status(), 1, Integer::sum);
                if (r.status() == 500) {
                    violations.add("HTTP 500 for a read: " + r.failure());
                }
            }
        }
        long maxReadNanos = sortedReads.stream().mapToLong(r -> r.done() - r.sent()).max().orElse(0);
        double worstRecovery = restarts.stream().mapToDouble(Restart::recoverySeconds).max().orElse(Double.NaN);
        if (failedAfterRecovery > 0) {
            violations.add(failedAfterRecovery + " reads failed after reads had recovered");
        }
        db.removeCreatedBooks();

        md.append(String.format(Locale.ROOT, "%d concurrent clients each send `createBook` with a unique title"
                + " `%s<uuid>` one after the other (client timeout %d s); a lookup read is sent every %d ms"
                + " independently. After %.0f s PostgreSQL is restarted (%s); the stream goes on until reads are"
                + " back, then %.0f s more; this %d times. Then tb_book and tv_book are counted by title.%n%n",
                clients, MARKER, MUTATION_TIMEOUT.toSeconds(), READ_PERIOD_MS, BEFORE_SECONDS, how, AFTER_SECONDS,
                restartCount));
        md.append("| measure | value |\n|---|---:|\n");
        for (int k = 0; k < restarts.size(); k++) {
            Restart r = restarts.get(k);
            md.append(String.format(Locale.ROOT, "| restart %d at %.1f s: took (stop begun to server accepting"
                    + " connections) / reads back after | %.2f s / %s |%n", k + 1, (r.begin() - t0) / 1e9,
                    (r.end() - r.begin()) / 1e9, r.recovered() < 0 ? "never" : String.format(Locale.ROOT, "%.2f s",
                            r.recoverySeconds())));
        }
        md.append(String.format(Locale.ROOT, "| mutations sent / succeeded / failed | %d / %d / %d |%n",
                mutations.size(), succeeded, failed.size()));
        md.append(String.format(Locale.ROOT, "| slowest mutation | %.0f ms |%n", slowestMutation / 1e6));
        md.append(String.format(Locale.ROOT, "| succeeded and stored exactly once (tb_book and tv_book) | %d of %d |%n",
                succeeded - violations.stream().filter(v -> v.startsWith("succeeded")).count(), succeeded));
        md.append(String.format(Locale.ROOT, "| failed and absent | %d of %d |%n",
                failed.size() - violations.stream().filter(v -> v.startsWith("failed")).count(), failed.size()));
        md.append(String.format(Locale.ROOT, "| reads sent / failed | %d / %d |%n", sortedReads.size(), failedReads));
        md.append(String.format(Locale.ROOT, "| slowest read | %.0f ms |%n", maxReadNanos / 1e6));
        md.append(String.format(Locale.ROOT, "| reads back, worst (server back to first good read) | %s |%n%n",
                restarts.isEmpty() || Double.isNaN(worstRecovery) ? "never"
                        : String.format(Locale.ROOT, "%.2f s (goal <= %.0f s)", worstRecovery, RECOVERY_GOAL_SECONDS)));
        if (!readFailures.isEmpty()) {
            md.append("Failed reads by answer: ");
            readFailures.forEach((k, v) -> md.append('`').append(k).append("` x").append(v).append("; "));
            md.append("\n\n");
        }
        if (!failed.isEmpty()) {
            md.append("Failed mutations (first 10):\n\n");
            failed.stream().limit(10).forEach(m -> md.append(String.format(Locale.ROOT,
                    "* sent %+.2f s from a restart's begin, %.0f ms: `%s`%n",
                    (m.sent() - nearestRestart(restarts, m.sent())) / 1e9, (m.done() - m.sent()) / 1e6,
                    m.answer().describe())));
            md.append('\n');
        }
        if (!violations.isEmpty()) {
            md.append("Violations (first 20):\n\n");
            violations.stream().limit(20).forEach(v -> md.append("* ").append(v.replace('|', '/')).append('\n'));
            md.append('\n');
        }
        boolean passed = violations.isEmpty();
        md.append(String.format(Locale.ROOT, "Rule: every mutation seen to succeed stored exactly once, every failed"
                + " one absent, no HTTP 500, reads back within %.0f s: **%s**.%n%n", RECOVERY_GOAL_SECONDS,
                passed ? "held" : "VIOLATED"));
        System.out.printf(Locale.ROOT,
                "restart: %d mutations (%d failed), reads back in %.2f s at worst, %d violations%n",
                mutations.size(), failed.size(), worstRecovery, violations.size());
        return new PhaseResult("restart", passed, md.toString());
    }

    /** The begin of the restart closest to the given time, so a failure can be placed relative to it. */
    private static long nearestRestart(List<Restart> restarts, long t) {
        return restarts.stream().mapToLong(Restart::begin).boxed()
                .min((a, b) -> Long.compare(Math.abs(a - t), Math.abs(b - t))).orElse(t);
    }

    /** When the first good read completed after the server was back, or -1 when none has yet. */
    private static long recoveredAt(List<Read> reads, long serverBack) {
        synchronized (reads) {
            return reads.stream().filter(r -> r.ok() && r.done() >= serverBack).mapToLong(Read::done).min().orElse(-1);
        }
    }
}
