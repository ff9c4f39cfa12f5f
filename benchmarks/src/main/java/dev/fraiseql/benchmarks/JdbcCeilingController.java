package dev.fraiseql.benchmarks;

import dev.fraiseql.core.json.ByteSink;
import dev.fraiseql.core.json.JsonProjector;
import dev.fraiseql.core.json.SelectionNode;
import dev.fraiseql.core.query.JsonProjection;
import dev.fraiseql.core.query.Projection;
import dev.fraiseql.core.query.SelectRenderer;
import dev.fraiseql.core.query.SelectSpec;
import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.schema.TypeRegistry;
import dev.fraiseql.core.sql.SqlStatement;
import dev.fraiseql.graphql.FraiseqlGraphQl;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ceiling: the same SQL that the fast path runs, executed by a plain JDBC loop that writes the
 * same response bytes, with no GraphQL engine in between. With the projection in the JVM (the
 * default) the loop projects each row with the same {@link JsonProjector}, the least work that gives
 * the same bytes; with the projection in SQL it copies PostgreSQL's rows.
 */
@RestController
class JdbcCeilingController {

    private static final String PLACEHOLDER_ID = "00000000-0000-0000-0000-000000000000";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final byte[] LIST_HEAD = "{\"data\":{\"books\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] LIST_TAIL = "]}}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ONE_HEAD = "{\"data\":{\"book\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ONE_TAIL = "}}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.UTF_8);

    private final DataSource dataSource;
    private final FraiseqlGraphQl fraiseql;
    private SqlStatement list;
    private SqlStatement lookup;
    private int lookupIdIndex;
    private List<SelectionNode> selection;
    private boolean projectInJvm;

    JdbcCeilingController(DataSource dataSource, FraiseqlGraphQl fraiseql) {
        this.dataSource = dataSource;
        this.fraiseql = fraiseql;
    }

    /** Renders both statements once the GraphQL schema, and so the type registry, has been built. */
    @EventListener(ApplicationReadyEvent.class)
    void render() {
        TypeRegistry types = fraiseql.types();
        SelectRenderer renderer = new SelectRenderer(types, fraiseql.settings().pages());
        TypeDef books = fraiseql.boundType("Query.books");
        TypeDef book = fraiseql.boundType("Query.book");
        selection = Selections.parse(types, book, Queries.BOOK_SELECTION);
        projectInJvm = fraiseql.settings().projectsInJvm();
        Projection projection = projectInJvm ? Projection.dataColumn(book) : new JsonProjection(book.dataColumn(), selection);
        this.list = renderer.list(new SelectSpec(books, Map.of(), List.of(), 100, null), projection);
        this.lookup = renderer.single(
                new SelectSpec(book, Map.of("id", Map.of("eq", PLACEHOLDER_ID)), List.of(), null, null), projection);
        this.lookupIdIndex = indexOfPlaceholder(lookup.parameters());
    }

    private static int indexOfPlaceholder(List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            if (PLACEHOLDER_ID.equals(String.valueOf(parameters.get(i)))) {
                return i;
            }
        }
        throw new IllegalStateException("The lookup statement does not bind the id: " + parameters);
    }

    /** The SQL of both statements, to show in the results next to the numbers. */
    List<String> sql() {
        return List.of(list.text(), lookup.text());
    }

    @PostMapping("/ceiling/books")
    void books(HttpServletResponse response) throws IOException, SQLException {
        write(list.parameters(), list.text(), response, LIST_HEAD, LIST_TAIL, true);
    }

    @PostMapping("/ceiling/book")
    void book(@RequestBody String body, HttpServletResponse response) throws IOException, SQLException {
        Matcher m = ID.matcher(body);
        if (!m.find()) {
            response.sendError(400);
            return;
        }
        List<Object> params = new java.util.ArrayList<>(lookup.parameters());
        Object placeholder = params.get(lookupIdIndex);
        params.set(lookupIdIndex, placeholder instanceof java.util.UUID ? java.util.UUID.fromString(m.group(1)) : m.group(1));
        write(params, lookup.text(), response, ONE_HEAD, ONE_TAIL, false);
    }

    private void write(List<Object> params, String sql, HttpServletResponse response, byte[] head, byte[] tail,
            boolean many) throws IOException, SQLException {
        response.setContentType("application/json");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                JsonProjector projector = projectInJvm ? new JsonProjector(selection) : null;
                ByteSink body = new ByteSink(many ? 65536 : 1024);
                body.write(head);
                boolean first = true;
                while (rs.next()) {
                    if (!first) {
                        body.write(',');
                    }
                    if (projector != null) {
                        projector.project(rs.getBytes(1), body);
                    } else {
                        body.write(rs.getBytes(1));
                    }
                    first = false;
                    if (!many) {
                        break;
                    }
                }
                if (first && !many) {
                    body.write(NULL);
                }
                body.write(tail);
                OutputStream out = response.getOutputStream();
                out.write(body.toByteArray());
            }
        }
    }
}
