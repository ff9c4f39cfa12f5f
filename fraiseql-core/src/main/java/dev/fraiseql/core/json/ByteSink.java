package dev.fraiseql.core.json;

import java.util.Arrays;

/** A growable byte buffer that a response is written into, reused for every row of the response. */
public final class ByteSink {

    private byte[] bytes;
    private int size;

    /** An empty sink with room for {@code initialCapacity} bytes before it grows. */
    public ByteSink(int initialCapacity) {
        if (initialCapacity < 1) {
            throw new IllegalArgumentException("initialCapacity must be at least 1, was " + initialCapacity);
        }
        this.bytes = new byte[initialCapacity];
    }

    /** Appends one byte. */
    public void write(int b) {
        if (size == bytes.length) {
            grow(1);
        }
        bytes[size++] = (byte) b;
    }

    /** Appends {@code length} bytes of {@code source} from {@code offset}. */
    public void write(byte[] source, int offset, int length) {
        if (bytes.length - size < length) {
            grow(length);
        }
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    /** Appends all of {@code source}. */
    public void write(byte[] source) {
        write(source, 0, source.length);
    }

    /** Appends the bytes written to {@code source}. */
    public void write(ByteSink source) {
        write(source.bytes, 0, source.size);
    }

    /** The number of bytes written since the last {@link #reset()}. */
    public int size() {
        return size;
    }

    /** Forgets the bytes written, keeping the buffer for the next response. */
    public void reset() {
        size = 0;
    }

    /** A copy of the bytes written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void grow(int needed) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + needed));
    }
}
