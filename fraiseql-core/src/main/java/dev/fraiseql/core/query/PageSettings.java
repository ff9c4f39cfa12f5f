package dev.fraiseql.core.query;

/** Temporary stand-in until the SQL layer lands. */
public record PageSettings(int defaultLimit, int maxLimit) {
}
