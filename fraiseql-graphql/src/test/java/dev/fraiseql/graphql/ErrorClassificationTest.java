package dev.fraiseql.graphql;

import dev.fraiseql.core.error.ErrorKind;
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
                Map.entry(ErrorKind.INTERNAL, ErrorType.INTERNAL_ERROR)));
    }

    @Test
    void aValueAMutationFunctionRejectsIsTheClientsInputButTheSameErrorInAReadIsTheViews() {
        assertThat(FraiseqlExceptionResolver.classification(ErrorKind.TYPE_MISMATCH, true)).isEqualTo(ErrorType.BAD_REQUEST);
        assertThat(FraiseqlExceptionResolver.classification(ErrorKind.TYPE_MISMATCH, false))
                .isEqualTo(ErrorType.INTERNAL_ERROR);
        assertThat(FraiseqlExceptionResolver.classification(ErrorKind.PERMISSION_DENIED, true)).isEqualTo(ErrorType.FORBIDDEN);
    }
}
