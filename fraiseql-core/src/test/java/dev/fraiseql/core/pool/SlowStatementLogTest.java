package dev.fraiseql.core.pool;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;


class SlowStatementLogTest {

    @Test
    void statementsSlowerThanTheThresholdAreLoggedAtWarnOnOneLine() {
        try (LogCapture log = new LogCapture(SlowStatementLog.class)) {
            SlowStatementLog slow = new SlowStatementLog(true, Duration.ofMillis(100));
            slow.record("SELECT data\n  FROM v_book\n WHERE id = ?", 250_400_000L);
            slow.record("SELECT 1", 100_000_000L);
            slow.record("SELECT 2", 99_000_000L);
            assertThat(log.lines()).containsExactly(
                    "WARN Slow SQL statement: 250 ms (threshold 100 ms): SELECT data FROM v_book WHERE id = ?");
        }
    }

    @Test
    void theRowCountIsLoggedWhenTheCallerKnowsIt() {
        try (LogCapture log = new LogCapture(SlowStatementLog.class)) {
            new SlowStatementLog(true, Duration.ofMillis(100)).record("SELECT data FROM tv_book", 240_000_000L, 1000);
            assertThat(log.lines()).containsExactly(
                    "WARN Slow SQL statement: 240 ms (threshold 100 ms), 1000 rows: SELECT data FROM tv_book");
        }
    }

    @Test
    void nothingIsLoggedWhenTheLogIsOff() {
        try (LogCapture log = new LogCapture(SlowStatementLog.class)) {
            SlowStatementLog slow = new SlowStatementLog(false, Duration.ZERO);
            slow.record("SELECT pg_sleep(1)", 1_000_000_000L);
            assertThat(slow.enabled()).isFalse();
            assertThat(log.lines()).isEmpty();
        }
    }

    @Test
    void veryLongStatementsAreShortened() {
        try (LogCapture log = new LogCapture(SlowStatementLog.class)) {
            new SlowStatementLog(true, Duration.ZERO).record("x".repeat(2500), 1_000_000L);
            assertThat(log.lines()).containsExactly(
                    "WARN Slow SQL statement: 1 ms (threshold 0 ms): " + "x".repeat(2000) + "...");
        }
    }
}
