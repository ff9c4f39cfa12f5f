package dev.fraiseql.core.error;

/**
 * The kinds of database failure a client can see, each with its GraphQL {@code extensions.code},
 * whether retrying can help, and a client-safe default message.
 */
public enum ErrorKind {

    /** No pooled connection became free within the pool's connection timeout. */
    POOL_EXHAUSTED("SERVICE_UNAVAILABLE", true,
            "Service temporarily unavailable: all database connections are busy; try again later"),

    /** The database could not be reached or the connection broke (SQLSTATE 08xxx, 57P01-57P03, 53300). */
    CONNECTION_FAILED("SERVICE_UNAVAILABLE", true,
            "Service temporarily unavailable: the database could not be reached; try again later"),

    /** The statement ran longer than the statement timeout (SQLSTATE 57014); never retried silently. */
    QUERY_TIMEOUT("QUERY_TIMEOUT", false, "Query exceeded the statement timeout"),

    /** The database rejected the service's credentials (SQLSTATE 28xxx). */
    AUTHENTICATION_FAILED("AUTHENTICATION_ERROR", false, "Database authentication failed"),

    /** The database role may not read or write the object, row-level security included (SQLSTATE 42501). */
    PERMISSION_DENIED("PERMISSION_DENIED", false, "Permission denied"),

    /** A view, table, column or schema does not exist (SQLSTATE 42P01, 42703, 3F000). */
    NOT_FOUND("NOT_FOUND", false, "The requested resource does not exist"),

    /** A value could not be converted to its type or is out of range (SQLSTATE 22xxx). */
    TYPE_MISMATCH("TYPE_MISMATCH", false, "A value does not match its expected type or format"),

    /** The generated SQL is invalid (SQLSTATE 42601): a defect, reported as an internal error. */
    SYNTAX_ERROR("INTERNAL_SERVER_ERROR", false, "Internal server error"),

    /**
     * The connection broke after rows had been handed on, or the row handler could not write them:
     * the partial result must be discarded.
     */
    STREAM_INTERRUPTED("STREAM_INTERRUPTED", false,
            "The result stream was interrupted; no partial result is returned"),

    /**
     * The connection broke while COMMIT was in flight: the write may or may not have been applied, so it is neither
     * retried nor reported as a plain outage that invites the client to repeat it.
     */
    COMMIT_OUTCOME_UNKNOWN("COMMIT_OUTCOME_UNKNOWN", false, "The connection to the database was lost while the change"
            + " was being committed; it may or may not have been applied: check before trying again"),

    /** PostgreSQL rolled the transaction back to resolve a conflict (SQLSTATE 40001, 40P01). */
    TRANSACTION_ROLLBACK("TRANSACTION_ROLLBACK", true,
            "The transaction was rolled back because of a concurrent update; try again"),

    /**
     * A function refused the request with a message meant for the client (SQLSTATE class {@code U0}); the exception's
     * {@link DatabaseException#rejection() rejection} carries the message, code, field and hint.
     */
    REJECTED("BAD_REQUEST", false, "The request was rejected"),
    /** Any other failure. */
    INTERNAL("INTERNAL_SERVER_ERROR", false, "Internal server error");

    private final String code;
    private final boolean transientFailure;
    private final String clientMessage;

    ErrorKind(String code, boolean transientFailure, String clientMessage) {
        this.code = code;
        this.transientFailure = transientFailure;
        this.clientMessage = clientMessage;
    }

    /** The GraphQL {@code extensions.code} for this kind. */
    public String code() {
        return code;
    }

    /**
     * Whether the same work may succeed when tried again later; the executor still retries a write
     * only when it provably did not commit.
     */
    public boolean transientFailure() {
        return transientFailure;
    }

    /** The client-safe message for this kind: no SQL, no names, no credentials. */
    public String clientMessage() {
        return clientMessage;
    }
}
