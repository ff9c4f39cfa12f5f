package dev.fraiseql.core.error;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


class ErrorClassifierTest {

    static Stream<Arguments> sqlStates() {
        return Stream.of(
                Arguments.of("08001", ErrorKind.CONNECTION_FAILED, "SERVICE_UNAVAILABLE", true,
                        "Service temporarily unavailable: the database could not be reached; try again later"),
                Arguments.of("08006", ErrorKind.CONNECTION_FAILED, "SERVICE_UNAVAILABLE", true,
                        "Service temporarily unavailable: the database could not be reached; try again later"),
                Arguments.of("08003", ErrorKind.CONNECTION_FAILED, "SERVICE_UNAVAILABLE", true,
                        "Service temporarily unavailable: the database could not be reached; try again later"),
                Arguments.of("57P01", ErrorKind.CONNECTION_FAILED, "SERVICE_UNAVAILABLE", true,
                        "Service temporarily unavailable: the database could not be reached; try again later"),
                Arguments.of("57P02", ErrorKind.CONNECTION_FAILED, "SERVICE_UNAVAILABLE", true,
                        "Service temporarily unavailable: the database could not be reached; try again later"),
                Arguments.of("57P03", ErrorKind.CONNECTION_FAILED, "SERVICE_UNAVAILABLE", true,
                        "Service temporarily unavailable: the database could not be reached; try again later"),
                Arguments.of("53300", ErrorKind.CONNECTION_FAILED, "SERVICE_UNAVAILABLE", true,
                        "Service temporarily unavailable: the database could not be reached; try again later"),
                Arguments.of("40001", ErrorKind.TRANSACTION_ROLLBACK, "TRANSACTION_ROLLBACK", true,
                        "The transaction was rolled back because of a concurrent update; try again"),
                Arguments.of("40P01", ErrorKind.TRANSACTION_ROLLBACK, "TRANSACTION_ROLLBACK", true,
                        "The transaction was rolled back because of a concurrent update; try again"),
                Arguments.of("57014", ErrorKind.QUERY_TIMEOUT, "QUERY_TIMEOUT", false,
                        "Query exceeded the 30s statement timeout"),
                Arguments.of("28P01", ErrorKind.AUTHENTICATION_FAILED, "AUTHENTICATION_ERROR", false,
                        "Database authentication failed"),
                Arguments.of("28000", ErrorKind.AUTHENTICATION_FAILED, "AUTHENTICATION_ERROR", false,
                        "Database authentication failed"),
                Arguments.of("42501", ErrorKind.PERMISSION_DENIED, "PERMISSION_DENIED", false,
                        "Permission denied"),
                Arguments.of("42P01", ErrorKind.NOT_FOUND, "NOT_FOUND", false,
                        "The requested resource does not exist"),
                Arguments.of("42703", ErrorKind.NOT_FOUND, "NOT_FOUND", false,
                        "The requested resource does not exist"),
                Arguments.of("3F000", ErrorKind.NOT_FOUND, "NOT_FOUND", false,
                        "The requested resource does not exist"),
                Arguments.of("22P02", ErrorKind.TYPE_MISMATCH, "TYPE_MISMATCH", false,
                        "A value does not match its expected type or format"),
                Arguments.of("22003", ErrorKind.TYPE_MISMATCH, "TYPE_MISMATCH", false,
                        "A value does not match its expected type or format"),
                Arguments.of("22007", ErrorKind.TYPE_MISMATCH, "TYPE_MISMATCH", false,
                        "A value does not match its expected type or format"),
                Arguments.of("42601", ErrorKind.SYNTAX_ERROR, "INTERNAL_SERVER_ERROR", false,
                        "Internal server error"),
                Arguments.of("40002", ErrorKind.INTERNAL, "INTERNAL_SERVER_ERROR", false,
                        "Internal server error"),
                Arguments.of("40003", ErrorKind.INTERNAL, "INTERNAL_SERVER_ERROR", false,
                        "Internal server error"),
                Arguments.of("42883", ErrorKind.INTERNAL, "INTERNAL_SERVER_ERROR", false,
                        "Internal server error"),
                Arguments.of("23505", ErrorKind.INTERNAL, "INTERNAL_SERVER_ERROR", false,
                        "Internal server error"),
                Arguments.of("P0001", ErrorKind.INTERNAL, "INTERNAL_SERVER_ERROR", false,
                        "Internal server error"),
                Arguments.of("XX000", ErrorKind.INTERNAL, "INTERNAL_SERVER_ERROR", false,
                        "Internal server error"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("sqlStates")
    void eachSqlStateMapsToItsKindCodeAndSafeMessage(String sqlState, ErrorKind kind, String code,
            boolean transientFailure, String clientMessage) {
        SQLException cause = new SQLException("relation \"secret_table\" does not exist: SELECT * FROM secret_table",
                sqlState);

        DatabaseException e = ErrorClassifier.classify(cause, Duration.ofSeconds(30));

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.kind().transientFailure()).isEqualTo(transientFailure);
        assertThat(e.clientMessage()).isEqualTo(clientMessage);
        assertThat(e.getMessage()).isEqualTo(clientMessage);
        assertThat(e.sqlState()).isEqualTo(sqlState);
        assertThat(e.getCause()).isSameAs(cause);
        assertThat(e.attempts()).isEqualTo(1);
    }

    @Test
    void aPoolCheckoutTimeoutWithoutSqlStateIsPoolExhausted() {
        SQLException cause = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 30000ms "
                        + "(total=20, active=20, idle=0, waiting=3)");

        DatabaseException e = ErrorClassifier.classify(cause);

        assertThat(e.kind()).isEqualTo(ErrorKind.POOL_EXHAUSTED);
        assertThat(e.code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(e.sqlState()).isNull();
        assertThat(e.clientMessage()).isEqualTo(
                "Service temporarily unavailable: all database connections are busy; try again later");
        assertThat(e.logMessage()).isEqualTo("POOL_EXHAUSTED (SERVICE_UNAVAILABLE, SQLSTATE null, attempts 1): "
                + "HikariPool-1 - Connection is not available, request timed out after 30000ms "
                + "(total=20, active=20, idle=0, waiting=3)");
    }

    @Test
    void aPoolCheckoutTimeoutCausedByAnUnreachableDatabaseIsConnectionFailed() {
        SQLException cause = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 250ms", "08001",
                new SQLException("Connection to localhost:1 refused", "08001"));

        assertThat(ErrorClassifier.classify(cause).kind()).isEqualTo(ErrorKind.CONNECTION_FAILED);
    }

    @Test
    void aPoolCheckoutTimeoutCausedByABadPasswordIsAuthenticationFailed() {
        SQLException cause = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 250ms", "28P01",
                new SQLException("password authentication failed for user \"app\"", "28P01"));

        DatabaseException e = ErrorClassifier.classify(cause);

        assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION_FAILED);
        assertThat(e.clientMessage()).isEqualTo("Database authentication failed");
    }

    @Test
    void aMissingSqlStateIsInternal() {
        DatabaseException e = ErrorClassifier.classify(new SQLException("something odd"));

        assertThat(e.kind()).isEqualTo(ErrorKind.INTERNAL);
        assertThat(e.sqlState()).isNull();
        assertThat(e.clientMessage()).isEqualTo("Internal server error");
    }

    @Test
    void theTimeoutMessageNamesTheTimeoutInItsNaturalUnit() {
        assertThat(ErrorClassifier.timeoutMessage(Duration.ofSeconds(30)))
                .isEqualTo("Query exceeded the 30s statement timeout");
        assertThat(ErrorClassifier.timeoutMessage(Duration.ofMillis(1500)))
                .isEqualTo("Query exceeded the 1500ms statement timeout");
        assertThat(ErrorClassifier.timeoutMessage(Duration.ofMinutes(2)))
                .isEqualTo("Query exceeded the 2min statement timeout");
        assertThat(ErrorClassifier.timeoutMessage(Duration.ZERO))
                .isEqualTo("Query exceeded the statement timeout");
        assertThat(ErrorClassifier.timeoutMessage(null))
                .isEqualTo("Query exceeded the statement timeout");
    }

    @Test
    void noClientMessageMentionsSqlOrServerDetail() {
        for (ErrorKind kind : ErrorKind.values()) {
            assertThat(kind.clientMessage()).doesNotContainIgnoringCase("select")
                    .doesNotContainIgnoringCase("relation").doesNotContain("\"");
        }
    }

    @Test
    void withAttemptsKeepsEverythingButTheCount() {
        SQLException cause = new SQLException("could not serialize access", "40001");
        DatabaseException first = ErrorClassifier.classify(cause);

        DatabaseException third = first.withAttempts(3);

        assertThat(third.attempts()).isEqualTo(3);
        assertThat(third.kind()).isEqualTo(ErrorKind.TRANSACTION_ROLLBACK);
        assertThat(third.sqlState()).isEqualTo("40001");
        assertThat(third.getCause()).isSameAs(cause);
        assertThat(third.getStackTrace()).isEqualTo(first.getStackTrace());
        assertThat(third.logMessage()).isEqualTo(
                "TRANSACTION_ROLLBACK (TRANSACTION_ROLLBACK, SQLSTATE 40001, attempts 3): could not serialize access");
    }

    @Test
    void attemptsBelowOneAreRejected() {
        assertThatThrownBy(() -> new DatabaseException(ErrorKind.INTERNAL, null, "x", null, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attempts must be at least 1, was 0");
    }
}
