package dev.fraiseql.core.execution;

import java.time.Duration;

/** Temporary stand-in until the execution layer lands. */
public record ExecutorSettings(RetryPolicy retry, Duration queryTimeout, boolean performanceLog,
        Duration performanceThreshold) {
}
