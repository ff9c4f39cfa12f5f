package dev.fraiseql.benchmarks.soak;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A constant-rate load generator in the manner of wrk2: request i is due at start + i / rate whatever happened to
 * the earlier ones, and its latency counts from that due time, so a stalled server cannot hide its stall by
 * slowing the client down (no coordinated omission). At most a fixed number of requests are in flight, like a
 * fixed set of connections; a request due while all are busy waits for one, and that wait counts too.
 */
final class OpenLoopLoad {

    /** An overloaded server should be seen queueing, not be buried under thousands of new connections. */
    static final int MAX_IN_FLIGHT = 64;
    /** Requests due longer ago than this are not sent any more but counted as errors, so a run always ends. */
    static final long MAX_BEHIND_NANOS = 60_000_000_000L;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_ERROR_SAMPLES = 10;

    /** What one interval (a minute) saw. */
    static final class Interval {
        final LatencyHistogram latency = new LatencyHistogram();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong sent = new AtomicLong();
    }

    /** The outcome of one run. */
    record Result(List<Interval> intervals, Map<Workload.Kind, LatencyHistogram> byKind, LatencyHistogram all,
            long errors, List<String> errorSamples, double seconds, long scheduled, long lateSendsOver10ms,
            long maxSendLagNanos, long good) {
    }

    private OpenLoopLoad() {
    }

    /**
     * Runs the load and returns when every request has been answered or timed out.
     *
     * @param intervalSeconds the length of each reported interval
     */
    static Result run(HttpClient http, String url, Workload workload, double rate, double seconds,
            int intervalSeconds, String markerPrefix, long seed) throws InterruptedException {
        long total = Math.max(1, Math.round(rate * seconds));
        int intervals = (int) Math.ceil(seconds / intervalSeconds);
        List<Interval> slots = new ArrayList<>();
        for (int i = 0; i < Math.max(1, intervals); i++) {
            slots.add(new Interval());
        }
        Map<Workload.Kind, LatencyHistogram> byKind = new EnumMap<>(Workload.Kind.class);
        for (Workload.Kind k : Workload.Kind.values()) {
            byKind.put(k, new LatencyHistogram());
        }
        AtomicLong errors = new AtomicLong();
        AtomicLong good = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();
        Semaphore permits = new Semaphore(MAX_IN_FLIGHT);
        List<String> samples = Collections.synchronizedList(new ArrayList<>());
        Random random = new Random(seed);
        double periodNanos = 1e9 / rate;
        long lateSends = 0;
        long maxLag = 0;
        long start = System.nanoTime() + 50_000_000L;
        for (long i = 0; i < total; i++) {
            long due = start + (long) (i * periodNanos);
            long now;
            while ((now = System.nanoTime()) < due) {
                LockSupport.parkNanos(due - now);
            }
            int slotIndex = (int) Math.min(slots.size() - 1, (due - start) / (intervalSeconds * 1_000_000_000L));
            Interval slot = slots.get(slotIndex);
            slot.sent.incrementAndGet();
            Workload.Kind kind = workload.pick(random);
            if (!permits.tryAcquire(Math.max(0, due + MAX_BEHIND_NANOS - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                fail(slot, errors, samples, kind + ": not sent, the generator fell " + MAX_BEHIND_NANOS / 1_000_000_000L
                        + " s behind with " + MAX_IN_FLIGHT + " requests in flight");
                continue;
            }
            inFlight.incrementAndGet();
            // Measured once a slot was free: waiting for one is client-side queueing, which the latency includes.
            long lag = System.nanoTime() - due;
            maxLag = Math.max(maxLag, lag);
            if (lag > 10_000_000L) {
                lateSends++;
            }
            http.sendAsync(Http.request(url, workload.body(kind, random, markerPrefix), REQUEST_TIMEOUT),
                    HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> {
                        long micros = (System.nanoTime() - due) / 1000;
                        inFlight.decrementAndGet();
                        permits.release();
                        slot.latency.record(micros);
                        byKind.get(kind).record(micros);
                        if (failure != null) {
                            fail(slot, errors, samples, kind + ": " + failure);
                        } else if (!Workload.good(kind, response.statusCode(), response.body())) {
                            fail(slot, errors, samples, kind + ": HTTP " + response.statusCode() + " "
                                    + Http.abbreviate(response.body(), 300));
                        } else {
                            good.incrementAndGet();
                        }
                    });
        }
        long deadline = System.nanoTime() + REQUEST_TIMEOUT.toNanos() + 10_000_000_000L;
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (inFlight.get() > 0) {
            errors.addAndGet(inFlight.get());
            samples.add(inFlight.get() + " requests never completed");
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        LatencyHistogram all = new LatencyHistogram();
        slots.forEach(s -> s.latency.addTo(all));
        return new Result(slots, byKind, all, errors.get(), List.copyOf(samples), elapsed, total, lateSends, maxLag,
                good.get());
    }

    private static void fail(Interval slot, AtomicLong errors, List<String> samples, String what) {
        slot.errors.incrementAndGet();
        errors.incrementAndGet();
        if (samples.size() < MAX_ERROR_SAMPLES) {
            samples.add(what.replace('\n', ' ').replace('|', '/'));
        }
    }

    /** An HTTP client for the load: its own small pool, so completions do not compete with the server's. */
    static HttpClient client(ExecutorService executor) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(executor).build();
    }

    static ExecutorService executor() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "soak-client-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    static void shutdown(ExecutorService executor) throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
