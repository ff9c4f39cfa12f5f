package dev.fraiseql.core.json;

import dev.fraiseql.core.query.JsonProjection;
import dev.fraiseql.core.schema.ScalarKind;
import dev.fraiseql.core.sql.SqlBuilder;
import dev.fraiseql.core.sql.SqlStatement;
import dev.fraiseql.testsupport.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import static org.assertj.core.api.Assertions.assertThat;


/**
 * Requires the JVM projection to write, for every row, exactly the bytes the SQL projection makes
 * PostgreSQL write: on hand-picked hostile documents, then on seeded random documents and selections
 * (set {@code -Dfraiseql.test.seed=N} to replay a failure, {@code -Dfraiseql.test.rounds=N} for more rounds).
 */
class JsonProjectorDifferentialTest {

    private static final long BASE_SEED = Long.getLong("fraiseql.test.seed", new Random().nextLong());
    private static Connection connection;

    private static final List<String> HOSTILE_ROWS = List.of(
            "{\"id\": 7, \"title\": \"a \\\"quoted\\\" \\\\ tab\\t \\u0001 \\u001f é 😀 \\ud83d\\ude00 \\/ , } ] :\","
                    + " \"price\": 12.50, \"tags\": [\"a\", \"b\"], \"author\": {\"id\": 1, \"name\": \"Le Guin\"},"
                    + " \"reviews\": [{\"rating\": 5, \"text\": \"ok\"}, null, {\"rating\": 4}, 3, [], \"x\"],"
                    + " \"dns_1\": \"first\", \"dns1\": \"second\"}",
            "{\"id\": \"b2\", \"author\": null, \"reviews\": [], \"tags\": null, \"price\": null, \"dns1\": \"only\"}",
            "{\"id\": 12345678901234567890123, \"price\": 3, \"floats\": [3, 3.0, 12.50, 0.001, 1e-5, 1e20, -0.0, 0.1,"
                    + " 0.30000000000000004, 9999999, 10000000, -1234567.5, 1e15, 1.5e15, 123456789012345678, -488114572339492000, 2e-3,"
                    + " 0.0001, 5e-324, 1e-300, 1.7976931348623157e308, \"3\", null, true, {\"a\": 1}, [1, 2]]}",
            "{\"id\": true, \"title\": 42, \"price\": \"12.5\", \"tags\": [1, \"two\", null, true, {\"k\": [1, {\"z\": \"\\\"\"}]},"
                    + " [null, []], -0.5], \"author\": \"nobody\", \"reviews\": {\"rating\": 1}}",
            "{\"id\": {\"k\": \"v \\\"q\\\" \\\\\"}, \"title\": [\"t\"], \"price\": [1.5, 2], \"author\": [],"
                    + " \"reviews\": [{\"rating\": null, \"text\": {\"deep\": [1, 2, {\"x\": null}]}}], \"dns_1\": null,"
                    + " \"dns1\": \"shadowed by a present null\"}",
            "{}",
            "[1, {\"id\": 2}]",
            "\"a bare string\"",
            "{\"id\": -0.0, \"price\": -0.0, \"a\\\"b\": 1, \"a b\": {\"id\": 3}, \"long key with } and ] inside\": [\"}\"],"
                    + " \"author\": {\"friends\": [{\"name\": \"x\", \"friends\": [{\"name\": \"y\"}, 1]}, {}]}}",
            "{\"id\": 1.50, \"price\": 100000000000000000000.000, \"tags\": [], \"floats\": [], \"ids\": [1, 1.0, \"a\","
                    + " {\"b\": \"\\\\\"}, [\"c\"], false, null]}");

    @BeforeAll
    static void createTable() throws SQLException {
        String database = TestPostgres.shared().createDatabase("json_projector");
        connection = TestPostgres.shared().connect(database);
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE doc (id int, data jsonb)");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    /** Binds a statement's parameters in order. */
    private static PreparedStatement prepare(SqlStatement statement) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(statement.text());
        for (int i = 0; i < statement.parameters().size(); i++) {
            ps.setObject(i + 1, statement.parameters().get(i));
        }
        return ps;
    }

