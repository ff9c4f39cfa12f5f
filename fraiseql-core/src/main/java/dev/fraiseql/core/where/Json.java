package dev.fraiseql.core.where;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Writes filter values (maps, lists, strings, numbers, booleans) as JSON text for jsonb parameters. */
final class Json {

    private Json() {
    }

    static String write(Object value, CharSequence path) {
        StringBuilder sb = new StringBuilder();
        write(value, path, sb);
        return sb.toString();
    }

    private static void write(Object value, CharSequence path, StringBuilder sb) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof String s) {
            string(s, path, sb);
        } else if (value instanceof Boolean b) {
            sb.append(b.booleanValue());
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            sb.append(value);
        } else if (value instanceof BigDecimal d) {
            sb.append(d.toString());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw FilterException.invalidValue(path, value, "a finite number (JSON has no NaN or Infinity)");
            }
            sb.append(BigDecimal.valueOf(d).toString());
        } else if (value instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw FilterException.invalidValue(path, value, "a JSON object (keys must be strings)");
                }
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(key, path, sb);
                sb.append(':');
                write(e.getValue(), path, sb);
            }
            sb.append('}');
        } else if (value instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(list.get(i), path, sb);
            }
            sb.append(']');
        } else {
            throw FilterException.invalidValue(path, value, "a JSON value (got a " + value.getClass().getSimpleName() + ")");
        }
    }

    private static void string(String s, CharSequence path, StringBuilder sb) {
        Values.checkText(s, path);
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
