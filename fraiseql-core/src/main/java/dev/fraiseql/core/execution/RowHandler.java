package dev.fraiseql.core.execution;

import java.io.IOException;

/** Receives each row's first column as the bytes PostgreSQL sent, as the rows arrive. */
@FunctionalInterface
public interface RowHandler {

    /**
     * Handles one row.
     *
     * @param firstColumn the text-format bytes of column 1 (UTF-8 JSON for a {@code json}/{@code jsonb}
     *     column), or {@code null} for SQL NULL; the array belongs to the handler
     * @throws IOException when the bytes cannot be passed on; the stream stops with {@code STREAM_INTERRUPTED}
     */
    void row(byte[] firstColumn) throws IOException;
}
