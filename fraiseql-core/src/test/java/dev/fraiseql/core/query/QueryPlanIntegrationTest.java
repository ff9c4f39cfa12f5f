package dev.fraiseql.core.query;

import dev.fraiseql.core.schema.FieldDef;
import dev.fraiseql.core.schema.ScalarKind;
import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.schema.TypeRegistry;
import dev.fraiseql.core.sql.SqlStatement;
import dev.fraiseql.core.testing.Jdbc;
import dev.fraiseql.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import static dev.fraiseql.core.where.Fixtures.m;
import static org.assertj.core.api.Assertions.assertThat;


/**
 * The plans PostgreSQL picks for the SQL of each workload users run, on a 100 000-row table with the indexes
 * docs/filtering.md recommends: no sequential scan where an index exists, and no more rows examined than the page
 * needs, however deep the page. Rows examined come from {@code EXPLAIN (ANALYZE, FORMAT JSON)} (actual rows plus rows
 * removed by filters, times loops, on every scan of the table), never from timings; each statement's generic plan
 * (what a prepared statement settles on after five runs) is checked for sequential scans too. A mutation's plans are
 * those of its function's statements, read through {@code auto_explain}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPlanIntegrationTest {

    private static final int ROWS = 100_000;
    private static final String TABLE = "tv_book";
    private static final TypeRegistry REGISTRY = TypeRegistry.builder()
            .type("Book", TABLE,
                    FieldDef.scalar("id", ScalarKind.UUID).withColumn("id").withNonNull(true),
                    FieldDef.scalar("title", ScalarKind.STRING).withNonNull(true),
                    FieldDef.scalar("publishedYear", ScalarKind.INT).withNonNull(true),
                    FieldDef.scalar("pageCount", ScalarKind.INT),
                    FieldDef.scalarList("tags", ScalarKind.STRING),
                    FieldDef.object("author", "Author").withNonNull(true),
                    FieldDef.object("reviews", "Review").asList())
            .type("Author", null, FieldDef.scalar("name", ScalarKind.STRING).withNonNull(true))
            .type("Review", null, FieldDef.scalar("reviewer", ScalarKind.STRING), FieldDef.scalar("stars", ScalarKind.INT))
            .build();
    private static final TypeDef BOOK = REGISTRY.type("Book");

    private final SelectRenderer renderer = new SelectRenderer(REGISTRY, new PageSettings(20, 100));
    private Connection connection;
    /** Sends text as is (simple protocol), so {@code EXPLAIN (GENERIC_PLAN)} sees {@code $1} unbound. */
    private Connection simple;
    private List<String> idsInOrder;

    @BeforeAll
    void createData() throws Exception {
        TestPostgres pg = TestPostgres.shared();
        String database = pg.createDatabase("plans");
        connection = pg.connect(database);
        Properties props = new Properties();
        props.setProperty("user", pg.user());
        props.setProperty("password", pg.password());
        props.setProperty("preferQueryMode", "simple");
        simple = DriverManager.getConnection(pg.jdbcUrl(database), props);
        Jdbc.exec(connection, """
                CREATE TABLE tv_book (id uuid PRIMARY KEY, data jsonb NOT NULL);
                INSERT INTO tv_book
                SELECT id, jsonb_build_object('id', id, 'title', 'Title ' || lpad((n * 7919 %% %1$d)::text, 6, '0'),
                       'published_year', 1900 + n %% 125, 'page_count', 50 + n %% 900,
                       'tags', jsonb_build_array('t' || n %% 40),
                       'author', jsonb_build_object('name', 'Author ' || n %% 5000),
                       'reviews', jsonb_build_array(jsonb_build_object('reviewer', 'r' || n %% 1000, 'stars', 1 + n %% 5),
                                                    jsonb_build_object('reviewer', 'q' || n %% 997, 'stars', 1 + n %% 3)))
                FROM (SELECT n, md5('book' || n)::uuid AS id FROM generate_series(1, %1$d) AS n) AS s;
                CREATE INDEX tv_book_title_id_idx ON tv_book ((data->>'title'), id);
                CREATE INDEX tv_book_year_id_idx ON tv_book (((data->>'published_year')::int), id);
                CREATE INDEX tv_book_author_name_idx ON tv_book ((data->'author'->>'name'));
                CREATE INDEX tv_book_tags_idx ON tv_book USING gin ((data->'tags'));
                CREATE INDEX tv_book_data_idx ON tv_book USING gin (data jsonb_path_ops);
                """.formatted(ROWS));
        // The visibility map lets the count read the index alone, as it would on a table autovacuum has seen.
        Jdbc.exec(connection, "VACUUM ANALYZE tv_book");
        idsInOrder = Jdbc.strings(connection, new SqlStatement("SELECT id FROM tv_book ORDER BY id", List.of()), 1);
    }

    @AfterAll
    void close() throws Exception {
        connection.close();
        simple.close();
    }

    @Test
    void aLookupByKeyReadsOneRowThroughThePrimaryKey() throws Exception {
        Plan plan = explain(renderer.single(new SelectSpec(BOOK, m("id", m("eq", idsInOrder.get(4242))), null, null, null),
                Projection.dataColumn(BOOK)));
        assertThat(plan.returned()).isEqualTo(1);
        assertThat(plan.indexes()).containsExactly("tv_book_pkey");
        assertThat(plan.examined()).isEqualTo(1);
    }

    @Test
    void anEqualityFilterOrderedByTheIndexsNextKeyReadsOnlyThePage() throws Exception {
        Plan plan = explain(renderer.list(new SelectSpec(BOOK, m("publishedYear", m("eq", 2001)),
                List.of(m("id", "ASC")), 20, null), Projection.dataColumn(BOOK)));
        assertThat(plan.returned()).isEqualTo(20);
        assertThat(plan.indexes()).containsExactly("tv_book_year_id_idx");
        assertThat(plan.examined()).isEqualTo(20);
    }

    @Test
    void aRangeFilterOrderedByAnotherIndexedKeyExaminesRowsInProportionToItsSelectivity() throws Exception {
        // No single index serves both "year >= 2000" and "by title": walking the title index and filtering is the
        // best plan, and it examines about page / selectivity rows (20 / 0.2 = 100), not the table.
        Plan plan = explain(renderer.list(new SelectSpec(BOOK, m("publishedYear", m("gte", 2000)),
                List.of(m("title", "ASC")), 20, null), Projection.dataColumn(BOOK)));
        assertThat(plan.returned()).isEqualTo(20);
        assertThat(plan.indexes()).containsExactly("tv_book_title_id_idx");
        assertThat(plan.examined()).isBetween(20L, 200L);
    }

    @Test
    void aNestedFieldFilterUsesTheExpressionIndexOnThePath() throws Exception {
        Plan plan = explain(renderer.list(new SelectSpec(BOOK, m("author", m("name", m("eq", "Author 17"))),
                null, 20, null), Projection.dataColumn(BOOK)));
        assertThat(plan.returned()).isEqualTo(20);
        assertThat(plan.indexes()).containsExactly("tv_book_author_name_idx");
        assertThat(plan.examined()).isEqualTo(20);
    }

    @Test
    void aListContainmentFilterUsesTheGinIndex() throws Exception {
        Plan plan = explain(renderer.count(BOOK, m("tags", m("contains", List.of("t7")))));
        assertThat(plan.indexes()).containsExactly("tv_book_tags_idx");
        assertThat(plan.examined()).isEqualTo(ROWS / 40);
    }

    @Test
    void aSomeFilterOfEqualitiesOnAListOfObjectsUsesTheGinIndexOnTheData() throws Exception {
        Plan plan = explain(renderer.count(BOOK, m("reviews", m("some", m("reviewer", m("eq", "r17"), "stars",
                m("eq", 3))))));
        // Books 17, 1017, ... have reviewer r17; their stars are 1 + n % 5 = 3 for all of them.
        assertThat(plan.indexes()).containsExactly("tv_book_data_idx");
        assertThat(plan.examined()).isEqualTo(ROWS / 1000);
        // Ordered by a key no index serves: in id order PostgreSQL may walk the primary key instead, filtering until
        // 20 rows match, and which of the two plans it costs lower turns on how many matches it expects, which comes
        // from ANALYZE's random sample; so that page is not a stable check of the filter's SQL.
        Plan page = explain(renderer.list(new SelectSpec(BOOK, m("reviews", m("some", m("reviewer", m("eq", "q5")))),
                List.of(m("pageCount", "ASC")), 20, null), Projection.dataColumn(BOOK)));
        assertThat(page.returned()).isEqualTo(20);
        assertThat(page.indexes()).containsExactly("tv_book_data_idx");
    }

    @Test
    void anAggregateOverAnIndexedFilterReadsOnlyTheMatchingRowsThroughTheIndex() throws Exception {
        Plan plan = explain(renderer.aggregates().aggregate(new AggregateSpec(BOOK, m("publishedYear", m("eq", 2001)),
                List.of("pageCount"), true, List.of(new AggregateSpec.Measure(Aggregate.MAX, "title")), null, 20,
                null)));
        // Grouped by a field no index orders: the 800 books of 2001 are read through the year index, then grouped.
        assertThat(plan.returned()).isEqualTo(20);
        assertThat(plan.indexes()).containsExactly("tv_book_year_id_idx");
        assertThat(plan.examined()).isEqualTo(ROWS / 125);
    }

    @Test
    void aForwardPageInIdOrderCostsTheSameAtEveryDepth() throws Exception {
        for (int depth : new int[] {0, 1, ROWS / 2, ROWS - 1000, ROWS - 101}) {
            String after = depth == 0 ? null : cursor(idsInOrder.get(depth - 1));
            Plan plan = explain(renderer.connection(new ConnectionSpec(BOOK, null, null, 100, after, null, null, false),
                    Projection.dataColumn(BOOK)));
            assertThat(plan.returned()).as("rows at depth %d", depth).isEqualTo(101);
            assertThat(plan.indexes()).as("indexes at depth %d", depth).containsExactly("tv_book_pkey");
            assertThat(plan.examined()).as("rows examined at depth %d", depth).isEqualTo(101);
        }
    }

    @Test
    void aBackwardPageInIdOrderCostsTheSameAtEveryDepth() throws Exception {
        for (int depth : new int[] {ROWS, ROWS / 2, 1000, 102}) {
            String before = depth == ROWS ? null : cursor(idsInOrder.get(depth));
            Plan plan = explain(renderer.connection(new ConnectionSpec(BOOK, null, null, null, null, 100, before, false),
                    Projection.dataColumn(BOOK)));
            assertThat(plan.returned()).as("rows before row %d", depth).isEqualTo(101);
            assertThat(plan.indexes()).as("indexes before row %d", depth).containsExactly("tv_book_pkey");
            assertThat(plan.examined()).as("rows examined before row %d", depth).isEqualTo(101);
        }
    }

    @Test
    void aPageOrderedByAnIndexedKeyDescendingIsOneRangeOfTheCompositeIndex() throws Exception {
        List<Map<String, Object>> orderBy = List.of(m("publishedYear", "DESC"));
        List<String> order = Jdbc.strings(connection, new SqlStatement("SELECT jsonb_build_array((data->>'published_year')::int,"
                + " id)::text FROM tv_book ORDER BY (data->>'published_year')::int DESC, id DESC", List.of()), 1);
        for (int depth : new int[] {0, ROWS / 3, ROWS - 500}) {
            String after = depth == 0 ? null : Cursor.encode(order.get(depth - 1));
            Plan plan = explain(renderer.connection(new ConnectionSpec(BOOK, null, orderBy, 100, after, null, null, false),
                    Projection.dataColumn(BOOK)));
            assertThat(plan.returned()).isEqualTo(101);
            assertThat(plan.indexes()).containsExactly("tv_book_year_id_idx");
            assertThat(plan.examined()).as("rows examined at depth %d", depth).isEqualTo(101);
        }
    }

    @Test
    void aPageOrderedByATextKeyUsesItsIndexAsARangeFromTheCursor() throws Exception {
        List<Map<String, Object>> orderBy = List.of(m("title", "ASC"));
        List<String> order = Jdbc.strings(connection, new SqlStatement("SELECT jsonb_build_array(data->>'title', id)::text"
                + " FROM tv_book ORDER BY data->>'title', id", List.of()), 1);
        // Closer to the end the planner may read the few hundred remaining rows through a bitmap and sort them: fewer
        // than the rows left, never the rows before the cursor.
        for (int depth : new int[] {0, ROWS / 2, ROWS - 5000}) {
            String after = depth == 0 ? null : Cursor.encode(order.get(depth - 1));
            Plan plan = explain(renderer.connection(new ConnectionSpec(BOOK, m("pageCount", m("gte", 50)), orderBy, 100,
                    after, null, null, false), Projection.dataColumn(BOOK)));
            assertThat(plan.returned()).isEqualTo(101);
            assertThat(plan.indexes()).containsExactly("tv_book_title_id_idx");
            assertThat(plan.examined()).as("rows examined at depth %d: %s", depth, plan).isEqualTo(101);
        }
    }

    @Test
    void aPageWithTotalCountCountsTheFilterThroughItsIndexInTheSameStatement() throws Exception {
        Map<String, Object> where = m("publishedYear", m("eq", 2001));
        SqlStatement sql = renderer.connection(new ConnectionSpec(BOOK, where, List.of(m("id", "ASC")), 10,
                cursor(idsInOrder.get(ROWS / 2)), null, null, true), Projection.dataColumn(BOOK));
        Plan plan = explain(sql);
        assertThat(plan.returned()).isEqualTo(11);
        assertThat(plan.indexes()).containsOnly("tv_book_year_id_idx");
        // The count reads the year's 800 entries from the index alone; the page reads its 11 rows after the cursor.
        assertThat(plan.examined(n -> n.path().contains("Aggregate"))).isEqualTo(ROWS / 125);
        assertThat(plan.examined(n -> !n.path().contains("Aggregate"))).isEqualTo(11);
    }

    @Test
    void aMutationFunctionKeepingTheTableCurrentTouchesOneRowThroughThePrimaryKey() throws Exception {
        Jdbc.exec(connection, """
                CREATE OR REPLACE FUNCTION rename_book(input jsonb) RETURNS jsonb LANGUAGE sql AS $$
                  UPDATE tv_book SET data = data || jsonb_build_object('title', input->>'title')
                  WHERE id = (input->>'id')::uuid RETURNING data
                $$;
                """);
        String id = idsInOrder.get(777);
        // The call as the mutation binding renders it; the plans that matter are those of the function's own
        // statements, which auto_explain reports as notices.
        SqlStatement call = new SqlStatement("SELECT to_jsonb(r)::text FROM \"rename_book\"(?::jsonb) r",
                List.of("{\"id\": \"" + id + "\", \"title\": \"Renamed\"}"));
        List<Plan> nested = new ArrayList<>();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute("LOAD 'auto_explain'");
            st.execute("SET LOCAL auto_explain.log_min_duration = 0");
            st.execute("SET LOCAL auto_explain.log_nested_statements = on");
            st.execute("SET LOCAL auto_explain.log_analyze = on");
            st.execute("SET LOCAL auto_explain.log_format = json");
            st.execute("SET LOCAL auto_explain.log_level = notice");
            try (PreparedStatement ps = connection.prepareStatement(call.text())) {
                Jdbc.bind(connection, ps, call.parameters());
                ps.executeQuery().close();
                for (SQLWarning w = ps.getWarnings(); w != null; w = w.getNextWarning()) {
                    String message = w.getMessage();
                    if (message.contains("\"Plan\"")) {
                        nested.add(walk("[" + message.substring(message.indexOf('{')) + "]"));
                    }
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        List<Scan> scans = nested.stream().flatMap(p -> p.scans().stream()).toList();
        assertThat(scans).as("scans of %s in the function's statements", TABLE).isNotEmpty()
                .allSatisfy(scan -> {
                    assertThat(scan.index()).isEqualTo("tv_book_pkey");
                    assertThat(scan.examined()).isEqualTo(1);
                });
    }

    private String cursor(String id) {
        return Cursor.encode("[\"" + id + "\"]");
    }

    /** One scan of the table in a plan: its ancestors' node types, rows returned and removed, and loops. */
    private record Scan(String path, String nodeType, String index, long rows, long removed, long loops) {
        long examined() {
            return (rows + removed) * loops;
        }
    }

    /** An executed plan: the rows the statement returned and every scan of the table. */
    private record Plan(long returned, List<Scan> scans) {

        long examined() {
            return examined(s -> true);
        }

        long examined(Predicate<Scan> which) {
            return scans.stream().filter(which).mapToLong(Scan::examined).sum();
        }

        List<String> indexes() {
            return scans.stream().map(Scan::index).distinct().toList();
        }
    }

    /**
     * Runs the statement under {@code EXPLAIN (ANALYZE, FORMAT JSON)} and walks the plan in PostgreSQL itself, failing on
     * a sequential scan of the table in the executed plan or in the generic plan of the same text.
     */
    private Plan explain(SqlStatement sql) throws SQLException {
        String json;
        try (PreparedStatement ps = connection.prepareStatement("EXPLAIN (ANALYZE, FORMAT JSON) " + sql.text())) {
            Jdbc.bind(connection, ps, sql.parameters());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                json = rs.getString(1);
            }
        }
        Plan plan = walk(json);
        assertThat(plan.scans()).as("scans of %s in the plan of %s", TABLE, sql.text())
                .isNotEmpty()
                .noneMatch(s -> s.nodeType().equals("Seq Scan"));
        assertThat(genericPlanNodeTypes(sql)).as("generic plan of %s", sql.text()).doesNotContain("Seq Scan");
        return plan;
    }

    private Plan walk(String json) throws SQLException {
        // A bitmap heap scan names no index; the bitmap index scans below it do.
        String nodes = """
                WITH RECURSIVE node(plan, path) AS (
                  SELECT (?::jsonb)->0->'Plan', ''
                  UNION ALL
                  SELECT child, path || '/' || (plan->>'Node Type') FROM node, jsonb_array_elements(plan->'Plans') AS child
                )
                SELECT path, plan->>'Node Type', coalesce(plan->>'Index Name', (SELECT string_agg(i->>'Index Name', ',')
                         FROM jsonb_path_query(plan, 'strict $.Plans.**') AS i WHERE i->>'Node Type' = 'Bitmap Index Scan')),
                       (plan->>'Actual Rows')::bigint,
                       coalesce((plan->>'Rows Removed by Filter')::bigint, 0)
                         + coalesce((plan->>'Rows Removed by Index Recheck')::bigint, 0),
                       (plan->>'Actual Loops')::bigint, plan->>'Relation Name'
                FROM node
                """;
        List<Scan> scans = new ArrayList<>();
        long returned = -1;
        try (PreparedStatement ps = connection.prepareStatement(nodes)) {
            ps.setString(1, json);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1).isEmpty()) {
                        returned = rs.getLong(4);
                    }
                    // A ModifyTable node names the table too, but reads nothing itself.
                    if (TABLE.equals(rs.getString(7)) && rs.getString(2).endsWith("Scan")) {
                        String index = rs.getString(3);
                        scans.add(new Scan(rs.getString(1), rs.getString(2), index == null ? "(none)" : index,
                                rs.getLong(4), rs.getLong(5), rs.getLong(6)));
                    }
                }
            }
        }
        return new Plan(returned, scans);
    }

    /** The node types of the plan PostgreSQL makes for the text without parameter values, as after repeated runs. */
    private List<String> genericPlanNodeTypes(SqlStatement sql) throws SQLException {
        StringBuilder text = new StringBuilder();
        int n = 0;
        for (char c : sql.text().toCharArray()) {
            if (c == '?') {
                text.append('$').append(++n);
            } else {
                text.append(c);
            }
        }
        List<String> types = new ArrayList<>();
        try (Statement st = simple.createStatement();
                ResultSet rs = st.executeQuery("EXPLAIN (GENERIC_PLAN, FORMAT TEXT) " + text)) {
            while (rs.next()) {
                String line = rs.getString(1).trim();
                if (line.contains("Seq Scan")) {
                    types.add("Seq Scan");
                }
            }
        }
        return types;
    }
}
