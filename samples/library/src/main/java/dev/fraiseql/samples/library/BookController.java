package dev.fraiseql.samples.library;

import java.util.List;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Serves {@code books} from the {@code v_book} view until the zero-Java binding replaces it. */
@Controller
class BookController {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private final JdbcTemplate jdbc;

    BookController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryMapping
    List<Book> books() {
        return this.jdbc.query("SELECT data FROM v_book ORDER BY id",
                (row, i) -> JSON.readValue(row.getString(1), Book.class));
    }

    /** A book as the view's {@code data} column holds it. */
    record Book(int id, String title, String publishedOn, Integer pages, Author author) {
    }

    /** A book's author, nested in the book's {@code data}. */
    record Author(int id, String name) {
    }
}
