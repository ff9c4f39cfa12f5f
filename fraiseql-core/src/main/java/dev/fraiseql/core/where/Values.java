package dev.fraiseql.core.where;

import dev.fraiseql.core.schema.ScalarKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks a filter value against its field's scalar kind and converts it to the Java value to bind.
 *
 * <p>Bound values are {@code String} (canonical text, cast in SQL), {@code Integer}, {@code Long}, {@code Double},
 * {@code BigDecimal} or {@code Boolean}; a bad value fails here with a {@link FilterException}, never in PostgreSQL.
 */
public final class Values {

    private static final Pattern BIGINT_PATTERN = Pattern.compile("[+-]?\\d{1,19}");
    private static final Pattern MAC_PATTERN = Pattern.compile(
            "[0-9a-fA-F]{2}([:-])[0-9a-fA-F]{2}(\\1[0-9a-fA-F]{2}){4}|[0-9a-fA-F]{12}|[0-9a-fA-F]{4}\\.[0-9a-fA-F]{4}\\.[0-9a-fA-F]{4}");
    private static final Pattern LTREE_PATTERN = Pattern.compile("([A-Za-z0-9_-]{1,1000}(\\.[A-Za-z0-9_-]{1,1000})*)?");
    private static final Pattern LQUERY_PATTERN = Pattern.compile("[A-Za-z0-9_\\-.*!|@%{},]{1,10000}");
    private static final Pattern DATERANGE_PATTERN = Pattern.compile(
            "empty|([\\[(])\\s*(\\d{4}-\\d{2}-\\d{2})?\\s*,\\s*(\\d{4}-\\d{2}-\\d{2})?\\s*([\\])])");
    private static final Pattern DECIMAL_PATTERN = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private Values() {
    }

    /** The value to bind for {@code value} compared with a field of {@code kind}; {@code path} names it in errors. */
    public static Object scalar(ScalarKind kind, Object value, CharSequence path) {
        if (value == null) {
            throw new FilterException(path.toString(), null, "Invalid value for " + path
                    + ": null is not a valid operand; to test for a missing value use {isnull: true}");
        }
        return switch (kind) {
            case STRING, TSVECTOR -> text(value, path, "a String");
            case ID -> value instanceof Integer || value instanceof Long ? value.toString() : text(value, path, "an ID");
            case ENUM -> value instanceof Enum<?> e ? e.name() : text(value, path, "an enum value");
            case INT -> integer(value, path);
            case BIGINT -> bigint(value, path);
            case FLOAT -> floating(value, path);
            case DECIMAL -> decimal(value, path);
            case BOOLEAN -> {
                if (value instanceof Boolean b) {
                    yield b;
                }
                throw FilterException.invalidValue(path, value, "a Boolean (true or false)");
            }
            case UUID -> uuid(value, path);
            case DATE -> date(value, path);
            case DATETIME -> dateTime(value, path);
            case TIME -> time(value, path);
            case INET -> Network.inet(text(value, path, "an IP address"), path, false);
            case CIDR -> Network.inet(text(value, path, "a CIDR network"), path, true);
            case MACADDR -> matching(value, path, MAC_PATTERN, "a MAC address (for example 08:00:2b:01:02:03)")
                    .toLowerCase(Locale.ROOT);
            case LTREE -> ltree(value, path);
            case DATERANGE -> dateRange(value, path);
            case JSON -> Json.write(value, path);
        };
    }

    /** A string operand (patterns, search text); rejects non-strings and NUL characters. */
    public static String text(Object value, CharSequence path, String what) {
        if (!(value instanceof String s)) {
            throw FilterException.invalidValue(path, value, what + " (got " + typeName(value) + ")");
        }
        checkText(s, path);
        return s;
    }

