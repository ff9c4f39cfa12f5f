package dev.fraiseql.core.query;

/** A sort direction of {@code orderBy}, with PostgreSQL's defaults: ascending puts nulls last, descending first. */
public enum SortDirection {
    ASC(false, false),
    DESC(true, true),
    ASC_NULLS_FIRST(false, true),
    ASC_NULLS_LAST(false, false),
    DESC_NULLS_FIRST(true, true),
    DESC_NULLS_LAST(true, false);

    private final boolean descending;
    private final boolean nullsFirst;

    SortDirection(boolean descending, boolean nullsFirst) {
        this.descending = descending;
        this.nullsFirst = nullsFirst;
    }

    /** Whether larger values come first. */
    public boolean descending() {
        return descending;
    }

    /** Whether nulls come first (after PostgreSQL's default for plain ASC/DESC). */
    public boolean nullsFirst() {
        return nullsFirst;
    }

    /** The direction that reads the same order backwards. */
    public SortDirection reversed() {
        return of(!descending, !nullsFirst);
    }

    /** The SQL after the sort expression, for example {@code DESC} or {@code ASC NULLS FIRST}. */
    public String sql() {
        return switch (this) {
            case ASC -> "ASC";
            case DESC -> "DESC";
            case ASC_NULLS_FIRST -> "ASC NULLS FIRST";
            case ASC_NULLS_LAST -> "ASC NULLS LAST";
            case DESC_NULLS_FIRST -> "DESC NULLS FIRST";
            case DESC_NULLS_LAST -> "DESC NULLS LAST";
        };
    }

    static SortDirection of(boolean descending, boolean nullsFirst) {
        if (descending) {
            return nullsFirst ? DESC : DESC_NULLS_LAST;
        }
        return nullsFirst ? ASC_NULLS_FIRST : ASC;
    }
}
