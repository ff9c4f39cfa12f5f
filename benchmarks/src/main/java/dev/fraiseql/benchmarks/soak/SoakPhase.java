package dev.fraiseql.benchmarks.soak;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/** Phase 1: the mixed workload at a constant rate for minutes, every answer checked, heap after GC sampled. */
final class SoakPhase {

    static final int HEAP_INTERVAL_SECONDS = 30;
    /** A send this far behind its due time means the server did not keep up with the rate. */
    static final double MAX_SEND_LAG_SECONDS = 1;
    private static final String MARKER = "soak-load-";

    private SoakPhase() {
    }

    static PhaseResult run(SoakDatabase db, String url, Workload workload, double rate, double minutes,
            double warmupSeconds) throws Exception {
        ExecutorService executor = OpenLoopLoad.executor();
        HttpClient http = OpenLoopLoad.client(executor);
        StringBuilder md = new StringBuilder("## 1. Soak: constant-rate mixed workload\n\n");
        boolean passed = true;
        try {
            Map<Workload.Kind, double[]> serviceTimes = serviceTimes(http, url, workload);
            // The warm-up climbs to the rate in three equal steps (a quarter, a half, all of it): starting at the full
            // rate made a cold JIT build a backlog that the first measured minute was still working off.
            OpenLoopLoad.Result warm = null;
            long warmErrors = 0;
            List<String> warmErrorSamples = new ArrayList<>();
            for (double share : new double[] {0.25, 0.5, 1.0}) {
                double stepSeconds = warmupSeconds / 3;
                System.out.printf(Locale.ROOT, "soak: warm-up %.0f s at %.0f req/s%n", stepSeconds, rate * share);
                warm = OpenLoopLoad.run(http, url, workload, rate * share, stepSeconds,
                        (int) Math.max(1, Math.ceil(stepSeconds)), MARKER, 1L);
                warmErrors += warm.errors();
                warmErrorSamples.addAll(warm.errorSamples());
            }
            db.removeCreatedBooks();
            System.out.printf(Locale.ROOT, "soak: %.1f min at %.0f req/s%n", minutes, rate);
            OpenLoopLoad.Result run;
            List<HeapSampler.Sample> heap;
            try (HeapSampler sampler = new HeapSampler(HEAP_INTERVAL_SECONDS)) {
                run = OpenLoopLoad.run(http, url, workload, rate, minutes * 60, 60, MARKER, 2L);
                sampler.sample();
                heap = sampler.samples();
            }
            db.removeCreatedBooks();

            md.append(String.format(Locale.ROOT, "Constant-rate generator (Java HttpClient, 4 client threads, at most"
                    + " %d requests in flight): request i is due at start + i/%.0f s; latency is measured from that due"
                    + " time to the last byte of the answer, so a stall on the server side is not hidden by a waiting"
                    + " client (no coordinated omission). Mix: %s."
                    + " Every answer must be HTTP 200 with `data` and no `errors` (a mutation: the"
                    + " `CreateBookSuccess` member). Warm-up first: %.0f s climbing to the rate in three equal steps (a"
                    + " quarter, a half, the whole rate); its last step is reported apart.%n%n",
                    OpenLoopLoad.MAX_IN_FLIGHT, rate, mix(workload), warmupSeconds));
            md.append("Service time at rest (one request at a time, after 10 unmeasured ones; median and max of "
                    + PROBES + "), to read the capacity the rate asks for:\n\n| request | median ms | max ms |\n"
                    + "|---|---:|---:|\n");
            serviceTimes.forEach((k, t) -> md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f |%n", k.label,
                    t[0], t[1])));
            md.append('\n');
            md.append(String.format(Locale.ROOT, "Warm-up, last step at the full rate: %d requests, p50 %s, p99 %s,"
                    + " max %s; errors over the whole warm-up %d.%n%n", warm.scheduled(),
                    ms(warm.all().percentileMicros(0.5)), ms(warm.all().percentileMicros(0.99)),
                    ms(warm.all().maxMicros()), warmErrors));
            boolean sustained = run.maxSendLagNanos() <= MAX_SEND_LAG_SECONDS * 1e9;
            md.append(String.format(Locale.ROOT, "Measured: %d requests scheduled over %.1f min, %d sent and"
                    + " answered, %.0f good answers/s (start to last answer); sends more than 10 ms behind schedule"
                    + " (waiting for one of the %d"
                    + " slots, or for the CPU): %d; the furthest behind: %.2f s, so the rate was **%s** (at most"
                    + " %.0f s behind allowed). Percentiles cover the requests sent; one never sent counts as an"
                    + " error.%n%n", run.scheduled(), minutes, run.all().count(), run.good() / run.seconds(),
                    OpenLoopLoad.MAX_IN_FLIGHT, run.lateSendsOver10ms(), run.maxSendLagNanos() / 1e9,
                    sustained ? "sustained" : "NOT sustained", MAX_SEND_LAG_SECONDS));
            if (!sustained) {
                passed = false;
            }
            md.append("| minute (by due time) | requests due | p50 ms | p99 ms | max ms | errors |\n"
                    + "|---:|---:|---:|---:|---:|---:|\n");
            for (int i = 0; i < run.intervals().size(); i++) {
                OpenLoopLoad.Interval in = run.intervals().get(i);
                md.append(String.format(Locale.ROOT, "| %d | %d | %s | %s | %s | %d |%n", i + 1, in.sent.get(),
                        ms(in.latency.percentileMicros(0.5)), ms(in.latency.percentileMicros(0.99)),
                        ms(in.latency.maxMicros()), in.errors.get()));
            }
            md.append(String.format(Locale.ROOT, "| **all** | %d | %s | **%s** | %s | **%d** |%n%n", run.scheduled(),
                    ms(run.all().percentileMicros(0.5)), ms(run.all().percentileMicros(0.99)),
                    ms(run.all().maxMicros()), run.errors()));
            md.append("| request | count | p50 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|\n");
            for (Map.Entry<Workload.Kind, LatencyHistogram> e : run.byKind().entrySet()) {
                LatencyHistogram h = e.getValue();
                md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s |%n", e.getKey().label, h.count(),
                        ms(h.percentileMicros(0.5)), ms(h.percentileMicros(0.99)), ms(h.maxMicros())));
            }
            md.append('\n');
            long errors = warmErrors + run.errors();
            if (errors > 0) {
                passed = false;
                md.append("Errors (first ones):\n\n");
                warmErrorSamples.forEach(s -> md.append("* warm-up: `").append(s).append("`\n"));
                run.errorSamples().forEach(s -> md.append("* `").append(s).append("`\n"));
                md.append('\n');
            }

            md.append(String.format(Locale.ROOT, "Heap used right after a forced full GC (`System.gc()`, app and load"
                    + " generator share the JVM; the generator's memory is fixed-size), every %d s and at the end:%n%n",
                    HEAP_INTERVAL_SECONDS));
            md.append("| at s | heap after GC MiB | GC pause ms |\n|---:|---:|---:|\n");
            for (HeapSampler.Sample s : heap) {
                md.append(String.format(Locale.ROOT, "| %.0f | %.1f | %.0f |%n", s.seconds(), s.usedMib(),
                        s.gcMillis()));
            }
            Boolean flat = HeapSampler.flat(heap);
            md.append(String.format(Locale.ROOT, "%nTrend: %+.2f MiB/min, %+.1f MiB over the run (allowed %.1f MiB);"
                    + " rule: %s. Verdict: **%s**.%n%n", HeapSampler.slopeMibPerMinute(heap),
                    HeapSampler.growthMib(heap), HeapSampler.allowedGrowthMib(heap), HeapSampler.describeRule(),
                    flat == null ? "not judged, too few samples (run longer)" : flat ? "flat" : "GROWING"));
            if (Boolean.FALSE.equals(flat)) {
                passed = false;
            }
            md.append(String.format(Locale.ROOT, "Rule: the rate sustained, 0 errors (warm-up included) and a flat"
                    + " heap after GC: **%s**"
                    + " (%d errors).%n%n", passed ? "held" : "VIOLATED", errors));
            System.out.printf(Locale.ROOT, "soak: %d requests, p99 %s ms, errors %d, heap %s%n", run.all().count(),
                    ms(run.all().percentileMicros(0.99)), errors, flat);
        } finally {
            OpenLoopLoad.shutdown(executor);
        }
        return new PhaseResult("soak", passed, md.toString());
    }

    static final int PROBES = 20;

    /** Median and max of sequential requests of each kind, so a run's latencies can be read against them. */
    private static Map<Workload.Kind, double[]> serviceTimes(HttpClient http, String url, Workload workload) {
        Map<Workload.Kind, double[]> out = new java.util.EnumMap<>(Workload.Kind.class);
        java.util.Random random = new java.util.Random(3);
        for (Workload.Kind k : Workload.Kind.values()) {
            double[] ms = new double[PROBES];
            for (int i = -10; i < PROBES; i++) {
                Http.Answer a = Http.post(http, url, workload.body(k, random, MARKER),
                        java.time.Duration.ofSeconds(30));
                if (i >= 0) {
                    ms[i] = a.millis();
                }
            }
            java.util.Arrays.sort(ms);
            out.put(k, new double[] {ms[PROBES / 2], ms[PROBES - 1]});
        }
        return out;
    }

    private static String mix(Workload workload) {
        StringBuilder s = new StringBuilder();
        for (Workload.Kind k : Workload.Kind.values()) {
            s.append(s.length() == 0 ? "" : ", ").append(Math.round(workload.share(k) * 100)).append(" % ")
                    .append(k.label);
        }
        return s.toString();
    }

    static String ms(long micros) {
        return String.format(Locale.ROOT, micros >= 100_000 ? "%.0f" : "%.1f", micros / 1000.0);
    }
}
