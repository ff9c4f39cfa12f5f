package dev.fraiseql.core.query;

import dev.fraiseql.core.where.FilterException;

/**
 * Page sizes: the limit used when a query gives none, and the largest limit (or first/last) a query may ask for.
 *
 * @param defaultLimit rows returned when no limit, first or last is given; at least 1
 * @param maxLimit the largest accepted limit, first or last; at least defaultLimit
 */
public record PageSettings(int defaultLimit, int maxLimit) {

    /** Rows a list returns when the query gives no limit, unless configured otherwise. */
    public static final int DEFAULT_LIMIT = 20;

    /** The largest limit (or first/last) a query may ask for, unless configured otherwise. */
    public static final int DEFAULT_MAX_LIMIT = 100;

    /** {@value #DEFAULT_LIMIT} rows by default, at most {@value #DEFAULT_MAX_LIMIT}. */
    public static final PageSettings DEFAULT = new PageSettings(DEFAULT_LIMIT, DEFAULT_MAX_LIMIT);

    public PageSettings {
        if (defaultLimit < 1) {
            throw new IllegalArgumentException("defaultLimit must be at least 1, got " + defaultLimit);
        }
        if (maxLimit < defaultLimit) {
            throw new IllegalArgumentException("maxLimit (" + maxLimit + ") cannot be less than defaultLimit ("
                    + defaultLimit + "); raise maxLimit or lower defaultLimit");
        }
    }

    /**
     * The rows (or groups) a page of {@code requested} holds: the default when null, else {@code requested} when it is
     * between 0 and the maximum.
     *
     * @param argument the argument's name for the error ({@code limit}, {@code first}, {@code last})
     * @throws FilterException for a negative size or one over the maximum
     */
    public int size(Integer requested, String argument) {
        if (requested == null) {
            return defaultLimit;
        }
        if (requested < 0) {
            throw new FilterException(argument, requested, "Invalid value for " + argument + ": " + requested
                    + " is negative; ask for 0 to " + maxLimit + " rows");
        }
        if (requested > maxLimit) {
            throw new FilterException(argument, requested, "Invalid value for " + argument + ": " + requested
                    + " exceeds the maximum page size " + maxLimit + "; ask for at most " + maxLimit
                    + " rows and fetch the next page");
        }
        return requested;
    }
}
