package dev.fraiseql.core.query;

import dev.fraiseql.core.query.AggregateSpec.Measure;
import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.sql.SqlStatement;
import dev.fraiseql.core.where.FilterException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static dev.fraiseql.core.where.Fixtures.REGISTRY;
import static dev.fraiseql.core.where.Fixtures.m;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AggregateRendererTest {

    private static final String D = "\"t\".\"data\"";
    private static final String YEAR = "(" + D + "->>'published_year')::int";
    private static final String COUNTRY = D + "->'author'->>'name'";
    private final TypeDef book = REGISTRY.type("Book");
    private final AggregateRenderer renderer = new SelectRenderer(REGISTRY, new PageSettings(20, 100)).aggregates();

    private static AggregateSpec spec(TypeDef type, Map<String, Object> where, List<String> groupBy, boolean count,
            List<Measure> measures, List<Map<String, Object>> orderBy, Integer limit, Integer offset) {
        return new AggregateSpec(type, where, groupBy, count, measures, orderBy, limit, offset);
    }

    @Test
    void rendersOneGroupOfAllMatchingRowsWithTheListFieldsWhere() {
        SqlStatement s = renderer.aggregate(spec(book, m("title", m("eq", "x")), List.of(), true,
                List.of(new Measure(Aggregate.SUM, "pages"), new Measure(Aggregate.AVG, "pages")), null, null, null));
        assertThat(s.text()).isEqualTo("SELECT jsonb_build_object('key', jsonb_build_object(), 'count', count(*), "
                + "'sum', jsonb_build_object('pages', sum(\"t\".\"pages\")), "
                + "'avg', jsonb_build_object('pages', avg(\"t\".\"pages\")::float8))::text "
                + "FROM \"v_book\" AS \"t\" WHERE " + D + "->>'title' = ? LIMIT ? OFFSET ?");
        assertThat(s.parameters()).containsExactly("x", 20, 0);
    }

    @Test
    void rendersGroupsByTopLevelAndNestedFieldsWithKeysNestedAsTheTypeIs() {
        SqlStatement s = renderer.aggregate(spec(book, null, List.of("publishedYear", "author.name"), true,
                List.of(), null, 10, 5));
        assertThat(s.text()).isEqualTo("SELECT jsonb_build_object('key', jsonb_build_object('published_year', " + YEAR
                + ", 'author', jsonb_build_object('name', " + COUNTRY + ")), 'count', count(*))::text "
                + "FROM \"v_book\" AS \"t\" GROUP BY " + YEAR + ", " + COUNTRY + " ORDER BY " + YEAR + " ASC, "
                + COUNTRY + " ASC LIMIT ? OFFSET ?");
        assertThat(s.parameters()).containsExactly(10, 5);
    }

    @Test
    void sumsAndAveragesFloatsAsExactDecimalsAndKeepsMinAndMaxTyped() {
        SqlStatement s = renderer.aggregate(spec(book, null, List.of(), false, List.of(
                new Measure(Aggregate.SUM, "price"), new Measure(Aggregate.AVG, "price"),
                new Measure(Aggregate.MIN, "publishedOn"), new Measure(Aggregate.MAX, "title"),
                new Measure(Aggregate.COUNT_DISTINCT, "author.name"), new Measure(Aggregate.SUM, "rating")),
                null, null, null));
        assertThat(s.text()).isEqualTo("SELECT jsonb_build_object('key', jsonb_build_object(), "
                + "'sum', jsonb_build_object('price', sum((" + D + "->>'price')::numeric)::float8, "
                + "'rating', sum((" + D + "->>'rating')::numeric)), "
                + "'avg', jsonb_build_object('price', avg((" + D + "->>'price')::numeric)::float8), "
                + "'min', jsonb_build_object('published_on', min((" + D + "->>'published_on')::date)), "
                + "'max', jsonb_build_object('title', max(" + D + "->>'title')), "
                + "'count_distinct', jsonb_build_object('author', jsonb_build_object('name', count(DISTINCT "
                + COUNTRY + "))))::text FROM \"v_book\" AS \"t\" LIMIT ? OFFSET ?");
    }

    @Test
    void ordersGroupsByCountAggregatesAndKeysThenTheRemainingKeys() {
        SqlStatement s = renderer.aggregate(spec(book, null, List.of("publishedYear", "author.name"), true,
                List.of(), List.of(m("count", "DESC"), m("sum", m("pages", "ASC_NULLS_FIRST")),
                        m("key", m("author", m("name", "DESC")))), null, null));
        assertThat(s.text()).endsWith(" GROUP BY " + YEAR + ", " + COUNTRY + " ORDER BY count(*) DESC, "
                + "sum(\"t\".\"pages\") ASC NULLS FIRST, " + COUNTRY + " DESC, " + YEAR + " ASC LIMIT ? OFFSET ?");
    }

    @Test
    void aggregatesAndOrdersByNestedFieldsAlongTheirPath() {
        String birthYear = "(" + D + "->'author'->>'birth_year')::int";
        SqlStatement s = renderer.aggregate(spec(book, null, List.of("status"), false,
                List.of(new Measure(Aggregate.MAX, "author.birthYear")),
                List.of(m("max", m("author", m("birthYear", "DESC")))), null, null));
        assertThat(s.text()).isEqualTo("SELECT jsonb_build_object('key', jsonb_build_object('status', " + D
                + "->>'status'), 'max', jsonb_build_object('author', jsonb_build_object('birth_year', max(" + birthYear
                + "))))::text FROM \"v_book\" AS \"t\" GROUP BY " + D + "->>'status' ORDER BY max(" + birthYear
                + ") DESC, " + D + "->>'status' ASC LIMIT ? OFFSET ?");
        assertThatThrownBy(() -> renderer.aggregate(spec(book, null, List.of(), true, null,
                List.of(m("sum", m("author", "DESC"))), null, null))).isInstanceOf(FilterException.class)
                .hasMessage("Cannot compute sum of author: a Author field has none; use a numeric field");
    }

    @Test
    void refusesUnknownFieldsNonGroupableFieldsAndKeysThatAreNotGrouped() {
        assertThatThrownBy(() -> renderer.aggregate(spec(book, null, List.of("author.nope"), true, null, null, null,
                null))).isInstanceOf(FilterException.class).hasMessage("Unknown field groupBy[0]: type Author has no"
                + " field \"nope\" (fields: name, birthYear, address, prizes)");
        assertThatThrownBy(() -> renderer.aggregate(spec(book, null, List.of("tags"), true, null, null, null, null)))
                .hasMessage("Cannot group by tags: a [STRING] field has no equality; group by a scalar field");
        assertThatThrownBy(() -> renderer.aggregate(spec(book, null, List.of("title.x"), true, null, null, null,
                null))).hasMessage("Invalid field path groupBy[0] \"title.x\": Book.title is not a nested object");
        assertThatThrownBy(() -> renderer.aggregate(spec(book, null, List.of(), true,
                List.of(new Measure(Aggregate.SUM, "title")), null, null, null)))
                .hasMessage("Cannot compute sum of title: a STRING field has none; use a numeric field");
        assertThatThrownBy(() -> renderer.aggregate(spec(book, null, List.of("pages"), true, null,
                List.of(m("key", m("title", "ASC"))), null, null)))
                .isInstanceOf(FilterException.class).hasMessage("Cannot order groups by orderBy[0].key.title: title is"
                        + " not a group key; add it to groupBy or order by an aggregate");
        assertThatThrownBy(() -> renderer.aggregate(spec(book, null, List.of(), true, null,
                List.of(m("count", "SIDEWAYS")), null, null))).hasMessage("Invalid value for orderBy[0].count: "
                + "\"SIDEWAYS\" is not a sort direction (ASC, DESC, ASC_NULLS_FIRST, ASC_NULLS_LAST, DESC_NULLS_FIRST,"
                + " DESC_NULLS_LAST)");
    }

    @Test
    void keepsTheListPageLimitsForGroups() {
        assertThatThrownBy(() -> renderer.aggregate(spec(book, null, List.of("pages"), true, null, null, 1_000_000,
                null))).isInstanceOf(FilterException.class).hasMessage("Invalid value for limit: 1000000 exceeds the"
                + " maximum page size 100; ask for at most 100 rows and fetch the next page");
        assertThatThrownBy(() -> renderer.aggregate(spec(book, null, List.of("pages"), true, null, null, null, -1)))
                .hasMessage("Invalid value for offset: -1 is negative; skip 0 or more groups");
    }

    @Test
    void aHostileFieldNameIsRefusedBeforeAnySqlIsWritten() {
        assertThatThrownBy(() -> renderer.aggregate(spec(book, null, List.of("title') OR 1=1 --"), true, null, null,
                null, null))).isInstanceOf(FilterException.class)
                .hasMessageStartingWith("Unknown field groupBy[0]: type Book has no field \"title') OR 1=1 --\"");
    }

    @Test
    void rendersTheStatementTheAggregationsPageShows() throws java.io.IOException {
        String page = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/aggregations.md"));
        java.util.regex.Matcher sql = java.util.regex.Pattern.compile("```sql\\n(.*?)```", java.util.regex.Pattern.DOTALL)
                .matcher(page);
        assertThat(sql.find()).isTrue();
        TypeDef v = dev.fraiseql.core.schema.TypeRegistry.builder().type("Book", "v_book",
                dev.fraiseql.core.schema.FieldDef.scalar("genre", dev.fraiseql.core.schema.ScalarKind.ENUM),
                dev.fraiseql.core.schema.FieldDef.scalar("price", dev.fraiseql.core.schema.ScalarKind.FLOAT),
                dev.fraiseql.core.schema.FieldDef.scalar("tenantId", dev.fraiseql.core.schema.ScalarKind.INT))
                .build().type("Book");
        SqlStatement s = new SelectRenderer(REGISTRY, PageSettings.DEFAULT).aggregates().aggregate(spec(v,
                m("tenantId", m("eq", 1)), List.of("genre"), true, List.of(new Measure(Aggregate.SUM, "price")),
                List.of(m("count", "DESC")), null, null));
        assertThat(s.text()).isEqualTo(sql.group(1).trim().replaceAll("\\s+", " ").replace("( ", "("));
    }
}
