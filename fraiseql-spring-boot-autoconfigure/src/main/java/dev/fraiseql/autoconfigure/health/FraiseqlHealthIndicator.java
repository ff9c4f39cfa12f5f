package dev.fraiseql.autoconfigure.health;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports whether the database answers through the pool, with the pool's connection counts and no secrets.
 */
public class FraiseqlHealthIndicator extends AbstractHealthIndicator {

    private static final int VALIDATION_TIMEOUT_SECONDS = 5;

    private final DataSource dataSource;

    public FraiseqlHealthIndicator(DataSource dataSource) {
        super("FraiseQL database health check failed");
        this.dataSource = dataSource;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        try (Connection connection = this.dataSource.getConnection()) {
            if (connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                builder.up();
            } else {
                builder.down().withDetail("error", "the connection did not answer within "
                        + VALIDATION_TIMEOUT_SECONDS + "s");
            }
        } catch (SQLException e) {
            builder.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        poolDetails(builder);
    }

    private void poolDetails(Health.Builder builder) {
        HikariDataSource hikari = unwrapHikari();
        if (hikari == null) {
            return;
        }
        builder.withDetail("pool", hikari.getPoolName());
        builder.withDetail("max", hikari.getMaximumPoolSize());
        HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
        if (pool != null) {
            builder.withDetail("total", pool.getTotalConnections())
                    .withDetail("active", pool.getActiveConnections())
                    .withDetail("idle", pool.getIdleConnections())
                    .withDetail("waiting", pool.getThreadsAwaitingConnection());
        }
    }

    private HikariDataSource unwrapHikari() {
        if (this.dataSource instanceof HikariDataSource hikari) {
            return hikari;
        }
        try {
            return this.dataSource.isWrapperFor(HikariDataSource.class)
                    ? this.dataSource.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }
}
