package dev.fraiseql.graphql.internal.fetch;

import dev.fraiseql.core.json.ByteSink;
import dev.fraiseql.core.query.ConnectionPage;
import dev.fraiseql.core.query.PageInfo;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a connection field selects, read from the query document: the members of the connection, of each edge and of
 * {@code pageInfo} in response order, and the plan of the one {@code node} selection (or none). It writes the whole
 * connection as JSON around the nodes' projections, which graphql-java would otherwise complete map by map.
 */
final class ConnectionShape {

    /** What one selected member produces. */
    enum Kind {
        TYPENAME, TOTAL_COUNT, EDGES, PAGE_INFO, CURSOR, NODE, HAS_NEXT_PAGE, HAS_PREVIOUS_PAGE, START_CURSOR,
        END_CURSOR
    }

    /**
     * One selected member: its {@code "key":} prefix (with the object's opening brace for the first member, a comma
     * for the others), what it produces, the type name for {@code __typename}, whether the schema declares it non-null,
     * and the members of an {@code edges} or {@code pageInfo} selection.
     */
    record Member(byte[] prefix, Kind kind, byte[] typeName, boolean required, List<Member> children) {

        Member(String key, boolean first, Kind kind, String typeName, boolean required, List<Member> children) {
            this(((first ? "{\"" : ",\"") + key + "\":").getBytes(StandardCharsets.UTF_8), kind,
                    typeName == null ? null : ("\"" + typeName + "\"").getBytes(StandardCharsets.UTF_8), required,
                    List.copyOf(children));
        }
    }

    /** Projects one node into the connection's JSON; false when the row broke the schema's promises. */
    @FunctionalInterface
    interface NodeWriter {
        boolean write(int edge, ByteSink out);
    }

    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

    private final List<Member> members;
    private final SelectionPlan node;
    private final boolean withTotal;

    ConnectionShape(List<Member> members, SelectionPlan node, boolean withTotal) {
        this.members = List.copyOf(members);
        this.node = node;
        this.withTotal = withTotal;
    }

    /** The plan of the selected {@code node}, or {@code null} when no edge selects it. */
    SelectionPlan node() {
        return node;
    }

    /** Whether {@code totalCount} is selected, so that the statement counts the rows. */
    boolean withTotal() {
        return withTotal;
    }

    /**
     * Writes the connection.
     *
     * @return false when a value the schema declares non-null is missing (an empty page's cursors, a total that was
     *     not read) or a node broke its promises: graphql-java must then complete the field and report it
     */
    boolean write(ConnectionPage page, Integer total, NodeWriter nodes, ByteSink out) {
        for (Member member : members) {
            out.write(member.prefix());
            switch (member.kind()) {
                case TYPENAME -> out.write(member.typeName());
                case TOTAL_COUNT -> {
                    if (total == null && member.required()) {
                        return false;
                    }
                    out.write(total == null ? NULL : Integer.toString(total).getBytes(StandardCharsets.US_ASCII));
                }
                case EDGES -> {
                    out.write('[');
                    for (int edge = 0; edge < page.cursors().size(); edge++) {
                        if (edge > 0) {
                            out.write(',');
                        }
                        if (!edge(member.children(), page.cursors().get(edge), edge, nodes, out)) {
                            return false;
                        }
                    }
                    out.write(']');
                }
                case PAGE_INFO -> {
                    if (!pageInfo(member.children(), page.pageInfo(), out)) {
                        return false;
                    }
                }
                default -> throw new IllegalStateException(member.kind() + " is not a member of a connection");
            }
        }
        out.write('}');
        return true;
    }

    private static boolean edge(List<Member> members, String cursor, int edge, NodeWriter nodes, ByteSink out) {
        for (Member member : members) {
            out.write(member.prefix());
            switch (member.kind()) {
                case TYPENAME -> out.write(member.typeName());
                case CURSOR -> string(cursor, out);
                case NODE -> {
                    if (!nodes.write(edge, out)) {
                        return false;
                    }
                }
                default -> throw new IllegalStateException(member.kind() + " is not a member of an edge");
            }
        }
        out.write('}');
        return true;
    }

    private static boolean pageInfo(List<Member> members, PageInfo info, ByteSink out) {
        for (Member member : members) {
            out.write(member.prefix());
            switch (member.kind()) {
                case TYPENAME -> out.write(member.typeName());
                case HAS_NEXT_PAGE -> out.write(info.hasNextPage() ? TRUE : FALSE);
                case HAS_PREVIOUS_PAGE -> out.write(info.hasPreviousPage() ? TRUE : FALSE);
                case START_CURSOR, END_CURSOR -> {
                    String cursor = member.kind() == Kind.START_CURSOR ? info.startCursor() : info.endCursor();
                    if (cursor == null && member.required()) {
                        return false;
                    }
                    string(cursor, out);
                }
                default -> throw new IllegalStateException(member.kind() + " is not a member of pageInfo");
            }
        }
        out.write('}');
        return true;
    }

    /** Whether {@code text} is printable ASCII without a quote or a backslash, so that JSON needs no escape in it. */
    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** A JSON string, or {@code null}; cursors are base64url, but any text is escaped as Jackson escapes it. */
    static void string(String text, ByteSink out) {
        if (text == null) {
            out.write(NULL);
            return;
        }
        out.write('"');
        if (plain(text)) {
            // Every cursor: one copy instead of a byte at a time.
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.write('"');
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.write('\\');
                out.write(c);
            } else if (c < 0x20) {
                // As Jackson writes them, so that both paths answer the same bytes.
                String escape = switch (c) {
                    case '\b' -> "\\b";
                    case '\f' -> "\\f";
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    default -> String.format("\\u%04X", (int) c);
                };
                out.write(escape.getBytes(StandardCharsets.US_ASCII));
            } else if (c < 0x80) {
                out.write(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
                out.write(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        out.write('"');
    }
}
