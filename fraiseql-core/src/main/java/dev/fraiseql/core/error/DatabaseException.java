package dev.fraiseql.core.error;

/** Temporary stand-in until the execution layer lands. */
public class DatabaseException extends RuntimeException {
    private final ErrorKind kind;

    public DatabaseException(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public ErrorKind kind() {
        return kind;
    }

    public String clientMessage() {
        return "database error";
    }
}
