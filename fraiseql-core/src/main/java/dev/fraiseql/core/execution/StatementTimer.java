package dev.fraiseql.core.execution;

import dev.fraiseql.core.pool.SlowStatementLog;

/** Times the executor's statements into the pool's {@link SlowStatementLog}, so both log slow statements alike. */
final class StatementTimer {

    private final SlowStatementLog slowLog;

    StatementTimer(ExecutorSettings settings) {
        this.slowLog = new SlowStatementLog(settings.performanceLog(), settings.performanceThreshold());
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
