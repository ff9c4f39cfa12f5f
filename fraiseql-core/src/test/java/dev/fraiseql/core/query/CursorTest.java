package dev.fraiseql.core.query;

import dev.fraiseql.core.where.FilterException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static dev.fraiseql.core.where.Fixtures.REGISTRY;
import static dev.fraiseql.core.where.Fixtures.m;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


class CursorTest {

    @Test
    void cursorsAreBase64UrlOfTheSortKeyJson() {
        String c = Cursor.encode("[2001, \"Le Guin\", null, true]");
        assertThat(c).isEqualTo("WzIwMDEsICJMZSBHdWluIiwgbnVsbCwgdHJ1ZV0");
        assertThat(Cursor.decode(c, "after")).isEqualTo(Arrays.asList(new BigDecimal("2001"), "Le Guin", null, true));
    }

    @Test
    void escapesInStringsRoundTrip() {
        String c = Cursor.encode("[\"a\\\"b\\\\c\\u00e9\\n\"]");
        assertThat(Cursor.decode(c, "after")).containsExactly("a\"b\\c\u00e9\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!!!", "e30", "WzFd=", "WyJ1bnRlcm1pbmF0ZWQ", "WzEsXQ", "W10gMQ"})
    void malformedCursorsAreRejectedWithTheArgumentName(String bad) {
        assertThatThrownBy(() -> Cursor.decode(bad, "before"))
                .isInstanceOfSatisfying(FilterException.class, e -> assertThat(e.path()).isEqualTo("before"))
                .hasMessageStartingWith("Invalid value for before: ")
                .hasMessageEndingWith(" is not a cursor of this connection;"
                        + " use a startCursor or endCursor returned with the same orderBy");
    }

    @Test
    void aCursorWithTheWrongShapeForTheOrderIsRejected() {
        SelectRenderer r = new SelectRenderer(REGISTRY, new PageSettings(100, 1000));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> order = List.of(m("publishedYear", "ASC"));
        String tooShort = Cursor.encode("[1]");
        assertThatThrownBy(() -> r.connection(new ConnectionSpec(REGISTRY.type("Book"), null, order, 1, tooShort,
                null, null, false), Projection.dataColumn(REGISTRY.type("Book"))))
                .hasMessage("Invalid value for after: \"WzFd\" is not a cursor of this connection;"
                        + " use a startCursor or endCursor returned with the same orderBy");
        String wrongType = Cursor.encode("[\"abc\", \"123e4567-e89b-12d3-a456-426614174000\"]");
        assertThatThrownBy(() -> r.connection(new ConnectionSpec(REGISTRY.type("Book"), null, order, 1, wrongType,
                null, null, false), Projection.dataColumn(REGISTRY.type("Book"))))
                .isInstanceOf(FilterException.class)
                .hasMessageEndingWith("is not a cursor of this connection; use a startCursor or endCursor returned with the same orderBy");
    }

    @Test
    void aForgedCursorWithAHugeExponentIsRejectedAtOnceInsteadOfExpandingTheNumber() {
        String forged = Cursor.encode("[1e40000000, \"x\"]");
        assertThatThrownBy(() -> Cursor.decode(forged, "after"))
                .hasMessage("Invalid value for after: \"" + forged + "\" is not a cursor of this connection;"
                        + " use a startCursor or endCursor returned with the same orderBy");
    }

    @Test
    void aHugeNumberInAnIntegerSortKeyIsAWrongShapeNotAMinutesLongConversion() {
        SelectRenderer r = new SelectRenderer(REGISTRY, new PageSettings(100, 1000));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> order = List.of(m("publishedYear", "ASC"));
        String forged = Cursor.encode("[1e999, \"123e4567-e89b-12d3-a456-426614174000\"]");
        assertThatThrownBy(() -> r.connection(new ConnectionSpec(REGISTRY.type("Book"), null, order, 1, forged,
                null, null, false), Projection.dataColumn(REGISTRY.type("Book"))))
                .isInstanceOf(FilterException.class)
                .hasMessageEndingWith("is not a cursor of this connection; use a startCursor or endCursor returned with the same orderBy");
    }
}
