package dev.fraiseql.benchmarks;

import java.util.Set;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnswersTest {

    @Test
    void aPostGraphileAnswerEqualsTheSameDataInFraiseqlsShape() {
        String fraiseql = "{\"data\":{\"book\":{\"id\":\"b1\",\"price\":85.5,\"reviews\":[{\"stars\":3}]}}}";
        String postgraphile = "{\"data\":{\"book\":{\"price\":\"85.50\",\"id\":\"b1\",\"reviews\":{\"nodes\":[{\"stars\":3}]}}}}";
        assertThat(Answers.normalize(postgraphile, Set.of())).isEqualTo(Answers.normalize(fraiseql, Set.of()));
    }

    @Test
    void cursorsAreIgnoredButTheRestOfPageInfoCounts() {
        String a = "{\"data\":{\"c\":{\"edges\":[{\"cursor\":\"WzFd\",\"node\":{\"id\":\"1\"}}],"
                + "\"pageInfo\":{\"hasNextPage\":true,\"endCursor\":\"WzFd\"}}}}";
        String b = "{\"data\":{\"c\":{\"edges\":[{\"cursor\":\"other\",\"node\":{\"id\":\"1\"}}],"
                + "\"pageInfo\":{\"hasNextPage\":true,\"endCursor\":\"other\"}}}}";
        String c = b.replace("true", "false");
        assertThat(Answers.normalize(a, Set.of())).isEqualTo(Answers.normalize(b, Set.of()));
        assertThat(Answers.normalize(a, Set.of())).isNotEqualTo(Answers.normalize(c, Set.of()));
    }

    @Test
    void ignoredKeysAreDroppedWherever() {
        assertThat(Answers.normalize("{\"data\":{\"b\":{\"id\":\"new-1\",\"title\":\"t\"}}}", Set.of("id")))
                .isEqualTo(Answers.normalize("{\"data\":{\"b\":{\"title\":\"t\",\"id\":\"new-2\"}}}", Set.of("id")));
    }

    @Test
    void differentValuesStayDifferent() {
        assertThat(Answers.normalize("{\"data\":{\"x\":1.5}}", Set.of()))
                .isNotEqualTo(Answers.normalize("{\"data\":{\"x\":1.25}}", Set.of()));
        assertThat(Answers.normalize("{\"data\":{\"x\":\"Abc 12\"}}", Set.of()))
                .isNotEqualTo(Answers.normalize("{\"data\":{\"x\":\"Abc 12.0\"}}", Set.of()));
    }

    @Test
    void pathFindsKeysAndIndexesAndNamesTheAnswerWhenMissing() {
        String body = "{\"data\":{\"c\":{\"edges\":[{\"cursor\":\"WzFd\"}]}}}";
        assertThat(Answers.path(body, "data", "c", "edges", 0, "cursor")).isEqualTo("WzFd");
        assertThatThrownBy(() -> Answers.path(body, "data", "c", "edges", 1))
                .hasMessageStartingWith("No [data, c, edges, 1] in {\"data\"");
    }

    @Test
    void onlyAnswersWithDataAndNoErrorsCount() {
        assertThat(Answers.isData("{\"data\":{\"a\":1}}")).isTrue();
        assertThat(Answers.isData("{\"errors\":[{\"message\":\"x\"}],\"data\":null}")).isFalse();
        assertThat(Answers.isData("{\"data\":{\"a\":null},\"errors\":[]}")).isFalse();
    }
}
