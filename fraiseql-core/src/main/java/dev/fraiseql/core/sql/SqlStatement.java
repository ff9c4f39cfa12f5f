package dev.fraiseql.core.sql;

import java.util.List;
import java.util.Objects;

/**
 * One SQL statement ready for JDBC: its text with {@code ?} placeholders and the values bound to them, in order.
 *
 * @param text the SQL text; JSONB operators that contain {@code ?} are written doubled ({@code ??})
 * @param parameters the bound values, one per placeholder
 */
public record SqlStatement(String text, List<Object> parameters) {

    public SqlStatement {
        Objects.requireNonNull(text, "text");
        Object[] values = parameters == null ? new Object[0] : parameters.toArray();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                values[i] = NullParameter.INSTANCE;
            }
        }
        parameters = List.of(values);
    }

    /** A statement without parameters. */
    public static SqlStatement of(String text) {
        return new SqlStatement(text, List.of());
    }

    /** Marker for a SQL NULL parameter, since {@link List#copyOf} rejects {@code null}. */
    public enum NullParameter {
        /** The only value. */
        INSTANCE
    }
}
