package dev.fraiseql.core.execution;

import dev.fraiseql.core.sql.SqlStatement;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Binds the parameters of a {@link SqlStatement} to a {@link PreparedStatement}, choosing the PostgreSQL
 * type from the Java type, lists and arrays included.
 */
public final class ParameterBinder {

    private ParameterBinder() {
    }

    /**
     * Binds every parameter, in order, from placeholder 1.
     *
     * @throws IllegalArgumentException for a value of a type that has no PostgreSQL counterpart here
     */
    public static void bind(PreparedStatement ps, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            bind(ps, i + 1, parameters.get(i));
        }
    }

    /** Binds one value to the placeholder at the 1-based index. */
    public static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null || value == SqlStatement.NullParameter.INSTANCE) {
            // Types.NULL lets PostgreSQL infer the type from the context, as for an untyped literal.
            ps.setNull(index, Types.NULL);
        } else if (value instanceof String) {
            ps.setString(index, (String) value);
        } else if (value instanceof Integer) {
            ps.setInt(index, (Integer) value);
        } else if (value instanceof Long) {
            ps.setLong(index, (Long) value);
        } else if (value instanceof Double) {
            ps.setDouble(index, (Double) value);
        } else if (value instanceof BigDecimal) {
            ps.setBigDecimal(index, (BigDecimal) value);
        } else if (value instanceof Boolean) {
            ps.setBoolean(index, (Boolean) value);
        } else if (value instanceof UUID || value instanceof LocalDate || value instanceof OffsetDateTime
                || value instanceof LocalDateTime || value instanceof LocalTime) {
            ps.setObject(index, value);
        } else if (value instanceof Instant) {
            // pgjdbc has no Instant mapping; an OffsetDateTime in UTC binds as timestamptz.
            ps.setObject(index, ((Instant) value).atOffset(ZoneOffset.UTC));
        } else if (value instanceof Short) {
            ps.setShort(index, (Short) value);
        } else if (value instanceof Float) {
            ps.setFloat(index, (Float) value);
        } else if (value instanceof BigInteger) {
            ps.setBigDecimal(index, new BigDecimal((BigInteger) value));
        } else if (value instanceof byte[]) {
            ps.setBytes(index, (byte[]) value);
        } else if (value instanceof List<?>) {
            bindArray(ps, index, (List<?>) value);
        } else if (value.getClass().isArray()) {
            bindArray(ps, index, arrayToList(value));
        } else {
            throw new IllegalArgumentException("Parameter " + index + " has type " + value.getClass().getName()
                    + ", which cannot be bound; use String, Integer, Long, Double, BigDecimal, Boolean, UUID, "
                    + "LocalDate, OffsetDateTime, Instant, a List or an array of those, or "
                    + "SqlStatement.NullParameter");
        }
    }

    private static void bindArray(PreparedStatement ps, int index, List<?> values) throws SQLException {
        String elementType = elementType(index, values);
        if (elementType == null) {
            // Empty or all-null: bound untyped ('{}' or '{NULL,...}') so PostgreSQL takes the
            // array type from the context, e.g. "id = ANY(?)" on a uuid column.
            StringBuilder literal = new StringBuilder("{");
            for (int i = 0; i < values.size(); i++) {
                literal.append(i == 0 ? "NULL" : ",NULL");
            }
            ps.setObject(index, literal.append('}').toString(), Types.OTHER);
            return;
        }
        Object[] elements = new Object[values.size()];
        for (int i = 0; i < elements.length; i++) {
            elements[i] = element(index, elementType, values.get(i));
        }
        Connection connection = ps.getConnection();
        ps.setArray(index, connection.createArrayOf(elementType, elements));
    }

    private static String elementType(int index, List<?> values) {
        String type = null;
        for (Object v : values) {
            if (v == null || v == SqlStatement.NullParameter.INSTANCE) {
                continue;
            }
            String t = scalarArrayType(index, v);
            if (type == null || type.equals(t)) {
                type = t;
            } else if (isNumeric(type) && isNumeric(t)) {
                type = "numeric";
            } else {
                throw new IllegalArgumentException("Parameter " + index + " is a list mixing " + type + " and " + t
                        + " elements; PostgreSQL arrays hold one element type, so pass one type per list");
            }
        }
        return type;
    }

    private static boolean isNumeric(String type) {
        return type.equals("int8") || type.equals("numeric");
    }

    private static String scalarArrayType(int index, Object v) {
        if (v instanceof String) {
            return "text";
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return "int8";
        } else if (v instanceof BigDecimal || v instanceof Double || v instanceof Float || v instanceof BigInteger) {
            return "numeric";
        } else if (v instanceof UUID) {
            return "uuid";
        } else if (v instanceof Boolean) {
            return "bool";
        } else if (v instanceof LocalDate) {
            return "date";
        } else if (v instanceof OffsetDateTime || v instanceof Instant) {
            return "timestamptz";
        }
        throw new IllegalArgumentException("Parameter " + index + " is a list with an element of type "
                + v.getClass().getName() + ", which cannot be an array element; use String, Integer, Long, "
                + "Double, BigDecimal, Boolean, UUID, LocalDate, OffsetDateTime or Instant elements");
    }

    private static Object element(int index, String type, Object v) {
        if (v == null || v == SqlStatement.NullParameter.INSTANCE) {
            return null;
        }
        switch (type) {
            case "int8":
                return ((Number) v).longValue();
            case "numeric":
                if (v instanceof BigDecimal) {
                    return v;
                }
                if (v instanceof BigInteger) {
                    return new BigDecimal((BigInteger) v);
                }
                if (v instanceof Double || v instanceof Float) {
                    double d = ((Number) v).doubleValue();
                    if (!Double.isFinite(d)) {
                        throw new IllegalArgumentException("Parameter " + index + " is a list of numbers holding " + v
                                + ", which a numeric[] array cannot hold; pass finite values only");
                    }
                    return new BigDecimal(v.toString());
                }
                return BigDecimal.valueOf(((Number) v).longValue());
            case "timestamptz":
                return v instanceof Instant ? ((Instant) v).atOffset(ZoneOffset.UTC) : v;
            default:
                return v;
        }
    }

    private static List<?> arrayToList(Object array) {
        int length = Array.getLength(array);
        List<Object> list = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            list.add(Array.get(array, i));
        }
        return list;
    }
}
