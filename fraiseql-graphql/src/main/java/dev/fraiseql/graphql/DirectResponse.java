package dev.fraiseql.graphql;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The body of a response answered by {@link DirectExecution}: UTF-8 JSON in parts (the envelope, each field's key and
 * PostgreSQL's JSON for it) written one after another, so that a large answer is never copied into one array.
 *
 * @param parts the body's bytes, in order
 */
public record DirectResponse(List<byte[]> parts) {

    public DirectResponse {
        parts = List.copyOf(parts);
    }

    /** The body's length in bytes. */
    public int length() {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        return length;
    }

    /** Writes the body to {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
        for (byte[] part : parts) {
            out.write(part);
        }
    }

    /** The body as one array (a copy). */
    public byte[] bytes() {
        byte[] all = new byte[length()];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    @Override
    public String toString() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }
}
