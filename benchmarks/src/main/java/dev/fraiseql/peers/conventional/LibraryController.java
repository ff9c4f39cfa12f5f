package dev.fraiseql.peers.conventional;

import dev.fraiseql.peers.conventional.Pages.BookConnection;
import dev.fraiseql.peers.conventional.Pages.BookEdge;
import dev.fraiseql.peers.conventional.Pages.CreateBookError;
import dev.fraiseql.peers.conventional.Pages.CreateBookSuccess;
import dev.fraiseql.peers.conventional.Pages.PageInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The schema's fields, written the way the Spring for GraphQL reference shows: one method per field. */
@Controller
class LibraryController {

    private static final int DEFAULT_PAGE = 20;
    private static final int MAX_PAGE = 100;
    private static final Map<String, String> ORDER_COLUMNS =
            Map.of("title", "title", "publishedYear", "published_year", "id", "id");

    private final LibraryRepository repository;

    LibraryController(LibraryRepository repository) {
        this.repository = repository;
    }

    @QueryMapping
    Book book(@Argument String id) {
        return repository.book(UUID.fromString(id)).orElse(null);
    }

    @QueryMapping
    List<Book> books(@Argument Map<String, Map<String, Integer>> where, @Argument List<Map<String, String>> orderBy,
            @Argument Integer limit) {
        Map<String, Integer> year = where == null ? null : where.get("publishedYear");
        List<String[]> order = new ArrayList<>();
        for (Map<String, String> key : orderBy == null ? List.<Map<String, String>>of() : orderBy) {
            // Each input names one field: the GraphQL enum has already checked the direction.
            key.forEach((field, direction) -> order.add(new String[] {ORDER_COLUMNS.get(field), direction}));
        }
        return repository.books(year == null ? null : year.get("eq"), year == null ? null : year.get("gte"),
                year == null ? null : year.get("lte"), order, pageSize(limit));
    }

    @QueryMapping
    BookConnection booksConnection(@Argument Integer first, @Argument String after) {
        int size = pageSize(first);
        List<Book> rows = repository.booksAfter(after == null ? null : decode(after), size + 1);
        List<BookEdge> edges = new ArrayList<>();
        for (Book b : rows.subList(0, Math.min(size, rows.size()))) {
            edges.add(new BookEdge(encode(b.id()), b));
        }
        return new BookConnection(edges, new PageInfo(rows.size() > size, after != null,
                edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
    }

    @MutationMapping
    Object createBook(@Argument Map<String, Object> input) {
        return repository.insert(input).<Object>map(b -> new CreateBookSuccess("created", b))
                .orElseGet(() -> new CreateBookError("not_found:author", "no author with id " + input.get("authorId")));
    }

    @BatchMapping
    List<Author> author(List<Book> books) {
        Map<Integer, Author> byPk = repository.authors(books.stream().map(Book::authorPk).distinct().toList());
        return books.stream().map(b -> byPk.get(b.authorPk())).toList();
    }

    @BatchMapping
    List<List<Review>> reviews(List<Book> books) {
        Map<Integer, List<Review>> byBook = repository.reviews(books.stream().map(Book::pk).toList());
        return books.stream().map(b -> byBook.getOrDefault(b.pk(), List.of())).toList();
    }

    private static int pageSize(Integer requested) {
        if (requested == null) {
            return DEFAULT_PAGE;
        }
        if (requested < 0 || requested > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be between 0 and " + MAX_PAGE + ", was " + requested);
        }
        return requested;
    }

    private static String encode(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
    }

    private static UUID decode(String cursor) {
        return UUID.fromString(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
    }
}
