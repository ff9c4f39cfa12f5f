package dev.fraiseql.core.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Which fetched rows of a connection query form the page, their cursors, and the page's {@link PageInfo}.
 *
 * <p>A connection query returns rows in page order and fetches one row more than asked: after the page when paging
 * forward, before it (the first row) when paging backward. Keep rows {@code fromIndex} (inclusive) to {@code toIndex}
 * (exclusive).
 *
 * @param fromIndex index of the first fetched row to keep
 * @param toIndex index after the last fetched row to keep
 * @param cursors the opaque cursor of each kept row, in order
 * @param pageInfo Relay's pageInfo
 */
public record ConnectionPage(int fromIndex, int toIndex, List<String> cursors, PageInfo pageInfo) {

    public ConnectionPage {
        cursors = List.copyOf(cursors);
    }

    /**
     * Assembles the page from the {@link Cursor#COLUMN} values of all fetched rows.
     *
     * <p>{@code hasPreviousPage} when paging forward (and {@code hasNextPage} when paging backward) is true exactly
     * when a cursor was given, as Relay allows: the row of that cursor lies on the other side.
     */
    public static ConnectionPage of(ConnectionSpec spec, int pageSize, List<String> fetchedCursorColumn) {
        int fetched = fetchedCursorColumn.size();
        boolean more = fetched > pageSize;
        int from;
        int to;
        boolean hasNext;
        boolean hasPrevious;
        if (spec.backward()) {
            from = more ? fetched - pageSize : 0;
            to = fetched;
            hasPrevious = more;
            hasNext = spec.before() != null;
        } else {
            from = 0;
            to = more ? pageSize : fetched;
            hasNext = more;
            hasPrevious = spec.after() != null;
        }
        List<String> cursors = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            cursors.add(Cursor.encode(fetchedCursorColumn.get(i)));
        }
        PageInfo info = new PageInfo(hasNext, hasPrevious, cursors.isEmpty() ? null : cursors.get(0),
                cursors.isEmpty() ? null : cursors.get(cursors.size() - 1));
        return new ConnectionPage(from, to, cursors, info);
    }
}
