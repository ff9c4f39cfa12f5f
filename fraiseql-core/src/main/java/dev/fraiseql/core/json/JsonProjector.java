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
        object(root, rowJson, at, out);
        return !broken;
    }

    /** The compiled selection of one object: distinct source keys, and where each was found. */
    private static final class Level {
        final byte[][] keys;
        final int[] starts;
        final int[] ends;
        final Member[] members;

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

    private void object(Level level, byte[] json, int at, ByteSink out) {
        find(level, json, at);
        for (Member member : level.members) {
            out.write(member.prefix, 0, member.prefix.length);
            int start = -1;
            int end = -1;
            for (int slot : member.slots) {
                if (level.starts[slot] >= 0) {
                    start = level.starts[slot];
                    end = level.ends[slot];
                    break;
                }
            }
            if (member.required && missing(member.kind, json, start)) {
                broken = true;
            }
            switch (member.kind) {
                case TYPENAME -> out.write(member.typeName, 0, member.typeName.length);
                case VALUE -> scalar(member.scalar, json, start, end, out);
                case OBJECT -> {
                    if (start >= 0 && json[start] == '{') {
                        object(member.children, json, start, out);
                    } else {
                        out.write(NULL, 0, NULL.length);
                    }
                }
                case VALUE_LIST, OBJECT_LIST -> list(member, json, start, out);
            }
        }
        out.write('}');
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

    /** Records the value range of each of the level's keys in the object at {@code at}; -1 when absent. */
    private static void find(Level level, byte[] json, int at) {
        int[] starts = level.starts;
        int[] ends = level.ends;
        Arrays.fill(starts, -1);
        if (at >= json.length || json[at] != '{') {
            return;
        }
        byte[][] keys = level.keys;
        int missing = keys.length;
        int i = skipSpace(json, at + 1);
        if (json[i] == '}') {
            return;
        }
        while (true) {
            int keyStart = i + 1;
            int keyEnd = skipString(json, i) - 1;
            i = skipSpace(json, skipSpace(json, keyEnd + 1) + 1);
            int valueEnd = skipValue(json, i);
            int length = keyEnd - keyStart;
            for (int k = 0; k < keys.length; k++) {
                byte[] key = keys[k];
                if (key.length == length && starts[k] < 0 && sameKey(json, keyStart, key)) {
                    starts[k] = i;
                    ends[k] = valueEnd;
                    missing--;
                    break;
                }
            }
            if (missing == 0) {
                return;
            }
            i = skipSpace(json, valueEnd);
            if (json[i] != ',') {
                return;
            }
            i = skipSpace(json, i + 1);
        }
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

    private void list(Member member, byte[] json, int start, ByteSink out) {
        if (start < 0 || json[start] != '[') {
            out.write(NULL, 0, NULL.length);
            return;
        }
        out.write('[');
        int i = skipSpace(json, start + 1);
        if (json[i] != ']') {
            while (true) {
                int end = skipValue(json, i);
                if (member.kind == SelectionNode.Kind.VALUE_LIST) {
                    scalar(member.scalar, json, i, end, out);
                } else if (json[i] == '{') {
                    object(member.children, json, i, out);
                } else {
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
