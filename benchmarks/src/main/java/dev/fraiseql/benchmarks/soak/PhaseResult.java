package dev.fraiseql.benchmarks.soak;

/**
 * What one phase found: whether its rule held, and its section of the report.
 *
 * @param passed false when the phase's rule was violated (the script then exits non-zero)
 */
record PhaseResult(String name, boolean passed, String markdown) {
}
