package dev.fraiseql.core.query;

/**
 * Page sizes: the limit used when a query gives none, and the largest limit (or first/last) a query may ask for.
 *
 * @param defaultLimit rows returned when no limit, first or last is given; at least 1
 * @param maxLimit the largest accepted limit, first or last; at least defaultLimit
 */
public record PageSettings(int defaultLimit, int maxLimit) {

    public PageSettings {
        if (defaultLimit < 1) {
            throw new IllegalArgumentException("defaultLimit must be at least 1, got " + defaultLimit);
        }
        if (maxLimit < defaultLimit) {
            throw new IllegalArgumentException("maxLimit (" + maxLimit + ") cannot be less than defaultLimit ("
                    + defaultLimit + "); raise maxLimit or lower defaultLimit");
        }
    }

    /** 100 rows by default, at most 1000. */
    public static PageSettings defaults() {
        return new PageSettings(100, 1000);
    }
}
