package dev.fraiseql.core.execution;

import java.io.IOException;

/** Temporary stand-in until the execution layer lands. */
public interface RowHandler {
    void row(byte[] firstColumn) throws IOException;
}
