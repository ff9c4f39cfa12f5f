package dev.fraiseql.core.execution;

import dev.fraiseql.core.pool.PoolFactory;
import dev.fraiseql.core.pool.SlowStatementLog;
import javax.sql.DataSource;

/** Times the executor's statements into the pool's {@link SlowStatementLog}, so both log slow statements alike. */
final class StatementTimer {

    private final SlowStatementLog slowLog;

    private StatementTimer(SlowStatementLog slowLog) {
        this.slowLog = slowLog;
    }

    /**
     * The timer for an executor on the data source: off when FraiseQL's pool already times every statement run
     * through it, so that whatever the caller configured, each slow statement is logged once and only once.
     */
    static StatementTimer on(DataSource dataSource, ExecutorSettings settings) {
        boolean enabled = settings.performanceLog() && !PoolFactory.timesStatements(dataSource);
        return new StatementTimer(new SlowStatementLog(enabled, settings.performanceThreshold()));
    }

    /** Whether this timer logs anything. */
    boolean enabled() {
        return slowLog.enabled();
    }

    /** The start time to pass to {@link #stop}, or 0 when the log is off (no clock read on the hot path). */
    long start() {
        return slowLog.enabled() ? System.nanoTime() : 0L;
    }

    void stop(long start, String sql, long rows) {
        if (slowLog.enabled()) {
            slowLog.record(sql, System.nanoTime() - start, rows);
        }
    }
}
