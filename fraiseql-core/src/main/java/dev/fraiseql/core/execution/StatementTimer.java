package dev.fraiseql.core.execution;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs statements slower than the performance threshold, with their SQL text but never their parameter values. */
final class StatementTimer {

    private static final Logger log = LoggerFactory.getLogger(StatementTimer.class);

    private final boolean enabled;
    private final long thresholdNanos;

    StatementTimer(ExecutorSettings settings) {
        this.enabled = settings.performanceLog();
        this.thresholdNanos = settings.performanceThreshold().toNanos();
    }

    /** The start time to pass to {@link #stop}, or 0 when the log is off (no clock read on the hot path). */
    long start() {
        return enabled ? System.nanoTime() : 0L;
    }

    void stop(long start, String sql, long rows) {
        if (!enabled) {
            return;
        }
        long elapsed = System.nanoTime() - start;
        if (elapsed >= thresholdNanos && log.isWarnEnabled()) {
            log.warn("Slow statement: {} ms (threshold {} ms), {} rows: {}", TimeUnit.NANOSECONDS.toMillis(elapsed),
                    TimeUnit.NANOSECONDS.toMillis(thresholdNanos), rows, sql);
        }
    }
}
