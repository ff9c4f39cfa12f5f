package dev.fraiseql.core.error;

import java.time.Duration;
import java.util.Objects;

/**
 * How transient failures are retried: at most {@code maxRetries} retries, waiting
 * {@code initialBackoff} before the first and doubling each time, capped at {@code maxBackoff}.
 *
 * @param maxRetries retries after the first attempt; 0 disables retrying
 * @param initialBackoff the wait before the first retry
 * @param maxBackoff the longest wait between two attempts
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {

    /** The defaults of {@code fraiseql.db.max-retries}, {@code initial-backoff} and {@code max-backoff}. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(5));

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, was " + maxRetries
                    + "; use 0 to disable retrying");
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative()) {
            throw new IllegalArgumentException("initialBackoff must not be negative, was " + initialBackoff);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff (" + maxBackoff.toMillis()
                    + "ms) must not be less than initialBackoff (" + initialBackoff.toMillis()
                    + "ms); raise maxBackoff or lower initialBackoff");
        }
    }

    /** A policy that never retries. */
    public static RetryPolicy none() {
        return new RetryPolicy(0, Duration.ZERO, Duration.ZERO);
    }

    /**
     * The wait before retry number {@code retry + 1}: {@code initialBackoff * 2^retry}, capped at
     * {@code maxBackoff}.
     *
     * @param retry 0 for the first retry, 1 for the second, and so on
     */
    public Duration backoff(int retry) {
        if (retry < 0) {
            throw new IllegalArgumentException("retry must be 0 or more, was " + retry);
        }
        if (initialBackoff.isZero()) {
            return Duration.ZERO;
        }
        // 2^retry overflows long nanos long before 63 doublings; anything that large is capped anyway.
        if (retry >= 62) {
            return maxBackoff;
        }
        long factor = 1L << retry;
        long maxNanos = maxBackoff.toNanos();
        long initialNanos = initialBackoff.toNanos();
        if (initialNanos > maxNanos / factor) {
            return maxBackoff;
        }
        return Duration.ofNanos(initialNanos * factor);
    }

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {

        /** Sleeps on the current thread for real. */
        Sleeper THREAD_SLEEP = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

        /** Waits for the given time. */
        void sleep(Duration duration) throws InterruptedException;
    }
}
