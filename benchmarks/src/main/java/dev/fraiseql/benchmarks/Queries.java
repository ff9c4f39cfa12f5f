package dev.fraiseql.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The GraphQL operations every contender answers, with the selection the ceiling renders by hand. */
public final class Queries {

    /** The selection of one book: scalars, a nested object and a list of nested objects. */
    static final String BOOK_SELECTION =
            "id title price pageCount publishedYear isAvailable tags rating author { id name country } reviews { id stars reviewerName }";

    static final String LIST_100 = "query Books { books(limit: 100) { " + BOOK_SELECTION + " } }";

    static final String LOOKUP = "query Book($id: UUID!) { book(id: $id) { " + BOOK_SELECTION + " } }";

    private Queries() {
    }

    /**
     * The input of the benchmarks' createBook mutation: a book published in 1990, before every generated title and
     * year the list workloads read, so created rows never enter their pages.
     */
    public static Map<String, Object> createBookInput(String title, String authorId) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("title", title);
        input.put("authorId", authorId);
        input.put("price", 12.5);
        input.put("pageCount", 321);
        input.put("publishedYear", 1990);
        input.put("isAvailable", true);
        input.put("tags", List.of("fiction", "travel"));
        input.put("rating", 4.5);
        return input;
    }

    static String listBody() {
        return "{\"query\":\"" + LIST_100 + "\"}";
    }

    static String lookupBody(String id) {
        return "{\"query\":\"" + LOOKUP + "\",\"variables\":{\"id\":\"" + id + "\"}}";
    }
}
