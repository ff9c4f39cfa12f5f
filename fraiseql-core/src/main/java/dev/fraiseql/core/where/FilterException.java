package dev.fraiseql.core.where;

/**
 * A filter, ordering or paging argument that cannot be turned into SQL: names the argument path, the value and the fix.
 *
 * <p>Thrown before any SQL runs, so clients get a clear message instead of a database error.
 */
public class FilterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final transient Object value;

    /** An error at {@code path} (for example {@code where.author.name.eq}) about {@code value}. */
    public FilterException(String path, Object value, String message) {
        super(message);
        this.path = path;
        this.value = value;
    }

    /** An invalid value: {@code Invalid value for <path>: <value> is not <what>}. */
    public static FilterException invalidValue(CharSequence path, Object value, String what) {
        String at = path.toString();
        return new FilterException(at, value, "Invalid value for " + at + ": " + describe(value) + " is not " + what);
    }

    /** The argument path, for example {@code where.author.name.eq}, {@code orderBy[1].title} or {@code limit}. */
    public String path() {
        return path;
    }

    /** The offending value as received (may be null). */
    public Object value() {
        return value;
    }

    /** A short, safe rendering of a value for messages: strings quoted and cut at 100 characters, NUL shown as \0. */
    public static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof CharSequence s) {
            String text = s.length() > 100 ? s.subSequence(0, 100) + "..." : s.toString();
            return "\"" + text.replace("\0", "\\0") + "\"";
        }
        String text = String.valueOf(value);
        return text.length() > 100 ? text.substring(0, 100) + "..." : text;
    }
}
