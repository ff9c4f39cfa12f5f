package dev.fraiseql.peers.conventional;

import java.util.List;

/** The schema's result types that are not rows: the Relay page and the answers to a mutation. */
public final class Pages {

    private Pages() {
    }

    /** One page of books with its edges and page info. */
    public record BookConnection(List<BookEdge> edges, PageInfo pageInfo) {
    }

    /** A book and its cursor. */
    public record BookEdge(String cursor, Book node) {
    }

    /** Where the page sits in the whole list. */
    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    /** The answer to a book created. */
    public record CreateBookSuccess(String status, Book book) {
    }

    /** The answer to a book that could not be created. */
    public record CreateBookError(String status, String message) {
    }
}
