package dev.fraiseql.core.json;

import dev.fraiseql.core.schema.Names;
import dev.fraiseql.core.schema.ScalarKind;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Projects rows of PostgreSQL's JSONB text onto a selection in the JVM, writing the same bytes as
 * {@link dev.fraiseql.core.query.JsonProjection} computes in SQL; built once per request and not thread-safe.
 *
 * <p>Each object is scanned once, recording where the value of every needed key starts and ends;
 * the selection is then written in selection order, scalar bytes copied verbatim except {@code ID}
 * (always a JSON string) and {@code Float} (see {@link FloatText}), lists rebuilt with {@code ,}.
 * As in SQL, the first source key present wins even when its value is JSON {@code null}.
 */
public final class JsonProjector {

    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long QUOTES = 0x0101010101010101L * '"';
    private static final long BACKSLASHES = 0x0101010101010101L * '\\';

    private final Level root;
    private final byte[] scratch = new byte[FloatText.SCRATCH];
    private boolean broken;

    /** @param selection the selected fields of one row, in selection order */
    public JsonProjector(List<SelectionNode> selection) {
        if (selection.isEmpty()) {
            throw new IllegalArgumentException("A projection needs at least one selected field");
        }
        this.root = new Level(selection);
    }

    /**
     * Appends the projection of one row ({@code null} for an SQL NULL row or one that holds no object, as the SQL
     * projection renders them).
     *
     * @return whether the row kept the schema's promises: false when a field selected as
     *     {@linkplain SelectionNode#required() required} was null or missing, where graphql-java would report an
     *     error and null the parent, so the caller must complete this row the standard way instead of using the bytes
     */
    public boolean project(byte[] rowJson, ByteSink out) {
        int at = rowJson == null ? 0 : skipSpace(rowJson, 0);
        if (rowJson == null || at >= rowJson.length || rowJson[at] != '{') {
            out.write(NULL, 0, NULL.length);
            return true;
        }
        broken = false;
        object(root, rowJson, at, out, false);
        return !broken;
    }

    /**
     * The compiled selection of one object: distinct source keys, where each was found, and for the keys read by a
     * single nested object or list, a buffer its projection is written into while the object is scanned.
     */
    private static final class Level {
        final byte[][] keys;
        final int[] starts;
        final int[] ends;
        /** Per key, its bytes and closing quote as little-endian words: the first eight, the last eight, the mask. */
        final long[] heads;
        final long[] tails;
        final long[] masks;
        final Member[] members;
        /** Per key, the member projected during the scan, or {@code null}. */
        final Member[] early;
        /** Per key, where {@link #early} wrote its projection; empty when the key was absent or no container. */
        final ByteSink[] projected;
        /** The keys that have an early member. */
        final int[] earlySlots;
        /**
         * Per entry of the object last scanned, the slot its key turned out to be (-1 for none): rows of one view
         * share their keys and, as JSONB prints them, their order, so the next row's key is checked against this
         * guess before the keys are searched.
         */
        final byte[] order;

        Level(List<SelectionNode> selection) {
            List<String> distinct = new ArrayList<>();
            members = new Member[selection.size()];
            for (int i = 0; i < members.length; i++) {
                SelectionNode node = selection.get(i);
                int[] slots = new int[node.sourceKeys().size()];
                for (int k = 0; k < slots.length; k++) {
                    String key = node.sourceKeys().get(k);
                    if (!Names.isSimpleName(key)) {
                        throw new IllegalArgumentException("Invalid source key \"" + key + "\" of selection '"
                                + node.key() + "': a JSONB key must match [_A-Za-z][_0-9A-Za-z]*");
                    }
                    int slot = distinct.indexOf(key);
                    if (slot < 0) {
                        slot = distinct.size();
                        distinct.add(key);
                    }
                    slots[k] = slot;
                }
                members[i] = new Member(node, i == 0, slots);
            }
            keys = new byte[distinct.size()][];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = distinct.get(k).getBytes(StandardCharsets.US_ASCII);
            }
            starts = new int[keys.length];
            ends = new int[keys.length];
            heads = new long[keys.length];
            tails = new long[keys.length];
            masks = new long[keys.length];
            for (int k = 0; k < keys.length; k++) {
                byte[] quoted = Arrays.copyOf(keys[k], keys[k].length + 1);
                quoted[keys[k].length] = '"';
                byte[] padded = Arrays.copyOf(quoted, Math.max(quoted.length, Long.BYTES));
                heads[k] = (long) LONGS.get(padded, 0);
                masks[k] = quoted.length >= Long.BYTES ? -1L : (1L << (8 * quoted.length)) - 1;
                tails[k] = (long) LONGS.get(padded, Math.max(0, quoted.length - Long.BYTES));
            }
            early = new Member[keys.length];
            projected = new ByteSink[keys.length];
            // A nested object or list read from one key that nothing else reads is projected as the scan reaches it,
            // so its bytes are scanned once instead of once to find its end and again to project it.
            for (Member member : members) {
                if (member.children != null && member.slots.length == 1 && readers(member.slots[0]) == 1) {
                    early[member.slots[0]] = member;
                    projected[member.slots[0]] = new ByteSink(256);
                }
            }
            earlySlots = IntStream.range(0, keys.length).filter(k -> early[k] != null).toArray();
            order = new byte[keys.length > Byte.MAX_VALUE ? 0 : 64];
            Arrays.fill(order, (byte) -1);
        }

