package dev.fraiseql.core.schema;

/** The scalar types a field can hold, each with its PostgreSQL cast used for comparison and ordering. */
public enum ScalarKind {
    STRING("text"),
    INT("int"),
    BIGINT("bigint"),
    FLOAT("float8"),
    DECIMAL("numeric"),
    BOOLEAN("boolean"),
    /** GraphQL {@code ID}: an opaque string, compared as text. */
    ID("text"),
    UUID("uuid"),
    DATE("date"),
    DATETIME("timestamptz"),
    TIME("time"),
    ENUM("text"),
    JSON("jsonb"),
    INET("inet"),
    CIDR("cidr"),
    MACADDR("macaddr"),
    LTREE("ltree"),
    DATERANGE("daterange"),
    TSVECTOR("tsvector");

    private final String sqlType;

    ScalarKind(String sqlType) {
        this.sqlType = sqlType;
    }

    /** The PostgreSQL type name used in casts, for example {@code int} or {@code timestamptz}. */
    public String sqlType() {
        return sqlType;
    }

    /** Whether values of this kind are compared as they are stored as JSON text (no cast needed). */
    public boolean isText() {
        return this == STRING || this == ID || this == ENUM;
    }

    /** Whether values of this kind are numbers. */
    public boolean isNumeric() {
        return this == INT || this == BIGINT || this == FLOAT || this == DECIMAL;
    }
}
