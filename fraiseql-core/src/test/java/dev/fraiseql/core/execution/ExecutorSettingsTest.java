package dev.fraiseql.core.execution;

import dev.fraiseql.core.error.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


class ExecutorSettingsTest {

    @Test
    void theDefaultsMirrorTheDatabaseProperties() {
        assertThat(ExecutorSettings.DEFAULT).isEqualTo(new ExecutorSettings(
                new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(5)), Duration.ofSeconds(30), false,
                Duration.ofMillis(100), 256));
    }

    @Test
    void theFourArgumentConstructorUsesTheDefaultFetchSize() {
        ExecutorSettings settings = new ExecutorSettings(RetryPolicy.none(), Duration.ZERO, true, Duration.ZERO);

        assertThat(settings.fetchSize()).isEqualTo(ExecutorSettings.DEFAULT_FETCH_SIZE);
    }

    @Test
    void withersChangeOnlyTheirOwnComponent() {
        ExecutorSettings changed = ExecutorSettings.DEFAULT.withRetry(RetryPolicy.none())
                .withQueryTimeout(Duration.ofSeconds(2)).withPerformanceLog(Duration.ofMillis(5)).withFetchSize(10);

        assertThat(changed).isEqualTo(new ExecutorSettings(RetryPolicy.none(), Duration.ofSeconds(2), true,
                Duration.ofMillis(5), 10));
    }

    @Test
    void aNegativeQueryTimeoutIsRejectedWithTheFix() {
        assertThatThrownBy(() -> ExecutorSettings.DEFAULT.withQueryTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("queryTimeout must not be negative, was PT-1S; use 0 when the pool sets no statement timeout");
    }

    @Test
    void aNegativePerformanceThresholdIsRejected() {
        assertThatThrownBy(() -> ExecutorSettings.DEFAULT.withPerformanceLog(Duration.ofMillis(-5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("performanceThreshold must not be negative, was PT-0.005S");
    }

    @Test
    void aFetchSizeBelowOneIsRejected() {
        assertThatThrownBy(() -> ExecutorSettings.DEFAULT.withFetchSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fetchSize must be at least 1, was 0; rows are always streamed in batches of this size");
    }
}
