package dev.fraiseql.core.pool;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs the pool's connection counts at INFO every {@code pool-stats-interval}, on one daemon thread. */
public final class PoolStatsLogger implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PoolStatsLogger.class);

    private final HikariDataSource dataSource;
    private final ScheduledExecutorService scheduler;

    private PoolStatsLogger(HikariDataSource dataSource, Duration interval) {
        this.dataSource = dataSource;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, dataSource.getPoolName() + "-stats");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, interval.toMillis());
        scheduler.scheduleAtFixedRate(this::logOnce, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts logging the pool's statistics every {@code interval}.
     *
     * @throws IllegalArgumentException if the interval is zero or negative (zero means off: don't call this)
     */
    public static PoolStatsLogger start(HikariDataSource dataSource, Duration interval) {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("pool-stats-interval must be positive to log statistics, was "
                    + interval);
        }
        return new PoolStatsLogger(dataSource, interval);
    }

    /** The line logged each interval, e.g. {@code Pool fraiseql: total=5, active=1, idle=4, waiting=0, max=20}. */
    public static String describe(HikariDataSource dataSource) {
        HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
        if (pool == null) {
            return "Pool " + dataSource.getPoolName() + ": not started";
        }
        return "Pool " + dataSource.getPoolName() + ": total=" + pool.getTotalConnections() + ", active="
                + pool.getActiveConnections() + ", idle=" + pool.getIdleConnections() + ", waiting="
                + pool.getThreadsAwaitingConnection() + ", max=" + dataSource.getMaximumPoolSize();
    }

    void logOnce() {
        if (!dataSource.isClosed()) {
            log.info(describe(dataSource));
        }
    }

    /** Stops the thread; the pool closes it too. */
    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
