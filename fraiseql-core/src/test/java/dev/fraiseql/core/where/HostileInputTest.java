package dev.fraiseql.core.where;

import dev.fraiseql.core.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static dev.fraiseql.core.where.Fixtures.m;
import static dev.fraiseql.core.where.Fixtures.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


class HostileInputTest {

    private static final String D = "\"t\".\"data\"";

    @ParameterizedTest
    @ValueSource(strings = {"'", "''; DROP TABLE v_book; --", "\"", "?", "??", "$$", "$1", "--", "/*", "*/", "\\",
            "\\'", "%", "_", "E'\\x00'", "'||(SELECT 1)||'", "\u2028", "é€😀"})
    void hostileStringsOnlyEverReachTheParameters(String hostile) {
        SqlStatement s = where(m("title", m("eq", hostile), "author", m("name", m("neq", hostile))));
        assertThat(s.text()).isEqualTo("(" + D + "->>'title' = ? AND " + D + "->'author'->>'name' <> ?)");
        assertThat(s.parameters()).containsExactly(hostile, hostile);
    }

    @Test
    void likeWildcardsAndBackslashesInTheUsersValueAreEscaped() {
        SqlStatement s = where(m("title", m("contains", "%_\\?'")));
        assertThat(s.text()).isEqualTo(D + "->>'title' LIKE ?");
        assertThat(s.parameters()).containsExactly("%\\%\\_\\\\?'%");
    }

    @Test
    void aNulCharacterIsRejectedBeforeTheDatabase() {
        assertThatThrownBy(() -> where(m("title", m("eq", "a\0b"))))
                .isInstanceOf(FilterException.class)
                .hasMessage("Invalid value for where.title.eq: \"a\\0b\" is not valid: it contains a NUL character (U+0000),"
                        + " which PostgreSQL text cannot hold; remove it");
        assertThatThrownBy(() -> where(m("metadata", m("contains", m("k", "\0")))))
                .isInstanceOf(FilterException.class)
                .hasMessageContaining("NUL character");
    }

    @Test
    void anUnpairedSurrogateIsRejectedBecauseTheDriverWouldSendAQuestionMark() {
        assertThatThrownBy(() -> where(m("title", m("contains", "ab\uD83D"))))
                .isInstanceOf(FilterException.class)
                .hasMessage("Invalid value for where.title.contains: \"ab\uD83D\" is not valid: it contains an unpaired"
                        + " surrogate (U+D83D at index 2), which is not text; send well-formed Unicode");
        assertThat(where(m("title", m("eq", "\uD83D\uDE00"))).parameters()).containsExactly("\uD83D\uDE00");
    }

    @Test
    void aVeryLongStringIsOneParameter() {
        String longText = "x'".repeat(500_000);
        SqlStatement s = where(m("title", m("startswith", longText)));
        assertThat(s.text()).isEqualTo(D + "->>'title' LIKE ?");
        assertThat((String) s.parameters().get(0)).hasSize(1_000_001);
    }

    @Test
    void fortyThousandValuesInAnInListAreOneArrayParameter() {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            values.add(i);
        }
        SqlStatement s = where(m("publishedYear", m("in", values)));
        assertThat(s.text()).isEqualTo("(" + D + "->>'published_year')::int = ANY(?::int[])");
        assertThat(s.parameters()).hasSize(1);
        assertThat((Integer[]) s.parameters().get(0)).hasSize(40_000).startsWith(0, 1).endsWith(39_999);
    }

    @Test
    void filtersNestedDeeperThanTheLimitAreRejected() {
        Map<String, Object> f = m("title", m("eq", "x"));
        for (int i = 0; i < WhereRenderer.MAX_DEPTH + 1; i++) {
            f = m("NOT", f);
        }
        Map<String, Object> deep = f;
        assertThatThrownBy(() -> where(deep))
                .isInstanceOf(FilterException.class)
                .hasMessageStartingWith("Filter too deeply nested at where.NOT.NOT")
                .hasMessageEndingWith(": at most 50 levels of AND/OR/NOT and nested objects are allowed; flatten the filter");
    }

    @Test
    void fieldNamesFromTheRequestNeverReachTheSql() {
        assertThatThrownBy(() -> where(m("title'; --", m("eq", 1))))
                .isInstanceOf(FilterException.class)
                .hasMessageStartingWith("Unknown field where.title'; --: type Book has no field title'; --");
        assertThatThrownBy(() -> where(m("title", m("eq'--", 1))))
                .isInstanceOf(FilterException.class)
                .hasMessageStartingWith("Unknown operator where.title.eq'--");
    }
}
