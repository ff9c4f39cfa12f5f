package dev.fraiseql.benchmarks;

/** The GraphQL operations every contender answers, with the selection the ceiling renders by hand. */
final class Queries {

    /** The selection of one book: scalars, a nested object and a list of nested objects. */
    static final String BOOK_SELECTION =
            "id title price pageCount publishedYear isAvailable tags rating author { id name country } reviews { id stars reviewerName }";

    static final String LIST_100 = "query Books { books(limit: 100) { " + BOOK_SELECTION + " } }";

    static final String LOOKUP = "query Book($id: UUID!) { book(id: $id) { " + BOOK_SELECTION + " } }";

    private Queries() {
    }

    static String listBody() {
        return "{\"query\":\"" + LIST_100 + "\"}";
    }

    static String lookupBody(String id) {
        return "{\"query\":\"" + LOOKUP + "\",\"variables\":{\"id\":\"" + id + "\"}}";
    }
}
