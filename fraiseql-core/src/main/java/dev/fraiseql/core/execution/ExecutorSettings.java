package dev.fraiseql.core.execution;

import dev.fraiseql.core.config.DbSettings;
import dev.fraiseql.core.error.RetryPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * How the {@link QueryExecutor} retries, names its timeout, logs slow statements and fetches rows.
 *
 * @param retry how transient failures are retried
 * @param queryTimeout the server-side {@code statement_timeout} the pool sets on every connection; the
 *     executor names it in {@code QUERY_TIMEOUT} messages ({@link Duration#ZERO} when unknown)
 * @param performanceLog whether statements slower than {@code performanceThreshold} are logged at WARN; on a FraiseQL
 *     pool that already logs them ({@link dev.fraiseql.core.pool.PoolFactory#timesStatements}) the executor leaves
 *     that to the pool, so a caller may pass the same switch to both
 * @param performanceThreshold the duration from which a statement counts as slow
 * @param fetchSize rows fetched per round trip while streaming, so a large result never sits in memory whole
 */
public record ExecutorSettings(RetryPolicy retry, Duration queryTimeout, boolean performanceLog,
        Duration performanceThreshold, int fetchSize) {

    /** Rows per round trip when streaming: large enough to amortise the round trip, small enough to stay in cache. */
    public static final int DEFAULT_FETCH_SIZE = 256;

    /** The defaults: 3 retries from 100ms to 5s, a 30s timeout, no performance log, 100ms threshold. */
    public static final ExecutorSettings DEFAULT = new ExecutorSettings(RetryPolicy.DEFAULT,
            DbSettings.DEFAULT_QUERY_TIMEOUT, false, DbSettings.DEFAULT_PERFORMANCE_THRESHOLD);

    public ExecutorSettings {
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(queryTimeout, "queryTimeout");
        Objects.requireNonNull(performanceThreshold, "performanceThreshold");
        if (queryTimeout.isNegative()) {
            throw new IllegalArgumentException("queryTimeout must not be negative, was " + queryTimeout
                    + "; use 0 when the pool sets no statement timeout");
        }
        if (performanceThreshold.isNegative()) {
            throw new IllegalArgumentException("performanceThreshold must not be negative, was "
                    + performanceThreshold);
        }
        if (fetchSize < 1) {
            throw new IllegalArgumentException("fetchSize must be at least 1, was " + fetchSize
                    + "; rows are always streamed in batches of this size");
        }
    }

    /** Settings with the {@linkplain #DEFAULT_FETCH_SIZE default fetch size}. */
    public ExecutorSettings(RetryPolicy retry, Duration queryTimeout, boolean performanceLog,
            Duration performanceThreshold) {
        this(retry, queryTimeout, performanceLog, performanceThreshold, DEFAULT_FETCH_SIZE);
    }

    /** These settings with another retry policy. */
    public ExecutorSettings withRetry(RetryPolicy retry) {
        return new ExecutorSettings(retry, queryTimeout, performanceLog, performanceThreshold, fetchSize);
    }

    /** These settings with another statement timeout. */
    public ExecutorSettings withQueryTimeout(Duration queryTimeout) {
        return new ExecutorSettings(retry, queryTimeout, performanceLog, performanceThreshold, fetchSize);
    }

    /** These settings with the performance log switched on at the given threshold. */
    public ExecutorSettings withPerformanceLog(Duration threshold) {
        return new ExecutorSettings(retry, queryTimeout, true, threshold, fetchSize);
    }

    /** These settings with another fetch size. */
    public ExecutorSettings withFetchSize(int fetchSize) {
        return new ExecutorSettings(retry, queryTimeout, performanceLog, performanceThreshold, fetchSize);
    }
}
