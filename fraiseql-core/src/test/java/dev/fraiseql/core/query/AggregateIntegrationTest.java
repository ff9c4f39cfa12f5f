package dev.fraiseql.core.query;

import dev.fraiseql.core.query.AggregateSpec.Measure;
import dev.fraiseql.core.schema.FieldDef;
import dev.fraiseql.core.schema.ScalarKind;
import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.schema.TypeRegistry;
import dev.fraiseql.core.sql.SqlStatement;
import dev.fraiseql.core.testing.Jdbc;
import dev.fraiseql.testsupport.TestPostgres;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import static dev.fraiseql.core.where.Fixtures.m;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Aggregates on a real PostgreSQL, each answer checked against values computed by hand and against a hand-written
 * statement over the same rows: NULLs, empty groups, a real column, nested group keys and sums beyond 32 bits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AggregateIntegrationTest {

    private static final TypeRegistry REGISTRY = TypeRegistry.builder()
            .type("Item", "tv_item",
                    FieldDef.scalar("id", ScalarKind.INT).withColumn("id"),
                    FieldDef.scalar("title", ScalarKind.STRING),
                    FieldDef.scalar("pages", ScalarKind.INT).withColumn("pages"),
                    FieldDef.scalar("price", ScalarKind.FLOAT),
                    FieldDef.scalar("year", ScalarKind.INT),
                    FieldDef.scalar("publishedOn", ScalarKind.DATE),
                    FieldDef.object("author", "Author"))
            .type("Author", null, FieldDef.scalar("country", ScalarKind.STRING))
            .build();
    private static final TypeDef ITEM = REGISTRY.type("Item");

    private final AggregateRenderer renderer = new SelectRenderer(REGISTRY, new PageSettings(20, 50)).aggregates();
    private Connection connection;

    @BeforeAll
    void createData() throws Exception {
        TestPostgres pg = TestPostgres.shared();
        connection = pg.connect(pg.createDatabase("aggregate_it"));
        Jdbc.exec(connection, """
                CREATE TABLE tv_item (id int PRIMARY KEY, pages int, data jsonb NOT NULL);
                INSERT INTO tv_item (id, data) VALUES
                  (1, '{"title": "a", "pages": 10, "price": 0.1, "year": 2000, "published_on": "2020-01-02",
                        "author": {"country": "US"}}'),
                  (2, '{"title": "b", "pages": null, "price": 0.2, "year": 2000, "author": {"country": "US"}}'),
                  (3, '{"title": "c", "pages": 2147483647, "price": null, "year": 2001, "published_on": "2019-05-01",
                        "author": {"country": null}}'),
                  (4, '{"title": "d", "pages": 2147483647, "price": 12.5, "year": null, "author": null}'),
                  (5, '{"title": "a", "pages": 5, "price": 0.7, "year": 2001, "author": {"country": "FR"}}');
                UPDATE tv_item SET pages = (data->>'pages')::int;
                """);
    }

    @AfterAll
    void close() throws Exception {
        connection.close();
    }

    private List<String> rows(AggregateSpec spec) throws Exception {
        return Jdbc.strings(connection, renderer.aggregate(spec), 1);
    }

    private List<String> reference(String sql) throws Exception {
        return Jdbc.strings(connection, new SqlStatement(sql, List.of()), 1);
    }

    private static List<Measure> all(Aggregate function, String... paths) {
        return java.util.Arrays.stream(paths).map(p -> new Measure(function, p)).toList();
    }

    @Test
    void oneGroupOfAllRowsCountsSumsBeyond32BitsAndSkipsNulls() throws Exception {
        List<Measure> measures = new java.util.ArrayList<>();
        measures.addAll(all(Aggregate.COUNT_DISTINCT, "title", "author.country"));
        measures.addAll(all(Aggregate.SUM, "pages", "price"));
        measures.addAll(all(Aggregate.AVG, "pages", "year"));
        measures.addAll(all(Aggregate.MIN, "publishedOn", "title", "price"));
        measures.addAll(all(Aggregate.MAX, "publishedOn", "title", "pages"));
        List<String> rows = rows(new AggregateSpec(ITEM, null, null, true, measures, null, null, null));
        // 5 rows; titles a, b, c, d; countries US, FR; pages 10 + 2 * 2147483647 + 5 over 4 non-null values;
        // prices 0.1 + 0.2 + 12.5 + 0.7; years (2000 + 2000 + 2001 + 2001) / 4.
        // jsonb orders keys by length, then bytes.
        assertThat(rows).containsExactly("{\"avg\": {\"year\": 2000.5, \"pages\": 1073741827.25}, \"key\": {}, "
                + "\"max\": {\"pages\": 2147483647, \"title\": \"d\", \"published_on\": \"2020-01-02\"}, "
                + "\"min\": {\"price\": 0.1, \"title\": \"a\", \"published_on\": \"2019-05-01\"}, "
                + "\"sum\": {\"pages\": 4294967309, \"price\": 13.5}, \"count\": 5, "
                + "\"count_distinct\": {\"title\": 4, \"author\": {\"country\": 2}}}");
        assertThat(reference("SELECT count(*) || ' ' || count(DISTINCT data->>'title') || ' ' || sum(pages) || ' '"
                + " || avg((data->>'year')::int) FROM tv_item")).containsExactly("5 4 4294967309 2000.5000000000000000");
    }

    @Test
    void floatSumsAreExactDecimalsWhereDoublesWouldDrift() throws Exception {
        Map<String, Object> where = m("id", m("in", List.of(1, 2)));
        assertThat(rows(new AggregateSpec(ITEM, where, null, false, all(Aggregate.SUM, "price"), null, null, null)))
                .containsExactly("{\"key\": {}, \"sum\": {\"price\": 0.3}}");
        // What a double accumulator answers for the same rows.
        assertThat(reference("SELECT sum((data->>'price')::float8)::text FROM tv_item WHERE id IN (1, 2)"))
                .containsExactly("0.30000000000000004");
    }

    @Test
    void groupsByATopLevelAndANestedFieldWithNullGroupsOrderedByKeysAscending() throws Exception {
        List<String> rows = rows(new AggregateSpec(ITEM, null, List.of("year", "author.country"), true,
                all(Aggregate.SUM, "pages"), null, null, null));
        assertThat(rows).containsExactly(
                "{\"key\": {\"year\": 2000, \"author\": {\"country\": \"US\"}}, \"sum\": {\"pages\": 10}, \"count\": 2}",
                "{\"key\": {\"year\": 2001, \"author\": {\"country\": \"FR\"}}, \"sum\": {\"pages\": 5}, \"count\": 1}",
                "{\"key\": {\"year\": 2001, \"author\": {\"country\": null}}, \"sum\": {\"pages\": 2147483647}, "
                        + "\"count\": 1}",
                "{\"key\": {\"year\": null, \"author\": {\"country\": null}}, \"sum\": {\"pages\": 2147483647}, "
                        + "\"count\": 1}");
        assertThat(reference("SELECT (data->>'year') || '/' || coalesce(data->'author'->>'country', '-') || '/'"
                + " || count(*) FROM tv_item GROUP BY data->>'year', data->'author'->>'country'"
                + " ORDER BY data->>'year', data->'author'->>'country'"))
                .containsExactly("2000/US/2", "2001/FR/1", "2001/-/1", null);
    }

    @Test
    void ordersGroupsByAnAggregateThenByKeyAndPagesThem() throws Exception {
        // Counts: 2000 -> 2, 2001 -> 2, null -> 1; the tie is broken by the year, descending; page 2 of size 2 from 1.
        List<Map<String, Object>> order = List.of(m("count", "DESC"), m("key", m("year", "DESC_NULLS_LAST")));
        assertThat(rows(new AggregateSpec(ITEM, null, List.of("year"), true, List.of(), order, 2, 1))).containsExactly(
                "{\"key\": {\"year\": 2000}, \"count\": 2}", "{\"key\": {\"year\": null}, \"count\": 1}");
        assertThat(rows(new AggregateSpec(ITEM, null, List.of("year"), true, all(Aggregate.MAX, "price"),
                List.of(m("max", m("price", "DESC_NULLS_LAST"))), null, null))).containsExactly(
                "{\"key\": {\"year\": null}, \"max\": {\"price\": 12.5}, \"count\": 1}",
                "{\"key\": {\"year\": 2001}, \"max\": {\"price\": 0.7}, \"count\": 2}",
                "{\"key\": {\"year\": 2000}, \"max\": {\"price\": 0.2}, \"count\": 2}");
    }

    @Test
    void noMatchingRowIsOneEmptyGroupWithoutGroupByAndNoGroupWithIt() throws Exception {
        Map<String, Object> none = m("title", m("eq", "zzz"));
        assertThat(rows(new AggregateSpec(ITEM, none, null, true, all(Aggregate.SUM, "pages", "price"), null, null,
                null))).containsExactly("{\"key\": {}, \"sum\": {\"pages\": null, \"price\": null}, \"count\": 0}");
        assertThat(rows(new AggregateSpec(ITEM, none, List.of("year"), true, null, null, null, null))).isEmpty();
    }

    @Test
    void aGroupWhoseValuesAreAllNullAggregatesToNullAndCountsItsRows() throws Exception {
        assertThat(rows(new AggregateSpec(ITEM, m("id", m("eq", 2)), List.of("title"), true,
                all(Aggregate.AVG, "pages"), null, null, null)))
                .containsExactly("{\"avg\": {\"pages\": null}, \"key\": {\"title\": \"b\"}, \"count\": 1}");
    }

    @Test
    void aGroupOfMoreKeysThanAFunctionTakesArgumentsIsBuiltInPartsAndAnswers() throws Exception {
        // 60 group keys are 120 arguments, over PostgreSQL's 100: the key object is built as two calls joined by ||.
        FieldDef[] fields = new FieldDef[60];
        StringBuilder data = new StringBuilder("{");
        List<String> groupBy = new java.util.ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            fields[i] = FieldDef.scalar("k" + i, ScalarKind.INT);
            data.append(i > 0 ? ", " : "").append("\"k_").append(i).append("\": ").append(i);
            groupBy.add("k" + i);
        }
        TypeRegistry wide = TypeRegistry.builder().type("Wide", "tv_wide", fields).build();
        Jdbc.exec(connection, "CREATE TABLE tv_wide (data jsonb NOT NULL); INSERT INTO tv_wide VALUES ('" + data
                + "}'), ('" + data + "}')");
        SqlStatement sql = new SelectRenderer(wide, new PageSettings(20, 50)).aggregates()
                .aggregate(new AggregateSpec(wide.type("Wide"), null, groupBy, true, null, null, null, null));

        assertThat(sql.text()).contains("'k_49', (\"t\".\"data\"->>'k_49')::int) || jsonb_build_object('k_50', ");
        assertThat(Jdbc.strings(connection, sql, 1)).hasSize(1).allSatisfy(row -> assertThat(row)
                .startsWith("{\"key\": {\"k_0\": 0, \"k_1\": 1, ").contains("\"k_59\": 59").endsWith(", \"count\": 2}"));
    }
}
