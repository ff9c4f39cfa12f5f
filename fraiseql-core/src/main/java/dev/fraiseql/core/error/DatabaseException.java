package dev.fraiseql.core.error;

import java.util.Objects;

/**
 * A classified database failure: {@link #getMessage()} is safe to show to clients, while the cause
 * and the SQLSTATE keep the server's detail for the log.
 */
public class DatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final String sqlState;
    private final int attempts;
    private final Rejection rejection;

    /**
     * @param kind what went wrong
     * @param sqlState the SQLSTATE reported by the driver or server, {@code null} when there was none
     * @param clientMessage the client-safe message
     * @param cause the original exception, kept for the log
     * @param attempts how many times the work was tried, at least 1
     */
    public DatabaseException(ErrorKind kind, String sqlState, String clientMessage, Throwable cause, int attempts) {
        this(kind, sqlState, clientMessage, cause, attempts, null);
    }

    /**
     * A function's refusal of the request, whose message is meant for the client.
     *
     * @param rejection what the function said, or {@code null} for any other failure
     */
    public DatabaseException(ErrorKind kind, String sqlState, String clientMessage, Throwable cause, int attempts,
            Rejection rejection) {
        super(Objects.requireNonNull(clientMessage, "clientMessage"), cause);
        this.rejection = rejection;
        this.kind = Objects.requireNonNull(kind, "kind");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        this.sqlState = sqlState;
        this.attempts = attempts;
    }

    /** A failure of the given kind with its default client message, tried once. */
    public DatabaseException(ErrorKind kind, String sqlState, Throwable cause) {
        this(kind, sqlState, kind.clientMessage(), cause, 1);
    }

    /** What went wrong. */
    public ErrorKind kind() {
        return kind;
    }

    /** The GraphQL {@code extensions.code}: the rejection's for a function's refusal, else {@code kind().code()}. */
    public String code() {
        return rejection != null ? rejection.code() : kind.code();
    }

    /** The SQLSTATE reported by the driver or server, {@code null} when there was none. */
    public String sqlState() {
        return sqlState;
    }

    /** The client-safe message: no SQL, no credentials, no object names. */
    public String clientMessage() {
        return getMessage();
    }

    /** How many times the work was tried before this failure was reported. */
    /** What a function said to the client when it refused the request (SQLSTATE class U0), or {@code null}. */
    public Rejection rejection() {
        return rejection;
    }

    public int attempts() {
        return attempts;
    }

    /** The same failure, reported after the given number of attempts. */
    public DatabaseException withAttempts(int attempts) {
        if (attempts == this.attempts) {
            return this;
        }
        DatabaseException copy = new DatabaseException(kind, sqlState, getMessage(), getCause(), attempts, rejection);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /**
     * A line for the server log with the detail kept from clients: kind, SQLSTATE, attempts and the
     * driver's or server's own message.
     */
    public String logMessage() {
        Throwable cause = getCause();
        return kind + " (" + kind.code() + ", SQLSTATE " + sqlState + ", attempts " + attempts + "): "
                + (cause == null ? getMessage() : cause.getMessage());
    }
}
