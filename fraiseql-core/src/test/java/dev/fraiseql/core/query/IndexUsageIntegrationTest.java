package dev.fraiseql.core.query;

import dev.fraiseql.core.schema.FieldDef;
import dev.fraiseql.core.schema.ScalarKind;
import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.schema.TypeRegistry;
import dev.fraiseql.core.sql.SqlStatement;
import dev.fraiseql.core.testing.Jdbc;
import dev.fraiseql.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import static dev.fraiseql.core.where.Fixtures.m;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


/** The rendered expressions match the expression indexes documented in docs/filtering.md (checked with EXPLAIN). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexUsageIntegrationTest {

    private static final TypeRegistry REGISTRY = TypeRegistry.builder()
            .type("Book", "tv_book",
                    FieldDef.scalar("id", ScalarKind.UUID).withColumn("id"),
                    FieldDef.scalar("pages", ScalarKind.INT).withColumn("pages"),
                    FieldDef.scalar("title", ScalarKind.STRING),
                    FieldDef.scalar("publishedYear", ScalarKind.INT),
                    FieldDef.scalar("ip", ScalarKind.INET),
                    FieldDef.scalarList("tags", ScalarKind.STRING),
                    FieldDef.object("author", "Author"))
            .type("Author", null, FieldDef.scalar("name", ScalarKind.STRING))
            .build();
    private static final TypeDef BOOK = REGISTRY.type("Book");

    private final SelectRenderer renderer = new SelectRenderer(REGISTRY, new PageSettings(100, 1000));
    private Connection connection;

    @BeforeAll
    void createData() throws Exception {
        TestPostgres pg = TestPostgres.shared();
        connection = pg.connect(pg.createDatabase("index_it"));
        Jdbc.exec(connection, """
                CREATE TABLE tv_book (id uuid PRIMARY KEY, pages int, data jsonb NOT NULL);
                INSERT INTO tv_book
                SELECT gen_random_uuid(), n % 700, jsonb_build_object('title', 'Book ' || n, 'published_year', 1900 + n % 120,
                       'ip', '10.' || (n % 250) || '.0.1', 'tags', jsonb_build_array('t' || (n % 50)),
                       'author', jsonb_build_object('name', 'Author ' || (n % 300)))
                FROM generate_series(1, 5000) AS n;
                CREATE INDEX tv_book_title_idx ON tv_book ((data->>'title'));
                CREATE INDEX tv_book_year_id_idx ON tv_book (((data->>'published_year')::int), id);
                CREATE INDEX tv_book_pages_idx ON tv_book (pages);
                CREATE INDEX tv_book_author_idx ON tv_book ((data->'author'->>'name'));
                CREATE INDEX tv_book_tags_idx ON tv_book USING gin ((data->'tags'));
                CREATE INDEX tv_book_ip_idx ON tv_book USING gist (((data->>'ip')::inet) inet_ops);
                ANALYZE tv_book;
                SET enable_seqscan = off;
                """);
    }

    @AfterAll
    void close() throws Exception {
        connection.close();
    }

    private String plan(SqlStatement s) throws SQLException {
        return String.join("\n", Jdbc.strings(connection, new SqlStatement("EXPLAIN " + s.text(), s.parameters()), 1));
    }

    private String planOf(Map<String, Object> where) throws SQLException {
        // count has no ORDER BY, so the planner's choice depends only on whether the filter matches an index
        return plan(renderer.count(BOOK, where));
    }

    @Test
    void textEqualityAndPrefixUseTheTextExpressionIndex() throws Exception {
        assertThat(planOf(m("title", m("eq", "Book 42")))).contains("tv_book_title_idx");
        assertThat(planOf(m("title", m("in", List.of("Book 1", "Book 2"))))).contains("tv_book_title_idx");
    }

    @Test
    void integerRangesUseTheIntCastIndex() throws Exception {
        assertThat(planOf(m("publishedYear", m("gte", 2015)))).contains("tv_book_year_id_idx");
    }

    @Test
    void realColumnsAndNestedPathsUseTheirIndexes() throws Exception {
        assertThat(planOf(m("pages", m("eq", 7)))).contains("tv_book_pages_idx");
        assertThat(planOf(m("author", m("name", m("eq", "Author 7"))))).contains("tv_book_author_idx");
    }

    @Test
    void arrayContainmentUsesAGinIndexAndSubnetsAGistIndex() throws Exception {
        assertThat(planOf(m("tags", m("contains", List.of("t7"))))).contains("tv_book_tags_idx");
        assertThat(planOf(m("tags", m("anyEq", "t7")))).contains("tv_book_tags_idx");
        assertThat(planOf(m("ip", m("inSubnet", "10.7.0.0/16")))).contains("tv_book_ip_idx");
    }

    @Test
    void orderingWithTheIdTiebreakReadsACompositeIndexWithoutSorting() throws Exception {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> order = List.of(m("publishedYear", "ASC"));
        String plan = plan(renderer.list(new SelectSpec(BOOK, null, order, 20, null), Projection.dataColumn(BOOK)));
        assertThat(plan).contains("Index Scan using tv_book_year_id_idx").doesNotContain("Sort");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"date", "timestamptz", "time", "daterange"})
    void dateAndTimeCastsCannotBeIndexedBecauseTheyAreNotImmutable(String type) {
        assertThatThrownBy(() -> Jdbc.exec(connection,
                "CREATE INDEX ON tv_book (((data->>'published_on')::" + type + "))"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("functions in index expression must be marked IMMUTABLE");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"int", "bigint", "float8", "numeric", "boolean", "uuid",
            "inet", "cidr", "macaddr"})
    void otherCastsCanBeIndexed(String type) throws Exception {
        Jdbc.exec(connection, "CREATE INDEX ON tv_book (((data->>'x')::" + type + "))");
    }
}
