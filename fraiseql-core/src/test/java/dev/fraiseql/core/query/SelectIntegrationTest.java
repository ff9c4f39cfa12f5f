package dev.fraiseql.core.query;

import dev.fraiseql.core.schema.FieldDef;
import dev.fraiseql.core.schema.ScalarKind;
import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.schema.TypeRegistry;
import dev.fraiseql.core.sql.SqlStatement;
import dev.fraiseql.core.testing.Jdbc;
import dev.fraiseql.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static dev.fraiseql.core.where.Fixtures.m;
import static org.assertj.core.api.Assertions.assertThat;


/** Ordering, limit/offset and keyset connections on a real PostgreSQL, with duplicate and null sort values. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelectIntegrationTest {

    private static final TypeRegistry REGISTRY = TypeRegistry.builder()
            .type("Book", "tv_book",
                    FieldDef.scalar("id", ScalarKind.UUID).withColumn("id"),
                    FieldDef.scalar("title", ScalarKind.STRING),
                    FieldDef.scalar("year", ScalarKind.INT),
                    FieldDef.scalar("price", ScalarKind.FLOAT),
                    FieldDef.scalar("at", ScalarKind.DATETIME),
                    FieldDef.object("author", "Author"))
            .type("Author", null, FieldDef.scalar("name", ScalarKind.STRING))
            .type("StrictBook", "tv_book",
                    FieldDef.scalar("id", ScalarKind.UUID).withColumn("id"),
                    FieldDef.scalar("title", ScalarKind.STRING).withNonNull(true),
                    FieldDef.scalar("copies", ScalarKind.INT).withNonNull(true),
                    FieldDef.scalar("year", ScalarKind.INT))
            .build();
    private static final TypeDef BOOK = REGISTRY.type("Book");
    /** The same rows read through a type declaring title and copies non-null, as {@code String!} and {@code Int!} do. */
    private static final TypeDef STRICT = REGISTRY.type("StrictBook");
    private static final Projection TITLE = (sql, alias) -> sql.identifier(alias).append(".").identifier("data")
            .append("->>'title'");

    private final SelectRenderer renderer = new SelectRenderer(REGISTRY, new PageSettings(3, 50));
    private Connection connection;

    @BeforeAll
    void createData() throws Exception {
        TestPostgres pg = TestPostgres.shared();
        connection = pg.connect(pg.createDatabase("select_it"));
        Jdbc.exec(connection, """
                CREATE TABLE tv_book (id uuid PRIMARY KEY, data jsonb NOT NULL);
                INSERT INTO tv_book (id, data)
                SELECT ('00000000-0000-0000-0000-0000000000' || lpad(n::text, 2, '0'))::uuid,
                       jsonb_set(v, '{id}', to_jsonb('00000000-0000-0000-0000-0000000000' || lpad(n::text, 2, '0')))
                FROM jsonb_array_elements('[
                  {"title": "t01", "year": 9,    "price": 9.5,  "at": "2024-01-01T10:00:00Z", "author": {"name": "Le Guin"}},
                  {"title": "t02", "year": 10,   "price": 10.25, "at": "2024-01-01T09:00:00-05:00", "author": {"name": "Herbert"}},
                  {"title": "t03", "year": 100,  "price": 1.0,  "at": null, "author": {"name": "Le Guin"}},
                  {"title": "t04", "year": null, "price": 2.5,  "at": "2023-01-01T00:00:00Z", "author": null},
                  {"title": "t05", "year": 10,   "price": 9.5,  "at": "2024-01-01T10:00:00Z", "author": {"name": "Banks"}},
                  {"title": "t06", "year": 9,    "price": null, "at": "2025-06-01T12:30:00+02:00", "author": {"name": "Herbert"}},
                  {"title": "t07", "year": null, "price": 7.0,  "at": "2024-01-01T10:00:00Z", "author": {"name": "Banks"}},
                  {"title": "t08", "year": 2000, "price": 7.0,  "at": "2022-02-02T02:02:02Z", "author": {"name": "Le Guin"}},
                  {"title": "t09", "year": 10,   "price": 0.1,  "at": "2024-01-01T10:00:00.5Z", "author": {"name": null}},
                  {"title": "t10", "year": 9,    "price": 9.5,  "at": "2021-01-01T00:00:00Z", "author": {"name": "Herbert"}},
                  {"title": "t11", "year": 55,   "price": 100,  "at": "2020-01-01T00:00:00Z", "author": {"name": "Banks"}}
                ]') WITH ORDINALITY AS x(v, n);
                UPDATE tv_book SET data = data || jsonb_build_object('copies', substr(data->>'title', 2)::int % 3);
                """);
    }

    @AfterAll
    void close() throws Exception {
        connection.close();
    }

    private List<String> titles(SqlStatement s) throws Exception {
        return Jdbc.strings(connection, s, 1);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> order(Map<String, Object>... entries) {
        return List.of(entries);
    }

    @Test
    void numbersSortAsNumbersWithPostgresNullPlacementAndAnIdTiebreakInTheLastKeysDirection() throws Exception {
        assertThat(titles(renderer.list(new SelectSpec(BOOK, null, order(m("year", "ASC")), 50, null), TITLE)))
                .containsExactly("t01", "t06", "t10", "t02", "t05", "t09", "t11", "t03", "t08", "t04", "t07");
        assertThat(titles(renderer.list(new SelectSpec(BOOK, null, order(m("year", "DESC")), 50, null), TITLE)))
                .containsExactly("t07", "t04", "t08", "t03", "t11", "t09", "t05", "t02", "t10", "t06", "t01");
        assertThat(titles(renderer.list(new SelectSpec(BOOK, null, order(m("year", "DESC_NULLS_LAST")), 50, null),
                TITLE))).containsExactly("t08", "t03", "t11", "t09", "t05", "t02", "t10", "t06", "t01", "t07", "t04");
    }

    @Test
    void nestedOrderingThenAnotherKey() throws Exception {
        assertThat(titles(renderer.list(new SelectSpec(BOOK, null,
                order(m("author", m("name", "ASC_NULLS_FIRST")), m("year", "DESC")), 50, null), TITLE)))
                .containsExactly("t04", "t09", "t07", "t11", "t05", "t02", "t10", "t06", "t08", "t03", "t01");
    }

    @Test
    void limitAndOffsetPageTheSameOrder() throws Exception {
        assertThat(titles(renderer.list(new SelectSpec(BOOK, m("year", m("gte", 10)), order(m("year", "ASC")), 2, 1),
                TITLE))).containsExactly("t05", "t09");
        assertThat(titles(renderer.list(new SelectSpec(BOOK, null, null, null, null), TITLE)))
                .containsExactly("t01", "t02", "t03");
    }

    @Test
    void singleAndCount() throws Exception {
        assertThat(titles(renderer.single(new SelectSpec(BOOK, m("id", m("eq", "00000000-0000-0000-0000-000000000005")),
                null, null, null), TITLE))).containsExactly("t05");
        assertThat(titles(renderer.single(new SelectSpec(BOOK, m("year", m("eq", 9)), null, null, null), TITLE)))
                .hasSize(2);
        assertThat(titles(renderer.count(BOOK, m("year", m("gt", 9))))).containsExactly("6");
        assertThat(titles(renderer.count(BOOK, null))).containsExactly("11");
    }

    static Stream<Arguments> orderings() {
        return Stream.of(order(), order(m("year", "ASC")), order(m("year", "DESC")), order(m("year", "ASC_NULLS_FIRST")),
                order(m("year", "DESC_NULLS_LAST")), order(m("author", m("name", "ASC")), m("year", "DESC")),
                order(m("price", "DESC"), m("title", "ASC")), order(m("at", "ASC")), order(m("at", "DESC_NULLS_LAST")),
                order(m("id", "DESC"))).map(o -> Arguments.of(BOOK, o));
    }

    /** Non-null keys take the row-comparison and leading-range forms of the keyset; nullable ones mixed in do not. */
    static Stream<Arguments> strictOrderings() {
        return Stream.of(order(m("copies", "ASC")), order(m("copies", "DESC")), order(m("copies", "DESC_NULLS_LAST")),
                order(m("copies", "ASC"), m("title", "DESC")), order(m("copies", "DESC"), m("year", "ASC")),
                order(m("year", "ASC_NULLS_FIRST"), m("copies", "ASC")), order(m("year", "DESC"), m("copies", "DESC")),
                order(m("copies", "ASC"), m("id", "DESC"))).map(o -> Arguments.of(STRICT, o));
    }

    @ParameterizedTest
    @MethodSource({"orderings", "strictOrderings"})
    void keysetPagesForwardAndBackwardCoverTheListOrderExactly(TypeDef type, List<Map<String, Object>> orderBy)
            throws Exception {
        Map<String, Object> where = m("title", m("neq", "t03"));
        List<String> expected = titles(renderer.list(new SelectSpec(type, where, orderBy, 50, null), TITLE));
        assertThat(expected).hasSize(10);

        List<String> forward = new ArrayList<>();
        String after = null;
        int pages = 0;
        while (true) {
            ConnectionSpec spec = new ConnectionSpec(type, where, orderBy, 3, after, null, null, true);
            Page page = fetch(spec);
            forward.addAll(page.titles());
            assertThat(page.total()).isEqualTo(10);
            pages++;
            assertThat(page.info().hasPreviousPage()).isEqualTo(after != null);
            if (!page.info().hasNextPage()) {
                break;
            }
            after = page.info().endCursor();
        }
        assertThat(forward).isEqualTo(expected);
        assertThat(pages).isEqualTo(4);

        List<String> backward = new ArrayList<>();
        String before = null;
        while (true) {
            ConnectionSpec spec = new ConnectionSpec(type, where, orderBy, null, null, 3, before, false);
            Page page = fetch(spec);
            List<String> reversed = new ArrayList<>(page.titles());
            Collections.reverse(reversed);
            backward.addAll(reversed);
            assertThat(page.info().hasNextPage()).isEqualTo(before != null);
            if (!page.info().hasPreviousPage()) {
                break;
            }
            before = page.info().startCursor();
        }
        Collections.reverse(backward);
        assertThat(backward).isEqualTo(expected);
    }

    @Test
    void afterAndBeforeTogetherBoundAWindow() throws Exception {
        List<Map<String, Object>> orderBy = order(m("year", "ASC"));
        Page all = fetch(new ConnectionSpec(BOOK, null, orderBy, 50, null, null, null, false));
        List<String> cursors = all.cursors();
        Page window = fetch(new ConnectionSpec(BOOK, null, orderBy, 50, cursors.get(1), null, cursors.get(5), false));
        assertThat(window.titles()).isEqualTo(all.titles().subList(2, 5));
        assertThat(window.info().hasNextPage()).isFalse();
        assertThat(window.info().hasPreviousPage()).isTrue();
    }

    @Test
    void anEmptyPageStillCarriesTheTotalCount() throws Exception {
        List<Map<String, Object>> orderBy = order(m("year", "ASC"));
        Page all = fetch(new ConnectionSpec(BOOK, null, orderBy, 50, null, null, null, false));
        String last = all.cursors().get(all.cursors().size() - 1);
        Page after = fetch(new ConnectionSpec(BOOK, m("year", m("gt", 1)), orderBy, 5, last, null, null, true));
        assertThat(after.titles()).isEmpty();
        assertThat(after.info()).isEqualTo(new PageInfo(false, true, null, null));
        assertThat(after.total()).isEqualTo(9);
        assertThat(all.total()).isNull();
    }

    private record Page(List<String> titles, List<String> cursors, PageInfo info, Integer total) {
    }

    private Page fetch(ConnectionSpec spec) throws Exception {
        SqlStatement s = renderer.connection(spec, TITLE);
        List<String> titles = new ArrayList<>();
        List<String> cursorColumn = new ArrayList<>();
        Integer total = null;
        try (PreparedStatement ps = connection.prepareStatement(s.text())) {
            Jdbc.bind(connection, ps, s.parameters());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (spec.withTotalCount()) {
                        total = rs.getInt(3);
                    }
                    if (rs.getString(2) != null) {
                        titles.add(rs.getString(1));
                        cursorColumn.add(rs.getString(2));
                    }
                }
            }
        }
        ConnectionPage page = renderer.page(spec, cursorColumn);
        return new Page(titles.subList(page.fromIndex(), page.toIndex()), page.cursors(), page.pageInfo(), total);
    }
}
