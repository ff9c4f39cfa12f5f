package dev.fraiseql.core.json;

import dev.fraiseql.core.schema.ScalarKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


class JsonProjectorTest {

    private static String project(List<SelectionNode> selection, String row) {
        ByteSink out = new ByteSink(8);
        new JsonProjector(selection).project(row == null ? null : row.getBytes(StandardCharsets.UTF_8), out);
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    private static SelectionNode value(String key, ScalarKind scalar) {
        return SelectionNode.value(key, List.of(key), scalar, false);
    }

    private static String floatOf(String number) {
        return project(List.of(value("f", ScalarKind.FLOAT)), "{\"f\": " + number + "}");
    }

    /**
     * The eight-bytes-at-a-time string skip against the plain byte loop, for every string of up to 40 characters made
     * of letters, escaped quotes and backslashes, and a multi-byte character, at every start offset, followed by other
     * text that holds quotes of its own.
     */
    @Test
    void skippingAStringEndsJustPastItsClosingQuoteWhereverTheEscapesAndTheWordBoundariesFall() {
        String[] pieces = {"a", "\\\"", "\\\\", "\u00e9", "é", "\\n", "bc"};
        java.util.Random random = new java.util.Random(7);
        int checked = 0;
        for (int length = 0; length <= 40; length++) {
            for (int variant = 0; variant < 12; variant++) {
                StringBuilder text = new StringBuilder();
                for (int p = 0; p < length; p++) {
                    text.append(pieces[random.nextInt(pieces.length)]);
                }
                for (int offset = 0; offset < 9; offset++) {
                    byte[] json = (" ".repeat(offset) + "\"" + text + "\",\"next\":\"x\\\"y\"}")
                            .getBytes(StandardCharsets.UTF_8);
                    assertThat(JsonProjector.skipString(json, offset)).as("%s at %d", text, offset)
                            .isEqualTo(plainSkip(json, offset));
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(41 * 12 * 9);
    }

    private static int plainSkip(byte[] json, int i) {
        i++;
        while (json[i] != '"') {
            i += json[i] == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    @Test
    void writesSelectedKeysInSelectionOrderWithAliasesAndTypename() {
        List<SelectionNode> selection = List.of(SelectionNode.typeName("__typename", "Book"),
                SelectionNode.value("name", List.of("title"), ScalarKind.STRING, false), value("id", ScalarKind.ID));
        assertThat(project(selection, "{\"id\": \"a1\", \"title\": \"Dune \\\"1\\\" \\u0001 é\", \"price\": 12.50}"))
                .isEqualTo("{\"__typename\":\"Book\",\"name\":\"Dune \\\"1\\\" \\u0001 é\",\"id\":\"a1\"}");
    }

    @Test
    void idIsAlwaysAJsonString() {
        List<SelectionNode> selection = List.of(value("a", ScalarKind.ID), value("b", ScalarKind.ID),
                value("c", ScalarKind.ID), value("d", ScalarKind.ID), value("e", ScalarKind.ID));
        assertThat(project(selection, "{\"a\": 123, \"b\": true, \"c\": null, \"d\": {\"k\": \"v\\\\\"}, \"e\": 1.50}"))
                .isEqualTo("{\"a\":\"123\",\"b\":\"true\",\"c\":null,\"d\":\"{\\\"k\\\": \\\"v\\\\\\\\\\\"}\",\"e\":\"1.50\"}");
    }

    @Test
    void floatsArePrintedLikeTheSqlProjection() {
        assertThat(floatOf("3")).isEqualTo("{\"f\":3.0}");
        assertThat(floatOf("3.000")).isEqualTo("{\"f\":3.0}");
        assertThat(floatOf("12.50")).isEqualTo("{\"f\":12.5}");
        assertThat(floatOf("-0.0")).isEqualTo("{\"f\":0.0}");
        assertThat(floatOf("0.001")).isEqualTo("{\"f\":0.001}");
        assertThat(floatOf("0.0001")).isEqualTo("{\"f\":0.0001}");
        assertThat(floatOf("0.00001")).isEqualTo("{\"f\":1e-05}");
        assertThat(floatOf("9999999")).isEqualTo("{\"f\":9999999.0}");
        assertThat(floatOf("10000000")).isEqualTo("{\"f\":10000000}");
        assertThat(floatOf("100000000000000000000")).isEqualTo("{\"f\":1e+20}");
        assertThat(floatOf("123456789012345678")).isEqualTo("{\"f\":1.2345678901234568e+17}");
        assertThat(floatOf("-488114572339492000")).isEqualTo("{\"f\":-4.8811457233949197e+17}");
        assertThat(floatOf("-475982197312552800")).isEqualTo("{\"f\":-4.7598219731255283e+17}");
        assertThat(floatOf("0.30000000000000004")).isEqualTo("{\"f\":0.30000000000000004}");
        assertThat(floatOf("-2.5e-300")).isEqualTo("{\"f\":-2.5e-300}");
        assertThat(floatOf("\"NaN\"")).isEqualTo("{\"f\":\"NaN\"}");
    }

    @Test
    void listsAreRebuiltCompactlyAndObjectValuesAreCopiedAsPostgreSqlWroteThem() {
        List<SelectionNode> selection = List.of(SelectionNode.value("tags", List.of("tags"), ScalarKind.STRING, true),
                SelectionNode.value("ids", List.of("ids"), ScalarKind.ID, true),
                SelectionNode.value("json", List.of("json"), ScalarKind.STRING, false));
        assertThat(project(selection, "{\"ids\": [1, \"b\", null], \"json\": {\"a\": [1, 2]}, \"tags\": [\"x\", [1, 2], {}]}"))
                .isEqualTo("{\"tags\":[\"x\",[1, 2],{}],\"ids\":[\"1\",\"b\",null],\"json\":{\"a\": [1, 2]}}");
    }

    @Test
    void nestedObjectsAndListsOfObjectsTurnNonObjectsIntoNull() {
        List<SelectionNode> selection = List.of(
                SelectionNode.object("author", List.of("author"), false, List.of(value("name", ScalarKind.STRING))),
                SelectionNode.object("reviews", List.of("reviews"), true, List.of(value("rating", ScalarKind.INT))),
                SelectionNode.object("none", List.of("none"), true, List.of(value("rating", ScalarKind.INT))));
        assertThat(project(selection, "{\"author\": [1], \"reviews\": [{\"rating\": 5}, null, 7, [], {}], \"none\": {}}"))
                .isEqualTo("{\"author\":null,\"reviews\":[{\"rating\":5},null,null,null,{\"rating\":null}],\"none\":null}");
        assertThat(project(selection, "{\"author\": {\"name\": \"Le Guin\"}, \"reviews\": []}"))
                .isEqualTo("{\"author\":{\"name\":\"Le Guin\"},\"reviews\":[],\"none\":null}");
    }

    @Test
    void theFirstPresentSourceKeyWinsEvenWhenItIsNull() {
        List<SelectionNode> selection = List.of(SelectionNode.value("dns1", List.of("dns_1", "dns1"), ScalarKind.STRING, false));
        assertThat(project(selection, "{\"dns1\": \"b\", \"dns_1\": \"a\"}")).isEqualTo("{\"dns1\":\"a\"}");
        assertThat(project(selection, "{\"dns1\": \"b\"}")).isEqualTo("{\"dns1\":\"b\"}");
        assertThat(project(selection, "{\"dns1\": \"b\", \"dns_1\": null}")).isEqualTo("{\"dns1\":null}");
    }

    @Test
    void aRowThatIsNotAnObjectIsANullRowAndAnEmptyObjectHasEveryFieldNull() {
        List<SelectionNode> selection = List.of(SelectionNode.typeName("__typename", "Book"), value("id", ScalarKind.ID));
        assertThat(project(selection, "[1, 2]")).isEqualTo("null");
        assertThat(project(selection, " 7")).isEqualTo("null");
        assertThat(project(selection, null)).isEqualTo("null");
        assertThat(project(selection, "{}")).isEqualTo("{\"__typename\":\"Book\",\"id\":null}");
    }

    @Test
    void aRequiredFieldThatIsNullOrMissingBreaksTheRowsPromiseButIsStillWritten() {
        List<SelectionNode> selection = List.of(value("id", ScalarKind.ID).asRequired(),
                SelectionNode.object("author", List.of("author"), false,
                        List.of(value("name", ScalarKind.STRING).asRequired())).asRequired(),
                SelectionNode.value("tags", List.of("tags"), ScalarKind.STRING, true).asRequired());
        assertThat(kept(selection, "{\"id\": 1, \"author\": {\"name\": \"Le Guin\"}, \"tags\": []}")).isTrue();
        assertThat(kept(selection, "{\"id\": null, \"author\": {\"name\": \"Le Guin\"}, \"tags\": []}")).isFalse();
        assertThat(kept(selection, "{\"author\": {\"name\": \"Le Guin\"}, \"tags\": []}")).isFalse();
        assertThat(kept(selection, "{\"id\": 1, \"author\": {}, \"tags\": []}")).isFalse();
        assertThat(kept(selection, "{\"id\": 1, \"author\": null, \"tags\": []}")).isFalse();
        assertThat(kept(selection, "{\"id\": 1, \"author\": {\"name\": \"Le Guin\"}, \"tags\": \"x\"}")).isFalse();
        // An optional field may be null; a NULL row is the caller's to judge.
        assertThat(kept(List.of(value("id", ScalarKind.ID)), "{\"id\": null}")).isTrue();
        assertThat(kept(selection, null)).isTrue();
        ByteSink out = new ByteSink(16);
        new JsonProjector(selection).project("{\"id\": null, \"author\": null, \"tags\": null}".getBytes(StandardCharsets.UTF_8), out);
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":null,\"author\":null,\"tags\":null}");
    }

    private static boolean kept(List<SelectionNode> selection, String row) {
        return new JsonProjector(selection).project(row == null ? null : row.getBytes(StandardCharsets.UTF_8),
                new ByteSink(16));
    }

    @Test
    void aProjectorReusedForRowsWithKeysInOtherOrdersSpacingsAndSetsWritesEachAsAFreshOneWould() {
        List<SelectionNode> selection = List.of(value("id", ScalarKind.INT), value("title", ScalarKind.STRING),
                SelectionNode.object("author", List.of("author"), false,
                        List.of(value("id", ScalarKind.INT), value("name", ScalarKind.STRING))),
                SelectionNode.object("reviews", List.of("reviews"), true,
                        List.of(value("id", ScalarKind.INT), value("text", ScalarKind.STRING))),
                SelectionNode.value("year", List.of("published_year"), ScalarKind.INT, false),
                SelectionNode.value("long", List.of("a_rather_long_key_name"), ScalarKind.STRING, false));
        String first = "{\"id\": 1, \"title\": \"a\", \"author\": {\"id\": 2, \"name\": \"x\"}, \"reviews\": [{\"id\": 3,"
                + " \"text\": \"t\"}], \"published_year\": 2001, \"a_rather_long_key_name\": \"L\"}";
        // The fifth key of the first row is long; in the second row the fifth is its first eight bytes, at the row's end.
        List<String> rows = List.of(first, "{\"a\": 1, \"b\": 2, \"c\": 3, \"d\": 4, \"publishe\": 1}",
                "{\"a_rather_long_key_name\":\"M\",\"reviews\":[{\"text\":\"u\",\"id\":4},{\"id\":5}],"
                        + "\"author\":{\"name\":\"y\",\"id\":5},\"title\":\"b\",\"id\":6}",
                "{\"ix\": 0, \"id\": 7, \"titles\": 1, \"title\": \"c\", \"published_yeah\": 1,"
                        + " \"a_rather_long_key_nam\": 2, \"a_rather_long_key_name_\": 3}",
                "{ \"id\" : 8 , \"id\": 9, \"title\" :\"d\" ,\"author\" : { \"id\" : 10 } , \"author\": {\"id\": 11}}",
                "{\"id\":1}",
                first);
        List<String> expected = List.of(
                "{\"id\":1,\"title\":\"a\",\"author\":{\"id\":2,\"name\":\"x\"},\"reviews\":[{\"id\":3,\"text\":\"t\"}],"
                        + "\"year\":2001,\"long\":\"L\"}",
                "{\"id\":null,\"title\":null,\"author\":null,\"reviews\":null,\"year\":null,\"long\":null}",
                "{\"id\":6,\"title\":\"b\",\"author\":{\"id\":5,\"name\":\"y\"},\"reviews\":[{\"id\":4,\"text\":\"u\"},"
                        + "{\"id\":5,\"text\":null}],\"year\":null,\"long\":\"M\"}",
                "{\"id\":7,\"title\":\"c\",\"author\":null,\"reviews\":null,\"year\":null,\"long\":null}",
                "{\"id\":8,\"title\":\"d\",\"author\":{\"id\":10,\"name\":null},\"reviews\":null,\"year\":null,"
                        + "\"long\":null}",
                "{\"id\":1,\"title\":null,\"author\":null,\"reviews\":null,\"year\":null,\"long\":null}",
                "{\"id\":1,\"title\":\"a\",\"author\":{\"id\":2,\"name\":\"x\"},\"reviews\":[{\"id\":3,\"text\":\"t\"}],"
                        + "\"year\":2001,\"long\":\"L\"}");
        JsonProjector reused = new JsonProjector(selection);
        for (int i = 0; i < rows.size(); i++) {
            ByteSink out = new ByteSink(8);
            reused.project(rows.get(i).getBytes(StandardCharsets.UTF_8), out);
            assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).as(rows.get(i)).isEqualTo(expected.get(i));
            assertThat(project(selection, rows.get(i))).isEqualTo(expected.get(i));
        }
    }

    @Test
    void anObjectSelectedUnderTwoAliasesIsProjectedForEachAndARequiredOneBreaksTheRowWhenEmpty() {
        List<SelectionNode> selection = List.of(
                SelectionNode.object("author", List.of("author"), false, List.of(value("id", ScalarKind.INT))),
                SelectionNode.object("writer", List.of("author"), false,
                        List.of(value("name", ScalarKind.STRING).asRequired())),
                SelectionNode.object("reviews", List.of("reviews"), true,
                        List.of(value("id", ScalarKind.INT).asRequired())));
        String row = "{\"author\": {\"id\": 2, \"name\": \"x\"}, \"reviews\": [{\"id\": 3}, {\"id\": 4}]}";
        assertThat(project(selection, row))
                .isEqualTo("{\"author\":{\"id\":2},\"writer\":{\"name\":\"x\"},\"reviews\":[{\"id\":3},{\"id\":4}]}");
        assertThat(kept(selection, row)).isTrue();
        assertThat(kept(selection, "{\"author\": {\"id\": 2}, \"reviews\": []}")).isFalse();
        assertThat(kept(selection, "{\"author\": {\"name\": \"x\"}, \"reviews\": [{\"id\": 3}, {}]}")).isFalse();
    }

    @Test
    void oneSinkCollectsSeveralRows() {
        JsonProjector projector = new JsonProjector(List.of(value("id", ScalarKind.INT)));
        ByteSink out = new ByteSink(1);
        for (int i = 0; i < 100; i++) {
            out.write(i == 0 ? '[' : ',');
            projector.project(("{\"id\": " + i + "}").getBytes(StandardCharsets.UTF_8), out);
        }
        out.write(']');
        String text = new String(out.toByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("[{\"id\":0},{\"id\":1},").endsWith(",{\"id\":99}]").hasSize(991);
    }

    @Test
    void selectionsAreCheckedLikeTheSqlProjection() {
        assertThatThrownBy(() -> new JsonProjector(List.of())).hasMessage("A projection needs at least one selected field");
        assertThatThrownBy(() -> new JsonProjector(List.of(SelectionNode.value("x", List.of("x'y"), ScalarKind.STRING, false))))
                .hasMessage("Invalid source key \"x'y\" of selection 'x': a JSONB key must match [_A-Za-z][_0-9A-Za-z]*");
    }
}
