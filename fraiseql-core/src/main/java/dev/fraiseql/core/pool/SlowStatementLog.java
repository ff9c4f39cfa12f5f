package dev.fraiseql.core.pool;

import dev.fraiseql.core.config.DbSettings;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs, at WARN and without parameter values, statements that ran longer than the performance threshold.
 */
public final class SlowStatementLog {

    private static final Logger log = LoggerFactory.getLogger(SlowStatementLog.class);
    private static final int MAX_SQL_LENGTH = 2000;

    private final boolean enabled;
    private final Duration threshold;
    private final long thresholdNanos;

    /**
     * @param enabled whether anything is logged at all
     * @param threshold statements running longer than this are logged
     */
    public SlowStatementLog(boolean enabled, Duration threshold) {
        this.enabled = enabled;
        this.threshold = Objects.requireNonNull(threshold, "threshold");
        this.thresholdNanos = threshold.toNanos();
    }

    /** The log that {@code performance-log} and {@code performance-threshold} describe. */
    public static SlowStatementLog from(DbSettings settings) {
        return new SlowStatementLog(settings.performanceLog(), settings.performanceThreshold());
    }

    /** Whether statements are timed at all; callers may skip reading the clock when not. */
    public boolean enabled() {
        return enabled;
    }

    /** The duration above which a statement is logged. */
    public Duration threshold() {
        return threshold;
    }

    /**
     * Logs the statement if logging is on and it ran longer than the threshold.
     *
     * @param sqlText the SQL text with its {@code ?} placeholders (never the bound values)
     * @param nanos how long it ran
     */
    public void record(String sqlText, long nanos) {
        record(sqlText, nanos, -1);
    }

    /**
     * Logs the statement if logging is on and it ran longer than the threshold, with the rows it returned.
     *
     * @param sqlText the SQL text with its {@code ?} placeholders (never the bound values)
     * @param nanos how long it ran
     * @param rows how many rows it returned or changed, or a negative number when not known
     */
    public void record(String sqlText, long nanos, long rows) {
        if (enabled && nanos > thresholdNanos && log.isWarnEnabled()) {
            if (rows < 0) {
                log.warn("Slow SQL statement: {} ms (threshold {} ms): {}", nanos / 1_000_000,
                        threshold.toMillis(), shorten(sqlText));
            } else {
                log.warn("Slow SQL statement: {} ms (threshold {} ms), {} rows: {}", nanos / 1_000_000,
                        threshold.toMillis(), rows, shorten(sqlText));
            }
        }
    }

    private static String shorten(String sqlText) {
        if (sqlText == null) {
            return "(batch)";
        }
        String oneLine = sqlText.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_SQL_LENGTH ? oneLine : oneLine.substring(0, MAX_SQL_LENGTH) + "...";
    }
}
