package dev.fraiseql.benchmarks.soak;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the heap used right after a forced full GC, at a fixed interval, and judges whether it stays flat. The
 * app runs in this JVM, so a sample is the app's live set plus the load generator's, which is fixed-size.
 */
final class HeapSampler implements AutoCloseable {

    /** One sample: seconds since the start, MiB used after the GC, how long the GC took. */
    record Sample(double seconds, double usedMib, double gcMillis) {
    }

    /** Growth tolerated over the whole run, in MiB, or this fraction of the first sample if larger. */
    static final double FLAT_MIB = 16;
    static final double FLAT_FRACTION = 0.10;
    /** Fewer samples than this judge nothing: a line through two or three points is noise. */
    static final int MIN_SAMPLES = 4;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService timer;
    private final long start = System.nanoTime();

    HeapSampler(int intervalSeconds) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "soak-heap-sampler");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::sample, 0, intervalSeconds, TimeUnit.SECONDS);
    }

    /** Takes one sample now (also used for the last one, at the end of the run). */
    synchronized void sample() {
        long before = System.nanoTime();
        System.gc();
        long after = System.nanoTime();
        samples.add(new Sample((before - start) / 1e9, memory.getHeapMemoryUsage().getUsed() / 1048576.0,
                (after - before) / 1e6));
    }

    synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** Least-squares slope of the samples in MiB per minute. */
    static double slopeMibPerMinute(List<Sample> s) {
        int n = s.size();
        if (n < 2) {
            return 0;
        }
        double mx = s.stream().mapToDouble(Sample::seconds).average().orElse(0);
        double my = s.stream().mapToDouble(Sample::usedMib).average().orElse(0);
        double num = 0;
        double den = 0;
        for (Sample x : s) {
            num += (x.seconds() - mx) * (x.usedMib() - my);
            den += (x.seconds() - mx) * (x.seconds() - mx);
        }
        return den == 0 ? 0 : num / den * 60;
    }

    /** Whether the series is flat; null when there are too few samples to say. */
    static Boolean flat(List<Sample> s) {
        if (s.size() < MIN_SAMPLES) {
            return null;
        }
        return growthMib(s) <= allowedGrowthMib(s);
    }

    /** The growth the fitted line predicts over the whole series. */
    static double growthMib(List<Sample> s) {
        if (s.size() < 2) {
            return 0;
        }
        return slopeMibPerMinute(s) * (s.get(s.size() - 1).seconds() - s.get(0).seconds()) / 60;
    }

    static double allowedGrowthMib(List<Sample> s) {
        return Math.max(FLAT_MIB, FLAT_FRACTION * (s.isEmpty() ? 0 : s.get(0).usedMib()));
    }

    static String describeRule() {
        return String.format(Locale.ROOT, "flat when the least-squares line through the samples rises by at most"
                + " max(%.0f MiB, %.0f %% of the first sample) over the run, judged only with %d or more samples",
                FLAT_MIB, FLAT_FRACTION * 100, MIN_SAMPLES);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
