package dev.fraiseql.core.error;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Turns a {@link SQLException} into a {@link DatabaseException} of the right {@link ErrorKind} by its SQLSTATE. */
public final class ErrorClassifier {

    private ErrorClassifier() {
    }

    /** Classifies a failure without knowing the statement timeout (the timeout message then names none). */
    public static DatabaseException classify(SQLException e) {
        return classify(e, null);
    }

    /**
     * Classifies a failure, naming the statement timeout in the {@link ErrorKind#QUERY_TIMEOUT} message.
     *
     * @param e the driver's or pool's exception, kept as the cause
     * @param queryTimeout the server-side statement timeout, or {@code null} (or zero) when unknown
     * @return a failure tried once; the executor sets the number of attempts
     */
    public static DatabaseException classify(SQLException e, Duration queryTimeout) {
        String sqlState = sqlState(e);
        if (Rejection.isRejection(sqlState)) {
            Rejection rejection = rejection(e, sqlState);
            return new DatabaseException(ErrorKind.REJECTED, sqlState, rejection.message(), e, 1, rejection);
        }
        ErrorKind kind = kindOf(e, sqlState);
        String message = kind == ErrorKind.QUERY_TIMEOUT ? timeoutMessage(queryTimeout) : kind.clientMessage();
        return new DatabaseException(kind, sqlState, message, e, 1);
    }

    /** The kind for a SQLSTATE; {@code null} and unknown states are {@link ErrorKind#INTERNAL}. */
    public static ErrorKind kindOf(String sqlState) {
        if (sqlState == null || sqlState.length() != 5) {
            return ErrorKind.INTERNAL;
        }
        if (Rejection.isRejection(sqlState)) {
            return ErrorKind.REJECTED;
        }
        switch (sqlState) {
            case "57014":
                return ErrorKind.QUERY_TIMEOUT;
            case "57P01": // admin_shutdown: pg_terminate_backend or a server shutting down
            case "57P02": // crash_shutdown
            case "57P03": // cannot_connect_now: server starting up
            case "53300": // too_many_connections
                return ErrorKind.CONNECTION_FAILED;
            case "40001": // serialization_failure
            case "40P01": // deadlock_detected
                return ErrorKind.TRANSACTION_ROLLBACK;
            case "42501":
                return ErrorKind.PERMISSION_DENIED;
            case "42P01": // undefined_table (views too)
            case "42703": // undefined_column
            case "3F000": // invalid_schema_name
                return ErrorKind.NOT_FOUND;
            case "42601":
                return ErrorKind.SYNTAX_ERROR;
            default:
                break;
        }
        switch (sqlState.substring(0, 2)) {
            case "08":
                return ErrorKind.CONNECTION_FAILED;
            case "28":
                return ErrorKind.AUTHENTICATION_FAILED;
            case "22":
                return ErrorKind.TYPE_MISMATCH;
            default:
                return ErrorKind.INTERNAL;
        }
    }

    /**
     * What the function said: the server's message, {@code DETAIL} as the field and {@code HINT} as the fix, read from
     * PostgreSQL's error fields (not the driver's formatted text, which adds the SQLSTATE and the position).
     */
    private static Rejection rejection(SQLException e, String sqlState) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                ServerErrorMessage server = psql.getServerErrorMessage();
                return new Rejection(Rejection.codeOf(sqlState), server.getMessage(), blankToNull(server.getDetail()),
                        blankToNull(server.getHint()));
            }
        }
        return new Rejection(Rejection.codeOf(sqlState), ErrorKind.REJECTED.clientMessage(), null, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The client message for a statement timeout, e.g. "Query exceeded the 30s statement timeout". */
    public static String timeoutMessage(Duration queryTimeout) {
        if (queryTimeout == null || queryTimeout.isZero() || queryTimeout.isNegative()) {
            return ErrorKind.QUERY_TIMEOUT.clientMessage();
        }
        return "Query exceeded the " + format(queryTimeout) + " statement timeout";
    }

    private static ErrorKind kindOf(SQLException e, String sqlState) {
        // HikariCP reports a checkout timeout this way; it carries the SQLSTATE of the last failed
        // connection attempt when the database itself is the problem (down, bad password).
        if (e instanceof SQLTransientConnectionException && sqlState == null) {
            return ErrorKind.POOL_EXHAUSTED;
        }
        return kindOf(sqlState);
    }

    private static String sqlState(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException && ((SQLException) t).getSQLState() != null) {
                return ((SQLException) t).getSQLState();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String format(Duration d) {
        long millis = d.toMillis();
        if (millis % 60_000 == 0 && millis >= 60_000) {
            return (millis / 60_000) + "min";
        }
        if (millis % 1000 == 0) {
            return (millis / 1000) + "s";
        }
        return millis + "ms";
    }
}