    /**
     * Rejects what PostgreSQL text cannot hold or the driver would silently alter: NUL characters and unpaired UTF-16
     * surrogates (which would reach the database as {@code ?}).
     */
    static void checkText(String s, CharSequence path) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\0') {
                throw FilterException.invalidValue(path, s,
                        "valid: it contains a NUL character (U+0000), which PostgreSQL text cannot hold; remove it");
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    throw FilterException.invalidValue(path, s, String.format("valid: it contains an unpaired surrogate"
                            + " (U+%04X at index %d), which is not text; send well-formed Unicode", (int) c, i));
                }
            }
        }
    }

    /** A boolean operand such as {@code isnull: true}. */
    public static boolean bool(Object value, CharSequence path) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw FilterException.invalidValue(path, value, "a Boolean (true or false)");
    }

    /** An lquery pattern for {@code matchesLquery}. */
    public static String lquery(Object value, CharSequence path) {
        return matching(value, path, LQUERY_PATTERN, "an lquery pattern (labels, dots and * ! | @ % { } only)");
    }

    static String typeName(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "a String";
        }
        if (value instanceof Boolean) {
            return "a Boolean";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof java.util.Map) {
            return "an object";
        }
        if (value instanceof java.util.List) {
            return "a list";
        }
        return "a " + value.getClass().getSimpleName();
    }

    private static Integer integer(Object value, CharSequence path) {
        if (value instanceof Integer i) {
            return i;
        }
        BigInteger big = integral(value);
        if (big == null || big.bitLength() > 31) {
            throw FilterException.invalidValue(path, value, "an Int (a whole number from -2147483648 to 2147483647)");
        }
        return big.intValue();
    }

    private static Long bigint(Object value, CharSequence path) {
        BigInteger big = integral(value);
        if (big == null && value instanceof String s && BIGINT_PATTERN.matcher(s).matches()) {
            big = new BigInteger(s);
        }
        if (big == null || big.bitLength() > 63) {
            throw FilterException.invalidValue(path, value, "a 64-bit whole number");
        }
        return big.longValue();
    }

    private static BigInteger integral(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger b) {
            return b;
        }
        if (value instanceof BigDecimal d) {
            // More than 20 integer digits cannot be a 64-bit number, and 1e40000000 would take seconds to expand.
            if (d.precision() - d.scale() > 20) {
                return null;
            }
            try {
                return d.toBigIntegerExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        return null;
    }

    private static Double floating(Object value, CharSequence path) {
        if (value instanceof Number n && !(value instanceof BigDecimal && ((BigDecimal) value).abs().compareTo(BigDecimal.valueOf(Double.MAX_VALUE)) > 0)) {
            double d = n.doubleValue();
            if (!Double.isNaN(d) && !Double.isInfinite(d)) {
                return d;
            }
        }
        throw FilterException.invalidValue(path, value, "a finite Float");
    }

    private static BigDecimal decimal(Object value, CharSequence path) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isNaN(d) && !Double.isInfinite(d)) {
                return BigDecimal.valueOf(d);
            }
        } else if (integral(value) != null) {
            return new BigDecimal(integral(value));
        } else if (value instanceof String s && s.length() <= 1000 && DECIMAL_PATTERN.matcher(s).matches()) {
            return new BigDecimal(s);
        }
        throw FilterException.invalidValue(path, value, "a decimal number");
    }

    private static String uuid(Object value, CharSequence path) {
        if (value instanceof java.util.UUID u) {
            return u.toString();
        }
        if (value instanceof String s && isUuid(s)) {
            return s.toLowerCase(Locale.ROOT);
        }
        throw FilterException.invalidValue(path, value, "a UUID");
    }

    /** Whether {@code s} is 8-4-4-4-12 hex digits (any case); checked by hand, as lookups by id run it per request. */
    public static boolean isUuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-'
                    : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String date(Object value, CharSequence path) {
        LocalDate d = null;
        if (value instanceof LocalDate ld) {
            d = ld;
        } else if (value instanceof String s) {
            try {
                d = LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                d = null;
            }
        }
        if (d == null || d.getYear() < 1 || d.getYear() > 9999) {
            throw FilterException.invalidValue(path, value, "a date (expected YYYY-MM-DD, for example 2024-05-31)");
        }
        return d.toString();
    }

    private static String dateTime(Object value, CharSequence path) {
        OffsetDateTime t = null;
        if (value instanceof OffsetDateTime o) {
            t = o;
        } else if (value instanceof ZonedDateTime z) {
            t = z.toOffsetDateTime();
        } else if (value instanceof Instant i) {
            t = i.atOffset(ZoneOffset.UTC);
        } else if (value instanceof String s) {
            try {
                t = OffsetDateTime.parse(s);
            } catch (DateTimeParseException e) {
                t = null;
            }
        }
        if (t == null || t.getYear() < 1 || t.getYear() > 9999) {
            throw FilterException.invalidValue(path, value,
                    "a date-time with offset (expected ISO-8601, for example 2024-05-31T12:00:00Z)");
        }
        return t.toString();
    }

    private static String time(Object value, CharSequence path) {
        if (value instanceof LocalTime t) {
            return t.toString();
        }
        if (value instanceof String s) {
            try {
                return LocalTime.parse(s).toString();
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw FilterException.invalidValue(path, value, "a time (expected HH:MM[:SS[.fff]], for example 13:45:00)");
    }

    private static String ltree(Object value, CharSequence path) {
        return matching(value, path, LTREE_PATTERN,
                "an ltree path (labels of letters, digits, _ and - separated by dots, for example top.science)");
    }

    private static String dateRange(Object value, CharSequence path) {
        String s = text(value, path, "a daterange");
        var m = DATERANGE_PATTERN.matcher(s.trim());
        String what = "a daterange (for example [2024-01-01,2024-02-01) or empty)";
        if (!m.matches()) {
            throw FilterException.invalidValue(path, value, what);
        }
        if (m.group(1) == null) {
            return "empty";
        }
        try {
            LocalDate lo = m.group(2) == null ? null : LocalDate.parse(m.group(2));
            LocalDate hi = m.group(3) == null ? null : LocalDate.parse(m.group(3));
            if (lo != null && hi != null && lo.isAfter(hi)) {
                throw FilterException.invalidValue(path, value, what + ": its lower bound is after its upper bound");
            }
        } catch (DateTimeParseException e) {
            throw FilterException.invalidValue(path, value, what);
        }
        return s.trim();
    }

    private static String matching(Object value, CharSequence path, Pattern pattern, String what) {
        if (value instanceof String s && pattern.matcher(s).matches()) {
            return s;
        }
        throw FilterException.invalidValue(path, value, what);
    }
}
