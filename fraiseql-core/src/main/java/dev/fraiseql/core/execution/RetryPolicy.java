package dev.fraiseql.core.execution;

import java.time.Duration;

/** Temporary stand-in until the execution layer lands. */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {
}
