package dev.fraiseql.core.pool;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The pool, which also stops its statistics logger when it is closed. */
final class FraiseqlDataSource extends HikariDataSource {

    private volatile PoolStatsLogger statsLogger;

    FraiseqlDataSource(HikariConfig config) {
        super(config);
    }

    void statsLogger(PoolStatsLogger statsLogger) {
        this.statsLogger = statsLogger;
    }

    @Override
    public void close() {
        PoolStatsLogger logger = statsLogger;
        if (logger != null) {
            logger.close();
        }
        super.close();
    }
}
