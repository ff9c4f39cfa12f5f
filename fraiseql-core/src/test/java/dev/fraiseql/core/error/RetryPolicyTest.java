package dev.fraiseql.core.error;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


class RetryPolicyTest {

    @Test
    void backoffDoublesFromTheInitialBackoffAndIsCappedAtTheMaximum() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(5));

        List<Long> millis = new ArrayList<>();
        for (int retry = 0; retry < 10; retry++) {
            millis.add(policy.backoff(retry).toMillis());
        }

        assertThat(millis).containsExactly(100L, 200L, 400L, 800L, 1600L, 3200L, 5000L, 5000L, 5000L, 5000L);
    }

    @Test
    void theDefaultsAreThreeRetriesFrom100msCappedAt5s() {
        assertThat(RetryPolicy.DEFAULT).isEqualTo(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(5)));
    }

    @Test
    void veryLateRetriesAreCappedWithoutOverflow() {
        RetryPolicy policy = new RetryPolicy(Integer.MAX_VALUE, Duration.ofMillis(3), Duration.ofDays(365));

        assertThat(policy.backoff(40)).isEqualTo(Duration.ofDays(365));
        assertThat(policy.backoff(62)).isEqualTo(Duration.ofDays(365));
        assertThat(policy.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofDays(365));
        assertThat(policy.backoff(20)).isEqualTo(Duration.ofMillis(3L << 20));
    }

    @Test
    void noneNeverRetriesAndNeverWaits() {
        assertThat(RetryPolicy.none().maxRetries()).isZero();
        assertThat(RetryPolicy.none().backoff(0)).isEqualTo(Duration.ZERO);
    }

    @Test
    void aNegativeRetryCountIsRejectedWithTheFix() {
        assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ofMillis(100), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxRetries must be 0 or more, was -1; use 0 to disable retrying");
    }

    @Test
    void aMaximumBelowTheInitialBackoffIsRejectedWithBothValues() {
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBackoff (500ms) must not be less than initialBackoff (1000ms); "
                        + "raise maxBackoff or lower initialBackoff");
    }

    @Test
    void aNegativeInitialBackoffIsRejected() {
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofMillis(-1), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("initialBackoff must not be negative, was PT-0.001S");
    }

    @Test
    void aNegativeRetryNumberIsRejected() {
        assertThatThrownBy(() -> RetryPolicy.DEFAULT.backoff(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retry must be 0 or more, was -1");
    }
}
