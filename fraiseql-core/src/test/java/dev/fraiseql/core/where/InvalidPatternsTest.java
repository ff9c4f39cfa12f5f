package dev.fraiseql.core.where;

import dev.fraiseql.core.schema.FieldDef;
import dev.fraiseql.core.schema.ScalarKind;
import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.schema.TypeRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class InvalidPatternsTest {

    private static final TypeDef BOOK = TypeDef.of("Book", "v_book", FieldDef.scalar("title", ScalarKind.STRING),
            FieldDef.scalar("summary", ScalarKind.TSVECTOR), FieldDef.scalar("category", ScalarKind.LTREE));
    private static final TypeRegistry TYPES = TypeRegistry.builder().type(BOOK).build();

    @Test
    void severalRegularExpressionsThatCouldBeAtFaultAreAllNamed() {
        FilterException e = InvalidPatterns.explain("2201B", BOOK, Map.of("AND", List.of(
                Map.of("title", Map.of("matches", "(")), Map.of("NOT", Map.of("title", Map.of("imatches", "["))))),
                TYPES);

        assertThat(e.getMessage()).isEqualTo("Invalid value in the filter: one of where.AND[0].title.matches = \"(\","
                + " where.AND[1].NOT.title.imatches = \"[\" is not a valid regular expression");
        assertThat(e.path()).isEqualTo("where.AND[0].title.matches");
    }

    @Test
    void aSyntaxErrorPointsAtTextSearchAndLqueryOperandsButNotAtRegularExpressions() {
        FilterException e = InvalidPatterns.explain("42601", BOOK, Map.of("title", Map.of("matches", "("),
                "category", Map.of("matchesLquery", "a.{")), TYPES);

        assertThat(e.getMessage()).isEqualTo("Invalid value for where.category.matchesLquery: \"a.{\" is not a valid"
                + " lquery pattern such as 'top.*.astronomy'");
    }

    @Test
    void otherFailuresOrFiltersWithoutPatternsAreLeftAsTheyAre() {
        assertThat(InvalidPatterns.explain("57014", BOOK, Map.of("title", Map.of("matches", "(")), TYPES)).isNull();
        assertThat(InvalidPatterns.explain("2201B", BOOK, Map.of("title", Map.of("eq", "(")), TYPES)).isNull();
        assertThat(InvalidPatterns.explain("2201B", BOOK, null, TYPES)).isNull();
    }

    @Test
    void aPatternInsideAListQuantifierIsNamedWithItsPath() {
        TypeDef shelf = TypeDef.of("Shelf", "v_shelf", FieldDef.object("books", "Book").asList());
        TypeRegistry types = TypeRegistry.builder().type(shelf).type(BOOK).build();

        FilterException e = InvalidPatterns.explain("2201B", shelf, Map.of("books", Map.of("every",
                Map.of("title", Map.of("matches", "(")))), types);

        assertThat(e.getMessage()).isEqualTo("Invalid value for where.books.every.title.matches: \"(\" is not a valid"
                + " regular expression");
    }
}
