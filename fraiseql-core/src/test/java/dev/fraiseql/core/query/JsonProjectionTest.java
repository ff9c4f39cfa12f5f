package dev.fraiseql.core.query;

import dev.fraiseql.core.json.SelectionNode;
import dev.fraiseql.core.schema.ScalarKind;
import dev.fraiseql.core.sql.SqlBuilder;
import dev.fraiseql.core.sql.SqlStatement;
import dev.fraiseql.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


class JsonProjectionTest {

    private static String database;

    @BeforeAll
    static void createTable() throws Exception {
        database = TestPostgres.shared().createDatabase("json_projection");
        try (Connection c = TestPostgres.shared().connect(database); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE doc (id int, data jsonb)");
            s.execute("INSERT INTO doc VALUES (1, '{\"id\": 7, \"title\": \"a \\\"quoted\\\" \\\\ tab\\t \\u0001 é 😀\","
                    + " \"price\": 12.50, \"whole\": 3, \"dns_1\": \"x\", \"tags\": [\"a\", \"b\"],"
                    + " \"author\": {\"name\": \"Le Guin\"}, \"reviews\": [{\"rating\": 5}, null, {\"rating\": 4}]}')");
            s.execute("INSERT INTO doc VALUES (2, '{\"id\": \"b2\", \"author\": null, \"reviews\": [], \"tags\": null}')");
        }
    }

    private static SqlStatement render(List<SelectionNode> selection) {
        SqlBuilder sql = new SqlBuilder().append("SELECT ");
        new JsonProjection("data", selection).appendSelectList(sql, "t");
        return sql.append(" FROM doc AS \"t\" ORDER BY \"t\".id").build();
    }

    private static List<String> rows(List<SelectionNode> selection) throws Exception {
        SqlStatement statement = render(selection);
        try (Connection c = TestPostgres.shared().connect(database);
                PreparedStatement ps = c.prepareStatement(statement.text()); ResultSet rs = ps.executeQuery()) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    @Test
    void rendersSelectedKeysInSelectionOrderAsConcatenatedText() {
        SqlStatement sql = render(List.of(SelectionNode.typeName("kind", "Book"),
                SelectionNode.value("name", List.of("title"), ScalarKind.STRING, false)));
        assertThat(sql.text()).isEqualTo("SELECT CASE WHEN jsonb_typeof(\"t\".\"data\") = 'object' THEN ('{'::text"
                + " || '\"' || 'kind' || '\":' || '\"' || 'Book' || '\"'"
                + " || ',\"' || 'name' || '\":' || coalesce((\"t\".\"data\"->'title')::text, 'null') || '}') END"
                + " FROM doc AS \"t\" ORDER BY \"t\".id");
        assertThat(sql.parameters()).isEmpty();
    }

    @Test
    void producesCompactJsonWithAliasesNestedObjectsListsAndNulls() throws Exception {
        List<SelectionNode> selection = List.of(
                SelectionNode.value("id", List.of("id"), ScalarKind.ID, false),
                SelectionNode.value("t", List.of("title"), ScalarKind.STRING, false),
                SelectionNode.value("price", List.of("price"), ScalarKind.FLOAT, false),
                SelectionNode.value("whole", List.of("whole"), ScalarKind.FLOAT, false),
                SelectionNode.value("dns1", List.of("dns_1", "dns1"), ScalarKind.STRING, false),
                SelectionNode.value("tags", List.of("tags"), ScalarKind.STRING, true),
                SelectionNode.object("author", List.of("author"), false,
                        List.of(SelectionNode.typeName("__typename", "Author"),
                                SelectionNode.value("name", List.of("name"), ScalarKind.STRING, false))),
                SelectionNode.object("reviews", List.of("reviews"), true,
                        List.of(SelectionNode.value("rating", List.of("rating"), ScalarKind.INT, false))),
                SelectionNode.value("missing", List.of("missing"), ScalarKind.INT, false));
        assertThat(rows(selection)).containsExactly(
                "{\"id\":\"7\",\"t\":\"a \\\"quoted\\\" \\\\ tab\\t \\u0001 é 😀\",\"price\":12.5,\"whole\":3.0,"
                        + "\"dns1\":\"x\",\"tags\":[\"a\",\"b\"],\"author\":{\"__typename\":\"Author\",\"name\":\"Le Guin\"},"
                        + "\"reviews\":[{\"rating\":5},null,{\"rating\":4}],\"missing\":null}",
                "{\"id\":\"b2\",\"t\":null,\"price\":null,\"whole\":null,\"dns1\":null,\"tags\":null,\"author\":null,"
                        + "\"reviews\":[],\"missing\":null}");
    }

    @Test
    void selectionKeysMustBeGraphQlNames() {
        assertThatThrownBy(() -> SelectionNode.value("a'b", List.of("x"), ScalarKind.STRING, false))
                .hasMessage("Selection key 'a'b' is not a GraphQL name ([_A-Za-z][_0-9A-Za-z]*)");
        assertThatThrownBy(() -> SelectionNode.typeName("__typename", "Bad Name"))
                .hasMessage("Selection '__typename' selects __typename without a valid type name: Bad Name");
        assertThatThrownBy(() -> SelectionNode.object("author", List.of("author"), false, List.of()))
                .hasMessage("Object selection 'author' needs at least one selected field");
        assertThatThrownBy(() -> new JsonProjection("data", List.of()))
                .hasMessage("A projection needs at least one selected field");
    }

    @Test
    void hostileSourceKeysNeverReachTheSqlText() {
        assertThatThrownBy(() -> render(List.of(SelectionNode.value("x", List.of("x'); DROP TABLE doc; --"),
                ScalarKind.STRING, false)))).isInstanceOf(IllegalArgumentException.class);
    }
}
