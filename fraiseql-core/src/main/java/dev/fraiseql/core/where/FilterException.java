package dev.fraiseql.core.where;

/** Temporary stand-in until the SQL layer lands. */
public class FilterException extends IllegalArgumentException {
    private final String path;
    private final Object value;

    public FilterException(String path, Object value, String message) {
        super(message);
        this.path = path;
        this.value = value;
    }

    public String path() {
        return path;
    }

    public Object value() {
        return value;
    }
}
