package dev.fraiseql.core.query;

import dev.fraiseql.core.schema.FieldDef;
import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.schema.TypeRegistry;
import dev.fraiseql.core.sql.SqlStatement;
import dev.fraiseql.core.where.FilterException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static dev.fraiseql.core.where.Fixtures.REGISTRY;
import static dev.fraiseql.core.where.Fixtures.m;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


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
        TypeDef t = TypeDef.of("Thing", "app.v_thing", FieldDef.scalar("id",
                dev.fraiseql.core.schema.ScalarKind.ID)).withDataColumn("payload");
        SqlStatement s = new SelectRenderer(TypeRegistry.builder().type(t).build(),
                new PageSettings(100, 1000)).list(SelectSpec.of(t), Projection.dataColumn(t));
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
                + " IS NULL) OR (" + TITLE + " = ? AND \"t\".\"id\" > ?::uuid))"
                + " ORDER BY " + TITLE + " ASC, \"t\".\"id\" ASC LIMIT ?");
        assertThat(s.parameters()).containsExactly(1, "Dune", "Dune", UUID, 3);
    }

    @Test
    void theIdTiebreakIsNeverNullSoAPageInIdOrderIsOneRangeCondition() {
        String after = Cursor.encode("[\"" + UUID + "\"]");
        SqlStatement s = renderer.connection(new ConnectionSpec(book, null, null, 2, after, null, null, false),
                Projection.dataColumn(book));
        assertThat(s.text()).isEqualTo("SELECT " + D + ", jsonb_build_array(\"t\".\"id\")::text AS \"__cursor\""
                + " FROM \"v_book\" AS \"t\" WHERE \"t\".\"id\" > ?::uuid ORDER BY \"t\".\"id\" ASC LIMIT ?");
        assertThat(s.parameters()).containsExactly(UUID, 3);
    }

    @Test
    void nonNullKeysSortedOneWayCompareAsOneRowValue() {
        TypeDef strict = strictBook();
        String after = Cursor.encode("[\"Dune\", \"" + UUID + "\"]");
        SqlStatement asc = renderer(strict).connection(new ConnectionSpec(strict, null, order(m("title", "ASC")),
                2, after, null, null, false), Projection.dataColumn(strict));
        assertThat(asc.text()).isEqualTo("SELECT " + D + ", jsonb_build_array(" + TITLE + ", \"t\".\"id\")::text AS"
                + " \"__cursor\" FROM \"v_book\" AS \"t\" WHERE (" + TITLE + ", \"t\".\"id\") > (?, ?::uuid)"
                + " ORDER BY " + TITLE + " ASC, \"t\".\"id\" ASC LIMIT ?");
        assertThat(asc.parameters()).containsExactly("Dune", UUID, 3);
        SqlStatement desc = renderer(strict).connection(new ConnectionSpec(strict, null, order(m("title", "DESC")),
                2, after, null, null, false), Projection.dataColumn(strict));
        assertThat(desc.text()).contains(" WHERE (" + TITLE + ", \"t\".\"id\") < (?, ?::uuid) ORDER BY " + TITLE
                + " DESC, \"t\".\"id\" DESC LIMIT ?");
    }

    @Test
    void mixedDirectionsBoundTheLeadingKeyThenSpellTheOrderOut() {
        TypeDef strict = strictBook();
        String after = Cursor.encode("[\"Dune\", 1965, \"" + UUID + "\"]");
        SqlStatement s = renderer(strict).connection(new ConnectionSpec(strict, null,
                order(m("title", "ASC"), m("publishedYear", "DESC")), 2, after, null, null, false),
                Projection.dataColumn(strict));
        assertThat(s.text()).contains(" WHERE " + TITLE + " >= ? AND (" + TITLE + " > ? OR (" + TITLE + " = ? AND "
                + YEAR + " < ?::int) OR (" + TITLE + " = ? AND " + YEAR + " = ?::int AND \"t\".\"id\" < ?::uuid))"
                + " ORDER BY " + TITLE + " ASC, " + YEAR + " DESC, \"t\".\"id\" DESC LIMIT ?");
        assertThat(s.parameters()).containsExactly("Dune", "Dune", "Dune", 1965, "Dune", 1965, UUID, 3);
    }

    @Test
    void aNullableLeadingKeyWithNullsLastGetsNoRangeButItsNullBranch() {
        String after = Cursor.encode("[1965, \"" + UUID + "\"]");
        SqlStatement s = renderer.connection(new ConnectionSpec(book, null, order(m("publishedYear", "ASC")),
                2, after, null, null, false), Projection.dataColumn(book));
        assertThat(s.text()).contains(" WHERE ((" + YEAR + " > ?::int OR " + YEAR + " IS NULL) OR (" + YEAR
                + " = ?::int AND \"t\".\"id\" > ?::uuid)) ORDER BY");
    }

    @Test
    void backwardConnectionReadsInReverseAndReturnsRowsInPageOrder() {
        String before = Cursor.encode("[2001, \"" + UUID + "\"]");
        SqlStatement s = renderer.connection(new ConnectionSpec(book, null, order(m("publishedYear", "ASC")),
                null, null, 2, before, false), Projection.dataColumn(book));
        // Read backwards, ASC's nulls-last becomes nulls-first: nulls lie after the cursor, so a row comparison is exact.
        assertThat(s.text()).isEqualTo("SELECT \"page\".\"__node\", \"page\".\"__cursor\" FROM (SELECT " + D
                + " AS \"__node\", jsonb_build_array(" + YEAR + ", \"t\".\"id\")::text AS \"__cursor\", " + YEAR
                + " AS \"__k0\", \"t\".\"id\" AS \"__k1\" FROM \"v_book\" AS \"t\" WHERE (" + YEAR
                + ", \"t\".\"id\") < (?::int, ?::uuid) ORDER BY " + YEAR + " DESC, \"t\".\"id\" DESC LIMIT ?) AS \"page\""
                + " ORDER BY \"page\".\"__k0\" ASC, \"page\".\"__k1\" ASC");
        assertThat(s.parameters()).containsExactly(2001, UUID, 3);
    }

    @Test
    void totalCountJoinsThePageToTheCountInOneStatement() {
        SqlStatement s = renderer.connection(new ConnectionSpec(book, m("pages", m("gt", 1)), null, 2, null, null, null,
                true), Projection.dataColumn(book));
        assertThat(s.text()).isEqualTo("SELECT \"page\".\"__node\", \"page\".\"__cursor\", \"__total\".\"__total\""
                + " FROM (SELECT count(*) AS \"__total\" FROM \"v_book\" AS \"t\" WHERE \"t\".\"pages\" > ?::int)"
                + " AS \"__total\" LEFT JOIN LATERAL (SELECT " + D + " AS \"__node\", jsonb_build_array(\"t\".\"id\")::text"
                + " AS \"__cursor\", \"t\".\"id\" AS \"__k0\" FROM \"v_book\" AS \"t\" WHERE \"t\".\"pages\" > ?::int"
                + " ORDER BY \"t\".\"id\" ASC LIMIT ?) AS \"page\" ON TRUE ORDER BY \"page\".\"__k0\" ASC");
        assertThat(s.parameters()).containsExactly(1, 1, 3);
    }

    @Test
    void nullCursorValuesUseIsNullTests() {
        String after = Cursor.encode("[null, \"" + UUID + "\"]");
        SqlStatement asc = renderer.connection(new ConnectionSpec(book, null, order(m("publishedYear", "ASC")),
                2, after, null, null, false), Projection.dataColumn(book));
        assertThat(asc.text()).contains("WHERE ((" + YEAR + " IS NULL AND \"t\".\"id\" > ?::uuid))");
        SqlStatement desc = renderer.connection(new ConnectionSpec(book, null, order(m("publishedYear", "DESC")),
                2, after, null, null, false), Projection.dataColumn(book));
        assertThat(desc.text()).contains("WHERE (" + YEAR + " IS NOT NULL OR (" + YEAR
                + " IS NULL AND \"t\".\"id\" < ?::uuid))");
    }

    /** Book with title and publishedYear declared non-null, as a schema's {@code String!} and {@code Int!} do. */
    private static TypeDef strictBook() {
        Map<String, FieldDef> fields = new LinkedHashMap<>(REGISTRY.type("Book").fields());
        fields.computeIfPresent("title", (k, f) -> f.withNonNull(true));
        fields.computeIfPresent("publishedYear", (k, f) -> f.withNonNull(true));
        return new TypeDef("Book", "v_book", null, fields);
    }

    private static SelectRenderer renderer(TypeDef type) {
        TypeRegistry.Builder builder = TypeRegistry.builder().type(type);
        REGISTRY.types().stream().filter(t -> !t.name().equals(type.name())).forEach(builder::type);
        return new SelectRenderer(builder.build(), new PageSettings(20, 100));
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
