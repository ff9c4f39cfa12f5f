package dev.fraiseql.graphql;

import dev.fraiseql.core.error.ErrorKind;
import dev.fraiseql.core.error.Rejection;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import static org.assertj.core.api.Assertions.assertThat;

class ErrorClassificationTest {

    @Test
    void eachDatabaseFailureKindOfAReadGetsTheSpringForGraphQlCategoryThatMatchesItsCode() {
        Map<ErrorKind, ErrorType> categories = new EnumMap<>(ErrorKind.class);
        for (ErrorKind kind : ErrorKind.values()) {
            categories.put(kind, FraiseqlExceptionResolver.classification(kind, false));
        }

        assertThat(categories).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry(ErrorKind.POOL_EXHAUSTED, ErrorType.INTERNAL_ERROR),
                Map.entry(ErrorKind.CONNECTION_FAILED, ErrorType.INTERNAL_ERROR),
                Map.entry(ErrorKind.QUERY_TIMEOUT, ErrorType.INTERNAL_ERROR),
                Map.entry(ErrorKind.AUTHENTICATION_FAILED, ErrorType.INTERNAL_ERROR),
                Map.entry(ErrorKind.PERMISSION_DENIED, ErrorType.FORBIDDEN),
                Map.entry(ErrorKind.NOT_FOUND, ErrorType.NOT_FOUND),
                Map.entry(ErrorKind.TYPE_MISMATCH, ErrorType.INTERNAL_ERROR),
                Map.entry(ErrorKind.SYNTAX_ERROR, ErrorType.INTERNAL_ERROR),
                Map.entry(ErrorKind.STREAM_INTERRUPTED, ErrorType.INTERNAL_ERROR),
                Map.entry(ErrorKind.COMMIT_OUTCOME_UNKNOWN, ErrorType.INTERNAL_ERROR),
                Map.entry(ErrorKind.TRANSACTION_ROLLBACK, ErrorType.INTERNAL_ERROR),
                Map.entry(ErrorKind.REJECTED, ErrorType.BAD_REQUEST),
                Map.entry(ErrorKind.INTERNAL, ErrorType.INTERNAL_ERROR)));
    }

    @Test
    void aValueAMutationFunctionRejectsIsTheClientsInputButTheSameErrorInAReadIsTheViews() {
        assertThat(FraiseqlExceptionResolver.classification(ErrorKind.TYPE_MISMATCH, true)).isEqualTo(ErrorType.BAD_REQUEST);
        assertThat(FraiseqlExceptionResolver.classification(ErrorKind.TYPE_MISMATCH, false))
                .isEqualTo(ErrorType.INTERNAL_ERROR);
        assertThat(FraiseqlExceptionResolver.classification(ErrorKind.PERMISSION_DENIED, true)).isEqualTo(ErrorType.FORBIDDEN);
    }

    @Test
    void aFunctionsRefusalGetsTheCategoryItsSqlstateNames() {
        Map<String, ErrorType> categories = new java.util.TreeMap<>();
        for (String state : new String[] {"U0400", "U0401", "U0403", "U0404", "U0409", "U0422", "U0999"}) {
            Rejection rejection = new Rejection(Rejection.codeOf(state), "no", null, null);
            categories.put(state + " " + rejection.code(), FraiseqlExceptionResolver.classification(rejection));
        }
        assertThat(categories).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                "U0400 BAD_REQUEST", ErrorType.BAD_REQUEST,
                "U0401 UNAUTHENTICATED", ErrorType.UNAUTHORIZED,
                "U0403 FORBIDDEN", ErrorType.FORBIDDEN,
                "U0404 NOT_FOUND", ErrorType.NOT_FOUND,
                "U0409 CONFLICT", ErrorType.BAD_REQUEST,
                "U0422 VALIDATION_FAILED", ErrorType.BAD_REQUEST,
                "U0999 BAD_REQUEST", ErrorType.BAD_REQUEST)));
    }
}