        /**
         * Whether the object key starting at {@code start} is key {@code k}: its bytes followed by the closing quote,
         * which ends the key since the byte before it is a name character, never a backslash. Compared eight bytes at
         * a time: a key and its quote are at most 16 bytes but for long field names.
         */
        boolean isKeyAt(byte[] json, int start, int k) {
            byte[] key = keys[k];
            int quoted = key.length + 1;
            if (quoted > 2 * Long.BYTES || start + Math.max(quoted, Long.BYTES) > json.length) {
                return start + key.length < json.length && json[start + key.length] == '"' && sameKey(json, start, key);
            }
            long head = (long) LONGS.get(json, start);
            if (quoted <= Long.BYTES) {
                return (head & masks[k]) == heads[k];
            }
            return head == heads[k] && (long) LONGS.get(json, start + quoted - Long.BYTES) == tails[k];
        }

        private int readers(int slot) {
            int readers = 0;
            for (Member member : members) {
                for (int s : member.slots) {
                    readers += s == slot ? 1 : 0;
                }
            }
            return readers;
        }
    }

    /** One selected field: its {@code "key":} prefix and how its value is written. */
    private static final class Member {
        final byte[] prefix;
        final SelectionNode.Kind kind;
        final ScalarKind scalar;
        final byte[] typeName;
        final int[] slots;
        final Level children;
        final boolean required;

        Member(SelectionNode node, boolean first, int[] slots) {
            this.required = node.required();
            this.prefix = ((first ? "{\"" : ",\"") + node.key() + "\":").getBytes(StandardCharsets.US_ASCII);
            this.kind = node.kind();
            this.scalar = node.scalar();
            this.typeName = node.typeName() == null ? null
                    : ("\"" + node.typeName() + "\"").getBytes(StandardCharsets.US_ASCII);
            this.slots = slots;
            this.children = node.children().isEmpty() ? null : new Level(node.children());
        }
    }

    /**
     * Writes the selection of the object at {@code at}.
     *
     * @param toEnd whether the caller needs the end of the object; otherwise the scan stops at the last needed key
     * @return the index just past the object when {@code toEnd}, else -1
     */
    private int object(Level level, byte[] json, int at, ByteSink out, boolean toEnd) {
        int end = find(level, json, at, toEnd);
        for (Member member : level.members) {
            out.write(member.prefix, 0, member.prefix.length);
            int start = -1;
            int slot = -1;
            for (int s : member.slots) {
                if (level.starts[s] >= 0) {
                    start = level.starts[s];
                    slot = s;
                    break;
                }
            }
            if (member.required && missing(member.kind, json, start)) {
                broken = true;
            }
            switch (member.kind) {
                case TYPENAME -> out.write(member.typeName, 0, member.typeName.length);
                case VALUE -> scalar(member.scalar, json, start, start < 0 ? -1 : level.ends[slot], out);
                case OBJECT, OBJECT_LIST -> {
                    if (level.early[member.slots[0]] == member) {
                        ByteSink done = level.projected[member.slots[0]];
                        if (done.size() > 0) {
                            out.write(done);
                        } else {
                            out.write(NULL, 0, NULL.length);
                        }
                    } else if (member.kind == SelectionNode.Kind.OBJECT_LIST) {
                        list(member, json, start, out);
                    } else if (start >= 0 && json[start] == '{') {
                        object(member.children, json, start, out, false);
                    } else {
                        out.write(NULL, 0, NULL.length);
                    }
                }
                case VALUE_LIST -> list(member, json, start, out);
            }
        }
        out.write('}');
        return end;
    }

    /** Whether the value at {@code start} (-1 when absent) leaves a field of this kind null. */
    private static boolean missing(SelectionNode.Kind kind, byte[] json, int start) {
        if (start < 0) {
            return kind != SelectionNode.Kind.TYPENAME;
        }
        return switch (kind) {
            case TYPENAME -> false;
            case VALUE -> json[start] == 'n';
            case OBJECT -> json[start] != '{';
            case VALUE_LIST, OBJECT_LIST -> json[start] != '[';
        };
    }

    /**
     * Records the value range of each of the level's keys in the object at {@code at} (-1 when absent), projecting
     * the level's early members on the way.
     *
     * @return the index just past the object when {@code toEnd}, else -1
     */
    private int find(Level level, byte[] json, int at, boolean toEnd) {
        int[] starts = level.starts;
        int[] ends = level.ends;
        Arrays.fill(starts, -1);
        for (int slot : level.earlySlots) {
            level.projected[slot].reset();
        }
        byte[][] keys = level.keys;
        byte[] order = level.order;
        int missing = keys.length;
        int i = skipSpace(json, at + 1);
        if (json[i] == '}') {
            return i + 1;
        }
        for (int entry = 0; ; entry++) {
            int keyStart = i + 1;
            int k = entry < order.length ? order[entry] : -1;
            int afterKey;
            if (k >= 0 && starts[k] < 0 && level.isKeyAt(json, keyStart, k)) {
                afterKey = keyStart + keys[k].length + 1;
            } else {
                afterKey = skipString(json, i);
                k = slot(keys, starts, json, keyStart, afterKey - 1 - keyStart);
                if (entry < order.length) {
                    order[entry] = (byte) k;
                }
            }
            i = value(json, afterKey);
            int valueEnd;
            if (k < 0) {
                valueEnd = skipValue(json, i);
            } else {
                starts[k] = i;
                Member early = level.early[k];
                if (early == null) {
                    valueEnd = skipValue(json, i);
                } else if (early.kind == SelectionNode.Kind.OBJECT && json[i] == '{') {
                    valueEnd = object(early.children, json, i, level.projected[k], true);
                } else if (early.kind == SelectionNode.Kind.OBJECT_LIST && json[i] == '[') {
                    valueEnd = list(early, json, i, level.projected[k]);
                } else {
                    valueEnd = skipValue(json, i);
                }
                ends[k] = valueEnd;
                if (--missing == 0 && !toEnd) {
                    return -1;
                }
            }
            i = json[valueEnd] == ',' ? valueEnd : skipSpace(json, valueEnd);
            if (json[i] != ',') {
                return i + 1;
            }
            i++;
            if (json[i] != '"') {
                i = skipSpace(json, i);
            }
        }
    }

    /** The slot of the key of {@code length} bytes at {@code start}, or -1 when unselected or seen before. */
    private static int slot(byte[][] keys, int[] starts, byte[] json, int start, int length) {
        for (int k = 0; k < keys.length; k++) {
            byte[] key = keys[k];
            if (key.length == length && starts[k] < 0 && sameKey(json, start, key)) {
                return k;
            }
        }
        return -1;
    }

    /** The start of the value after the key that ends just before {@code i}: past the colon and the spaces. */
    private static int value(byte[] json, int i) {
        if (json[i] != ':') {
            i = skipSpace(json, i);
        }
        i++;
        if (json[i] == ' ') {
            i++;
        }
        // No JSON value starts with a byte at or below the space, so only unusual spacing takes the loop.
        return json[i] > ' ' ? i : skipSpace(json, i);
    }

    /** A plain loop: keys are a few bytes, too short for {@code Arrays.equals} to pay off. */
    private static boolean sameKey(byte[] json, int start, byte[] key) {
        for (int i = 0; i < key.length; i++) {
            if (json[start + i] != key[i]) {
                return false;
            }
        }
        return true;
    }

    /** Writes the list at {@code start} (-1 when absent), returning the index just past it, or -1 when absent. */
    private int list(Member member, byte[] json, int start, ByteSink out) {
        if (start < 0 || json[start] != '[') {
            out.write(NULL, 0, NULL.length);
            return -1;
        }
        out.write('[');
        int i = skipSpace(json, start + 1);
        if (json[i] != ']') {
            while (true) {
                int end;
                if (member.kind == SelectionNode.Kind.VALUE_LIST) {
                    end = skipValue(json, i);
                    scalar(member.scalar, json, i, end, out);
                } else if (json[i] == '{') {
                    end = object(member.children, json, i, out, true);
                } else {
                    end = skipValue(json, i);
                    out.write(NULL, 0, NULL.length);
                }
                i = skipSpace(json, end);
                if (json[i] != ',') {
                    break;
                }
                out.write(',');
                i = skipSpace(json, i + 1);
            }
        }
        out.write(']');
        return i + 1;
    }

    private void scalar(ScalarKind scalar, byte[] json, int start, int end, ByteSink out) {
        if (start < 0) {
            out.write(NULL, 0, NULL.length);
            return;
        }
        byte first = json[start];
        if (scalar == ScalarKind.ID && first != '"' && first != 'n') {
            out.write('"');
            if (first == '{' || first == '[') {
                escaped(json, start, end, out);
            } else {
                out.write(json, start, end - start);
            }
            out.write('"');
        } else if (scalar == ScalarKind.FLOAT && (first == '-' || first >= '0' && first <= '9')) {
            FloatText.write(json, start, end, scratch, out);
        } else {
            out.write(json, start, end - start);
        }
    }

    /** An object or array as the text of a JSON string, as {@code to_json(text)} writes it. */
    private static void escaped(byte[] json, int start, int end, ByteSink out) {
        int from = start;
        for (int i = start; i < end; i++) {
            byte b = json[i];
            if (b == '"' || b == '\\') {
                out.write(json, from, i - from);
                out.write('\\');
                from = i;
            }
        }
        out.write(json, from, end - from);
    }

    private static int skipSpace(byte[] json, int i) {
        while (i < json.length) {
            byte b = json[i];
            if (b != ' ' && b != '\n' && b != '\t' && b != '\r') {
                return i;
            }
            i++;
        }
        return i;
    }

    /**
     * The index just past the string whose opening quote is at {@code i}. Strings are most of the bytes skipped (review
     * texts, titles), so eight bytes are tested at a time for a quote or a backslash; UTF-8 bytes of other characters
     * are all above 0x7F and never match.
     */
    static int skipString(byte[] json, int i) {
        i++;
        while (true) {
            while (i + Long.BYTES <= json.length) {
                long word = (long) LONGS.get(json, i);
                long hit = bytesEqual(word, QUOTES) | bytesEqual(word, BACKSLASHES);
                if (hit != 0) {
                    // Little-endian: the lowest marked byte is the first match (higher marks may be false).
                    i += Long.numberOfTrailingZeros(hit) >>> 3;
                    break;
                }
                i += Long.BYTES;
            }
            byte b = json[i];
            if (b == '"') {
                return i + 1;
            }
            i += b == '\\' ? 2 : 1;
        }
    }

    /** The high bit of each byte of {@code word} equal to the byte repeated in {@code pattern}, exact for the lowest. */
    private static long bytesEqual(long word, long pattern) {
        long x = word ^ pattern;
        return (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
    }

    /** The index just past the value starting at {@code i}. */
    private static int skipValue(byte[] json, int i) {
        byte b = json[i];
        if (b == '"') {
            return skipString(json, i);
        }
        if (b == '{' || b == '[') {
            int depth = 0;
            while (true) {
                b = json[i];
                if (b == '"') {
                    i = skipString(json, i);
                    continue;
                }
                if (b == '{' || b == '[') {
                    depth++;
                } else if ((b == '}' || b == ']') && --depth == 0) {
                    return i + 1;
                }
                i++;
            }
        }
        while (i < json.length) {
            b = json[i];
            if (b == ',' || b == '}' || b == ']' || b == ' ' || b == '\n' || b == '\t' || b == '\r') {
                return i;
            }
            i++;
        }
        return i;
    }
}
