package dev.fraiseql.core.error;

/** Temporary stand-in until the execution layer lands. */
public enum ErrorKind {
    INTERNAL("INTERNAL_SERVER_ERROR"), TYPE_MISMATCH("TYPE_MISMATCH");

    private final String code;

    ErrorKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
