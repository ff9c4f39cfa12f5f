package dev.fraiseql.core.schema;

import java.util.Locale;
import java.util.Optional;

/** The scalar types a field can hold, each with its PostgreSQL cast used for comparison and ordering. */
public enum ScalarKind {
    STRING("text"),
    INT("int"),
    BIGINT("bigint"),
    FLOAT("float8"),
    DECIMAL("numeric"),
    BOOLEAN("boolean"),
    /**
     * GraphQL {@code ID}: an opaque string, compared as text. A field backed by a real {@code uuid} column must be
     * declared {@link #UUID} instead, since PostgreSQL has no {@code uuid = text} operator.
     */
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

    /**
     * The kind matching a column's PostgreSQL type ({@code information_schema.columns.udt_name}, for example
     * {@code uuid}, {@code int4}, {@code timestamptz}), for fields backed by a real column; empty for other types.
     */
    public static Optional<ScalarKind> ofColumnType(String udtName) {
        if (udtName == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (udtName.toLowerCase(Locale.ROOT)) {
            case "text", "varchar", "bpchar", "name", "citext" -> STRING;
            case "int2", "int4" -> INT;
            case "int8" -> BIGINT;
            case "float4", "float8" -> FLOAT;
            case "numeric" -> DECIMAL;
            case "bool" -> BOOLEAN;
            case "uuid" -> UUID;
            case "date" -> DATE;
            case "timestamptz", "timestamp" -> DATETIME;
            case "time" -> TIME;
            case "json", "jsonb" -> JSON;
            case "inet" -> INET;
            case "cidr" -> CIDR;
            case "macaddr" -> MACADDR;
            case "ltree" -> LTREE;
            case "daterange" -> DATERANGE;
            case "tsvector" -> TSVECTOR;
            default -> null;
        });
    }

    /** Whether values of this kind are numbers. */
    public boolean isNumeric() {
        return this == INT || this == BIGINT || this == FLOAT || this == DECIMAL;
    }
}
