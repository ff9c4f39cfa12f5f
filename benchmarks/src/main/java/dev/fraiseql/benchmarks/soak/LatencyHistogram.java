package dev.fraiseql.benchmarks.soak;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** A fixed-size, thread-safe latency histogram in microseconds with about 1.6 % precision above 1 ms. */
final class LatencyHistogram {

    /** Below this many microseconds every value has its own bucket. */
    private static final int LINEAR = 1024;
    private static final int SUB_BUCKETS = 64;
    /** Up to 2^40 microseconds (12 days): anything longer is clamped, the recorded max stays exact. */
    private static final int MAX_EXPONENT = 40;

    // A fixed array rather than a list of samples: the soak judges heap growth of the same JVM, so the
    // measurement itself must not grow with the number of requests.
    private final AtomicLongArray counts = new AtomicLongArray(LINEAR + (MAX_EXPONENT - 10 + 1) * SUB_BUCKETS);
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong max = new AtomicLong();

    void record(long micros) {
        long v = Math.max(0, micros);
        counts.incrementAndGet(index(v));
        total.incrementAndGet();
        max.accumulateAndGet(v, Math::max);
    }

    long count() {
        return total.get();
    }

    long maxMicros() {
        return max.get();
    }

    /** The smallest recorded bucket value at or below which the given fraction of values lie. */
    long percentileMicros(double fraction) {
        long n = total.get();
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(fraction * n));
        long seen = 0;
        for (int i = 0; i < counts.length(); i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.min(valueOf(i), max.get());
            }
        }
        return max.get();
    }

    void addTo(LatencyHistogram other) {
        for (int i = 0; i < counts.length(); i++) {
            long c = counts.get(i);
            if (c != 0) {
                other.counts.addAndGet(i, c);
            }
        }
        other.total.addAndGet(total.get());
        other.max.accumulateAndGet(max.get(), Math::max);
    }

    static int index(long v) {
        if (v < LINEAR) {
            return (int) v;
        }
        int exponent = Math.min(MAX_EXPONENT, 63 - Long.numberOfLeadingZeros(v));
        long clamped = Math.min(v, (1L << (MAX_EXPONENT + 1)) - 1);
        int sub = (int) ((clamped >> (exponent - 6)) & (SUB_BUCKETS - 1));
        return LINEAR + (exponent - 10) * SUB_BUCKETS + sub;
    }

    static long valueOf(int index) {
        if (index < LINEAR) {
            return index;
        }
        int exponent = 10 + (index - LINEAR) / SUB_BUCKETS;
        int sub = (index - LINEAR) % SUB_BUCKETS;
        // The upper edge of the bucket, so a percentile is never reported lower than it was.
        return ((SUB_BUCKETS + sub + 1L) << (exponent - 6)) - 1;
    }
}
