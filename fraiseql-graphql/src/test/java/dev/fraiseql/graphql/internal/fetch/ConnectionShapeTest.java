package dev.fraiseql.graphql.internal.fetch;

import dev.fraiseql.core.json.ByteSink;
import dev.fraiseql.core.query.ConnectionPage;
import dev.fraiseql.core.query.PageInfo;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import static org.assertj.core.api.Assertions.assertThat;

class ConnectionShapeTest {

    private static String written(String text) {
        ByteSink out = new ByteSink(8);
        ConnectionShape.string(text, out);
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void stringsAreWrittenWithTheEscapesJacksonWrites() {
        JsonMapper json = JsonMapper.builder().build();
        for (String text : List.of("WyJTb2xhcmlzIiwgIjIiXQ", "", "a \"quoted\" \\ back", "\b\f\n\r\t \u0000 \u001f",
                "é ß 中 😀 end", "😀")) {
            assertThat(written(text)).as(text).isEqualTo(json.writeValueAsString(text));
        }
        assertThat(written("tab\tquote\" \u0001")).isEqualTo("\"tab\\tquote\\\" \\u0001\"");
        assertThat(written(null)).isEqualTo("null");
    }

    @Test
    void aConnectionIsWrittenInSelectionOrderWithItsAliasesAndTypenames() {
        ConnectionShape shape = new ConnectionShape(List.of(
                new ConnectionShape.Member("__typename", true, ConnectionShape.Kind.TYPENAME, "BookConnection", true,
                        List.of()),
                new ConnectionShape.Member("info", false, ConnectionShape.Kind.PAGE_INFO, null, true, List.of(
                        new ConnectionShape.Member("end", true, ConnectionShape.Kind.END_CURSOR, null, false, List.of()),
                        new ConnectionShape.Member("hasPreviousPage", false, ConnectionShape.Kind.HAS_PREVIOUS_PAGE,
                                null, true, List.of()))),
                new ConnectionShape.Member("edges", false, ConnectionShape.Kind.EDGES, null, true, List.of(
                        new ConnectionShape.Member("node", true, ConnectionShape.Kind.NODE, null, true, List.of()),
                        new ConnectionShape.Member("c", false, ConnectionShape.Kind.CURSOR, null, true, List.of()))),
                new ConnectionShape.Member("n", false, ConnectionShape.Kind.TOTAL_COUNT, null, true, List.of())),
                null, true);
        ConnectionPage page = new ConnectionPage(1, 3, List.of("b", "c"), new PageInfo(false, true, "b", "c"));
        ByteSink out = new ByteSink(8);
        boolean kept = shape.write(page, 7, (edge, sink) -> {
            sink.write(("{\"id\":" + edge + "}").getBytes(StandardCharsets.UTF_8));
            return true;
        }, out);
        assertThat(kept).isTrue();
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).isEqualTo("{\"__typename\":\"BookConnection\","
                + "\"info\":{\"end\":\"c\",\"hasPreviousPage\":true},\"edges\":[{\"node\":{\"id\":0},\"c\":\"b\"},"
                + "{\"node\":{\"id\":1},\"c\":\"c\"}],\"n\":7}");
    }

    @Test
    void aMissingRequiredCursorOrTotalOrABrokenNodeLeavesTheConnectionToGraphQlJava() {
        ConnectionPage empty = new ConnectionPage(0, 0, List.of(), new PageInfo(false, false, null, null));
        ConnectionShape requiredStart = new ConnectionShape(List.of(new ConnectionShape.Member("pageInfo", true,
                ConnectionShape.Kind.PAGE_INFO, null, true, List.of(new ConnectionShape.Member("startCursor", true,
                        ConnectionShape.Kind.START_CURSOR, null, true, List.of())))), null, false);
        assertThat(requiredStart.write(empty, null, (edge, sink) -> true, new ByteSink(8))).isFalse();
        ConnectionShape requiredTotal = new ConnectionShape(List.of(new ConnectionShape.Member("totalCount", true,
                ConnectionShape.Kind.TOTAL_COUNT, null, true, List.of())), null, true);
        assertThat(requiredTotal.write(empty, null, (edge, sink) -> true, new ByteSink(8))).isFalse();
        ConnectionShape node = new ConnectionShape(List.of(new ConnectionShape.Member("edges", true,
                ConnectionShape.Kind.EDGES, null, true, List.of(new ConnectionShape.Member("node", true,
                        ConnectionShape.Kind.NODE, null, true, List.of())))), null, false);
        ConnectionPage one = new ConnectionPage(0, 1, List.of("a"), new PageInfo(false, false, "a", "a"));
        assertThat(node.write(one, null, (edge, sink) -> false, new ByteSink(8))).isFalse();
        ByteSink out = new ByteSink(8);
        assertThat(node.write(one, null, (edge, sink) -> {
            sink.write('1');
            return true;
        }, out)).isTrue();
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).isEqualTo("{\"edges\":[{\"node\":1}]}");
    }
}
