package dev.fraiseql.core.query;

import dev.fraiseql.core.schema.FieldDef;
import dev.fraiseql.core.schema.ScalarKind;

/**
 * An aggregate function over one field of the rows of a group, with the fields it accepts and the kind of its answer.
 *
 * <p>Money-like values are summed and averaged without binary rounding: a {@code Float} field is added up as
 * PostgreSQL {@code numeric} (exact decimal) and only the total is turned into a double, so {@code 0.1 + 0.2} answers
 * {@code 0.3}; a {@code Decimal} field stays {@code numeric} throughout.
 */
public enum Aggregate {
    /** {@code count(DISTINCT x)}: distinct non-null values. */
    COUNT_DISTINCT("countDistinct", "count_distinct"),
    /** {@code sum(x)} of non-null values, null when there are none. */
    SUM("sum", "sum"),
    /** {@code avg(x)} of non-null values, null when there are none. */
    AVG("avg", "avg"),
    /** {@code min(x)}, null when there is no non-null value. */
    MIN("min", "min"),
    /** {@code max(x)}, null when there is no non-null value. */
    MAX("max", "max");

    private final String graphQlName;
    private final String jsonKey;

    Aggregate(String graphQlName, String jsonKey) {
        this.graphQlName = graphQlName;
        this.jsonKey = jsonKey;
    }

    /** The name of the aggregate in GraphQL ({@code countDistinct}, {@code sum}, ...). */
    public String graphQlName() {
        return graphQlName;
    }

    /** The key of the aggregate's object in the JSON of a group ({@code count_distinct}, {@code sum}, ...). */
    public String jsonKey() {
        return jsonKey;
    }

    /** Whether values of {@code field} can be grouped and counted distinctly: a single scalar that has an equality. */
    public static boolean groupable(FieldDef field) {
        ScalarKind kind = field.scalar();
        return kind != null && !field.list() && kind != ScalarKind.JSON && kind != ScalarKind.TSVECTOR;
    }

    /** Whether this aggregate applies to {@code field}. */
    public boolean accepts(FieldDef field) {
        if (!groupable(field)) {
            return false;
        }
        ScalarKind kind = field.scalar();
        return switch (this) {
            case COUNT_DISTINCT -> true;
            case SUM, AVG -> kind.isNumeric();
            case MIN, MAX -> kind.isNumeric() || kind == ScalarKind.STRING || kind == ScalarKind.DATE
                    || kind == ScalarKind.DATETIME || kind == ScalarKind.TIME;
        };
    }

    /**
     * The kind of the answer for {@code field}: count distinct an {@code INT}; the sum of an {@code INT} or
     * {@code BIGINT} a {@code BIGINT} (it cannot overflow 64 bits for fewer than 2^32 rows of 32-bit values); an
     * average a {@code FLOAT} (a {@code DECIMAL} for a {@code DECIMAL}); min and max the field's own kind.
     */
    public ScalarKind resultKind(FieldDef field) {
        ScalarKind kind = field.scalar();
        return switch (this) {
            case COUNT_DISTINCT -> ScalarKind.INT;
            case SUM -> kind == ScalarKind.INT || kind == ScalarKind.BIGINT ? ScalarKind.BIGINT : kind;
            case AVG -> kind == ScalarKind.DECIMAL ? ScalarKind.DECIMAL : ScalarKind.FLOAT;
            case MIN, MAX -> kind;
        };
    }
}
