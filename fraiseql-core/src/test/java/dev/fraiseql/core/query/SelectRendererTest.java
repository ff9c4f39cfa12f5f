package dev.fraiseql.core.query;

import static dev.fraiseql.core.where.Fixtures.REGISTRY;
import static dev.fraiseql.core.where.Fixtures.m;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.sql.SqlStatement;
import dev.fraiseql.core.where.FilterException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectRendererTest {

    private static final String D = "\"t\".\"data\"";
    private static final String TITLE = D + "->>'title'";
    private static final String YEAR = "(" + D + "->>'published_year')::int";
    private static final String UUID = "123e4567-e89b-12d3-a456-426614174000";
    private final TypeDef book = REGISTRY.type("Book");
    private final SelectRenderer renderer = new SelectRenderer(REGISTRY, new PageSettings(20, 100));

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> order(Map<String, Object>... entries) {
        return List.of(entries);
    }

    @Test
    void listWithFilterNestedOrderingTiebreakAndPaging() {
        SqlStatement s = renderer.list(new SelectSpec(book, m("title", m("eq", "x")),
                order(m("publishedYear", "DESC"), m("author", m("name", "ASC_NULLS_FIRST"))), 10, 20),
                Projection.dataColumn(book));
        assertThat(s.text()).isEqualTo("SELECT " + D + " FROM \"v_book\" AS \"t\" WHERE " + TITLE + " = ? ORDER BY "
                + YEAR + " DESC, " + D + "->'author'->>'name' ASC NULLS FIRST, \"t\".\"id\" ASC LIMIT ? OFFSET ?");
        assertThat(s.parameters()).containsExactly("x", 10, 20);
    }

    @Test
    void listDefaultsToTheDefaultPageAndTheIdOrder() {
        SqlStatement s = renderer.list(SelectSpec.of(book), Projection.dataColumn(book));
        assertThat(s.text()).isEqualTo("SELECT " + D + " FROM \"v_book\" AS \"t\" ORDER BY \"t\".\"id\" ASC LIMIT ? OFFSET ?");
        assertThat(s.parameters()).containsExactly(20, 0);
    }

    @Test
    void orderingByIdDoesNotRepeatTheTiebreak() {
        SqlStatement s = renderer.list(new SelectSpec(book, null, order(m("id", "DESC")), 5, null),
                Projection.dataColumn(book));
        assertThat(s.text()).endsWith("ORDER BY \"t\".\"id\" DESC LIMIT ? OFFSET ?");
    }

    @Test
    void schemaQualifiedViewsAndOtherDataColumns() {
        TypeDef t = TypeDef.of("Thing", "app.v_thing", dev.fraiseql.core.schema.FieldDef.scalar("id",
                dev.fraiseql.core.schema.ScalarKind.ID)).withDataColumn("payload");
        SqlStatement s = new SelectRenderer(dev.fraiseql.core.schema.TypeRegistry.builder().type(t).build(),
                PageSettings.defaults()).list(SelectSpec.of(t), Projection.dataColumn(t));
        assertThat(s.text()).isEqualTo("SELECT \"t\".\"payload\" FROM \"app\".\"v_thing\" AS \"t\""
                + " ORDER BY \"t\".\"payload\"->>'id' ASC LIMIT ? OFFSET ?");
    }

    @Test
    void singleFetchesTwoRowsToDetectAmbiguity() {
        SqlStatement s = renderer.single(new SelectSpec(book, m("id", m("eq", UUID)), null, null, null),
                Projection.dataColumn(book));
        assertThat(s.text()).isEqualTo("SELECT " + D + " FROM \"v_book\" AS \"t\" WHERE \"t\".\"id\" = ?::uuid LIMIT 2");
        assertThat(s.parameters()).containsExactly(UUID);
    }

    @Test
    void countUsesTheSameFilter() {
        SqlStatement s = renderer.count(book, m("pages", m("gt", 1)));
        assertThat(s.text()).isEqualTo("SELECT count(*) FROM \"v_book\" AS \"t\" WHERE \"t\".\"pages\" > ?::int");
        assertThat(s.parameters()).containsExactly(1);
    }

    @Test
    void limitAboveTheMaximumIsAnErrorNotAClamp() {
        assertThatThrownBy(() -> renderer.list(new SelectSpec(book, null, null, 101, null), Projection.dataColumn(book)))
                .isInstanceOfSatisfying(FilterException.class, e -> assertThat(e.path()).isEqualTo("limit"))
                .hasMessage("Invalid value for limit: 101 exceeds the maximum page size 100;"
                        + " ask for at most 100 rows and fetch the next page");
        assertThatThrownBy(() -> renderer.list(new SelectSpec(book, null, null, -1, null), Projection.dataColumn(book)))
                .hasMessage("Invalid value for limit: -1 is negative; ask for 0 to 100 rows");
        assertThatThrownBy(() -> renderer.list(new SelectSpec(book, null, null, null, -5), Projection.dataColumn(book)))
                .hasMessage("Invalid value for offset: -5 is negative; skip 0 or more rows");
    }

    @Test
    void orderByErrorsNameTheEntry() {
        assertThatThrownBy(() -> renderer.list(new SelectSpec(book, null, order(m("title", "UP")), null, null),
                Projection.dataColumn(book)))
                .hasMessage("Invalid value for orderBy[0].title: \"UP\" is not a sort direction"
                        + " (ASC, DESC, ASC_NULLS_FIRST, ASC_NULLS_LAST, DESC_NULLS_FIRST, DESC_NULLS_LAST)");
        assertThatThrownBy(() -> renderer.list(new SelectSpec(book, null, order(m("title", "ASC"), m("nope", "ASC")),
                null, null), Projection.dataColumn(book)))
                .hasMessageStartingWith("Unknown field orderBy[1].nope: type Book has no field nope (fields: id, ");
        assertThatThrownBy(() -> renderer.list(new SelectSpec(book, null, order(m("tags", "ASC")), null, null),
                Projection.dataColumn(book)))
                .hasMessage("Cannot order by orderBy[0].tags: a [STRING] field has no order; order by a scalar field");
    }

    @Test
    void typesWithoutAViewCannotBeQueried() {
        assertThatThrownBy(() -> SelectSpec.of(REGISTRY.type("Author")))
                .hasMessage("Type Author is not bound to a view and cannot be queried on its own; give it a view");
    }

    @Test
    void forwardConnectionFetchesOneMoreRowAfterTheCursor() {
        String after = Cursor.encode("[\"Dune\", \"" + UUID + "\"]");
        SqlStatement s = renderer.connection(new ConnectionSpec(book, m("pages", m("gt", 1)), order(m("title", "ASC")),
                2, after, null, null, false), Projection.dataColumn(book));
        assertThat(s.text()).isEqualTo("SELECT " + D + ", jsonb_build_array(" + TITLE + ", \"t\".\"id\")::text AS \"__cursor\""
                + " FROM \"v_book\" AS \"t\" WHERE \"t\".\"pages\" > ?::int AND ((" + TITLE + " > ? OR " + TITLE
                + " IS NULL) OR (" + TITLE + " = ? AND (\"t\".\"id\" > ?::uuid OR \"t\".\"id\" IS NULL)))"
                + " ORDER BY " + TITLE + " ASC, \"t\".\"id\" ASC LIMIT ?");
        assertThat(s.parameters()).containsExactly(1, "Dune", "Dune", UUID, 3);
    }

    @Test
    void backwardConnectionReadsInReverseAndReturnsRowsInPageOrder() {
        String before = Cursor.encode("[2001, \"" + UUID + "\"]");
        SqlStatement s = renderer.connection(new ConnectionSpec(book, null, order(m("publishedYear", "ASC")),
                null, null, 2, before, true), Projection.dataColumn(book));
        assertThat(s.text()).isEqualTo("SELECT * FROM (SELECT " + D + ", jsonb_build_array(" + YEAR
                + ", \"t\".\"id\")::text AS \"__cursor\", " + YEAR + " AS \"__k0\", \"t\".\"id\" AS \"__k1\""
                + " FROM \"v_book\" AS \"t\" WHERE (" + YEAR + " < ?::int OR (" + YEAR + " = ?::int AND \"t\".\"id\" < ?::uuid))"
                + " ORDER BY " + YEAR + " DESC, \"t\".\"id\" DESC LIMIT ?) AS \"page\" ORDER BY \"__k0\" ASC, \"__k1\" ASC");
        assertThat(s.parameters()).containsExactly(2001, 2001, UUID, 3);
    }

    @Test
    void nullCursorValuesUseIsNullTests() {
        String after = Cursor.encode("[null, \"" + UUID + "\"]");
        SqlStatement asc = renderer.connection(new ConnectionSpec(book, null, order(m("publishedYear", "ASC")),
                2, after, null, null, false), Projection.dataColumn(book));
        assertThat(asc.text()).contains("WHERE ((" + YEAR + " IS NULL AND (\"t\".\"id\" > ?::uuid OR \"t\".\"id\" IS NULL)))");
        SqlStatement desc = renderer.connection(new ConnectionSpec(book, null, order(m("publishedYear", "DESC")),
                2, after, null, null, false), Projection.dataColumn(book));
        assertThat(desc.text()).contains("WHERE (" + YEAR + " IS NOT NULL OR (" + YEAR
                + " IS NULL AND (\"t\".\"id\" > ?::uuid OR \"t\".\"id\" IS NULL)))");
    }

    @Test
    void connectionArgumentsAreChecked() {
        assertThatThrownBy(() -> new ConnectionSpec(book, null, null, 1, null, 1, null, false))
                .hasMessage("Invalid arguments: first (1) and last (1) cannot be combined;"
                        + " page forward with first/after or backward with last/before");
        assertThatThrownBy(() -> new ConnectionSpec(book, null, null, -1, null, null, null, false))
                .hasMessage("Invalid value for first: -1 is negative; ask for 0 or more rows");
        assertThatThrownBy(() -> renderer.connection(new ConnectionSpec(book, null, null, 500, null, null, null, false),
                Projection.dataColumn(book)))
                .hasMessage("Invalid value for first: 500 exceeds the maximum page size 100;"
                        + " ask for at most 100 rows and fetch the next page");
    }

    @Test
    void pageInfoForwardAndBackward() {
        ConnectionSpec forward = new ConnectionSpec(book, null, null, 2, "x", null, null, false);
        ConnectionPage p = renderer.page(forward, List.of("[1]", "[2]", "[3]"));
        assertThat(p.fromIndex()).isZero();
        assertThat(p.toIndex()).isEqualTo(2);
        assertThat(p.cursors()).containsExactly(Cursor.encode("[1]"), Cursor.encode("[2]"));
        assertThat(p.pageInfo()).isEqualTo(new PageInfo(true, true, Cursor.encode("[1]"), Cursor.encode("[2]")));

        ConnectionSpec backward = new ConnectionSpec(book, null, null, null, null, 2, null, false);
        ConnectionPage b = renderer.page(backward, List.of("[1]", "[2]", "[3]"));
        assertThat(b.fromIndex()).isEqualTo(1);
        assertThat(b.toIndex()).isEqualTo(3);
        assertThat(b.pageInfo()).isEqualTo(new PageInfo(false, true, Cursor.encode("[2]"), Cursor.encode("[3]")));

        ConnectionPage empty = renderer.page(forward, List.of());
        assertThat(empty.pageInfo()).isEqualTo(new PageInfo(false, true, null, null));
    }
}