    private static void replaceRows(List<String> rows) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("TRUNCATE doc");
        }
        for (int i = 0; i < rows.size(); i++) {
            SqlBuilder insert = new SqlBuilder().append("INSERT INTO doc VALUES (").value(i).append(", ")
                    .value(rows.get(i)).append("::jsonb)");
            try (PreparedStatement ps = prepare(insert.build())) {
                ps.executeUpdate();
            }
        }
    }

    /** Compares both projections of every row; returns how many rows were compared. */
    private static int compare(List<SelectionNode> selection, String context) throws SQLException {
        SqlBuilder sql = new SqlBuilder().append("SELECT ");
        new JsonProjection("data", selection).appendSelectList(sql, "t");
        sql.append(", \"t\".\"data\" FROM doc AS \"t\" ORDER BY \"t\".id");
        JsonProjector projector = new JsonProjector(selection);
        ByteSink out = new ByteSink(64);
        int rows = 0;
        try (PreparedStatement ps = prepare(sql.build()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                // A row that holds no object is SQL NULL in the projection, written as null.
                byte[] expected = rs.getBytes(1) == null ? "null".getBytes(StandardCharsets.UTF_8) : rs.getBytes(1);
                byte[] row = rs.getBytes(2);
                out.reset();
                projector.project(row, out);
                assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8))
                        .as("%s, row %s, selection %s", context, new String(row, StandardCharsets.UTF_8), selection)
                        .isEqualTo(new String(expected, StandardCharsets.UTF_8));
                assertThat(out.toByteArray()).isEqualTo(expected);
                rows++;
            }
        }
        return rows;
    }

    private static SelectionNode value(String key, ScalarKind scalar) {
        return SelectionNode.value(key, List.of(key), scalar, false);
    }

    private static SelectionNode value(String alias, String source, ScalarKind scalar, boolean list) {
        return SelectionNode.value(alias, List.of(source), scalar, list);
    }

    static List<List<SelectionNode>> handPickedSelections() {
        List<SelectionNode> friends = List.of(value("name", ScalarKind.STRING),
                SelectionNode.object("friends", List.of("friends"), true, List.of(value("name", ScalarKind.STRING),
                        SelectionNode.typeName("__typename", "Person"))));
        return List.of(
                List.of(value("id", ScalarKind.ID), value("title", ScalarKind.STRING), value("price", ScalarKind.FLOAT),
                        value("tags", "tags", ScalarKind.STRING, true),
                        SelectionNode.object("author", List.of("author"), false, List.of(
                                SelectionNode.typeName("__typename", "Author"), value("name", ScalarKind.STRING),
                                value("id", ScalarKind.ID))),
                        SelectionNode.object("reviews", List.of("reviews"), true, List.of(
                                value("rating", ScalarKind.INT), value("text", ScalarKind.STRING))),
                        SelectionNode.value("dns1", List.of("dns_1", "dns1"), ScalarKind.STRING, false)),
                List.of(value("price", "id", ScalarKind.FLOAT, false), value("id", "price", ScalarKind.ID, false),
                        value("t", "title", ScalarKind.FLOAT, false), value("floats", "floats", ScalarKind.FLOAT, true),
                        value("floatIds", "floats", ScalarKind.ID, true), value("ids", "ids", ScalarKind.ID, true),
                        value("tagIds", "tags", ScalarKind.ID, true), value("tagFloats", "tags", ScalarKind.FLOAT, true),
                        value("authorId", "author", ScalarKind.ID, false),
                        value("reviewsId", "reviews", ScalarKind.ID, false)),
                List.of(SelectionNode.object("title", List.of("title"), false, List.of(value("x", ScalarKind.INT))),
                        SelectionNode.object("tags", List.of("tags"), true, List.of(value("k", ScalarKind.STRING))),
                        value("author", "author", ScalarKind.STRING, true), value("reviews", "reviews", ScalarKind.STRING, false),
                        value("a", "title", ScalarKind.STRING, false), value("b", "title", ScalarKind.ID, false),
                        value("missing", ScalarKind.BOOLEAN), value("tagsAgain", "tags", ScalarKind.STRING, false),
                        SelectionNode.object("reviewList", List.of("reviews"), false, List.of(value("rating", ScalarKind.INT)))),
                List.of(SelectionNode.object("author", List.of("author"), false, List.of(
                        SelectionNode.object("friends", List.of("friends"), true, friends))),
                        SelectionNode.value("d", List.of("missing", "dns_1", "dns1"), ScalarKind.ID, false)),
                List.of(SelectionNode.typeName("__typename", "Book")));
    }

    @Test
    void handPickedHostileDocumentsProjectToTheSameBytesAsSql() throws SQLException {
        replaceRows(HOSTILE_ROWS);
        int compared = 0;
        for (List<SelectionNode> selection : handPickedSelections()) {
            compared += compare(selection, "hand-picked");
        }
        assertThat(compared).isEqualTo(HOSTILE_ROWS.size() * handPickedSelections().size());
    }

    @TestFactory
    Stream<DynamicTest> randomDocumentsAndSelectionsProjectToTheSameBytesAsSql() {
        return IntStream.range(0, Integer.getInteger("fraiseql.test.rounds", 25)).mapToObj(round -> {
            long seed = BASE_SEED + round;
            return DynamicTest.dynamicTest("seed " + seed, () -> {
                Random random = new Random(seed);
                List<String> rows = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    rows.add(RandomJson.document(random));
                }
                replaceRows(rows);
                for (int s = 0; s < 12; s++) {
                    compare(RandomJson.selection(random, 0), "seed " + seed + " (replay with -Dfraiseql.test.seed="
                            + BASE_SEED + ", round " + round + ")");
                }
            });
        });
    }

    @Test
    void randomNumbersReadAsFloatOrIdProjectToTheSameBytesAsSql() throws SQLException {
        long seed = BASE_SEED;
        Random random = new Random(seed);
        List<String> rows = new ArrayList<>();
        int count = 3000 * Integer.getInteger("fraiseql.test.rounds", 1);
        for (int i = 0; i < count; i++) {
            rows.add("{\"a\": " + RandomJson.number(random) + ", \"b\": [" + RandomJson.number(random) + ", "
                    + RandomJson.number(random) + "]}");
        }
        replaceRows(rows);
        int compared = compare(List.of(value("a", ScalarKind.FLOAT), value("id", "a", ScalarKind.ID, false),
                value("b", "b", ScalarKind.FLOAT, true)), "seed " + seed + " (replay with -Dfraiseql.test.seed=" + seed + ")");
        assertThat(compared).isEqualTo(count);
    }
}
