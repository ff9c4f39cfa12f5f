package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.core.json.ByteSink;
import dev.fraiseql.core.json.JsonProjector;
import dev.fraiseql.core.json.SelectionNode;
import dev.fraiseql.core.schema.ScalarKind;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A ROUGH in-JVM timing, not a benchmark (no JMH, one JVM, no fork control): projecting a 100-row page
 * of book-like JSONB text with {@link JsonProjector} against only parsing the same rows into Jackson
 * trees. Run by hand with the module's test class path; it is not a test.
 */
final class RoughProjectionTiming {

    private RoughProjectionTiming() {
    }

    public static void main(String[] args) {
        List<byte[]> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(("{\"id\": \"b" + i + "\", \"isbn\": \"978-0-00-" + (100000 + i) + "\", \"tags\": [\"fantasy\", \"classic\"],"
                    + " \"price\": " + (10 + i % 7) + "." + (i % 10) + "0, \"title\": \"The Book of \\\"Things\\\" number " + i
                    + "\", \"author\": {\"id\": \"a" + i % 13 + "\", \"name\": \"Ursula K. Le Guin\", \"born_on\": \"1929-10-21\","
                    + " \"country\": \"US\"}, \"reviews\": [{\"id\": \"r1\", \"text\": \"A wonderful read, with é and 😀\","
                    + " \"rating\": 5}, {\"id\": \"r2\", \"text\": \"Fine\", \"rating\": 3}, {\"id\": \"r3\", \"text\": \"Slow\","
                    + " \"rating\": 2}], \"metadata\": {\"shelf\": 3, \"copies\": 12}, \"page_count\": 312,"
                    + " \"published_on\": \"1968-01-01\"}").getBytes(StandardCharsets.UTF_8));
        }
        List<SelectionNode> selection = List.of(SelectionNode.value("id", List.of("id"), ScalarKind.ID, false),
                SelectionNode.value("title", List.of("title"), ScalarKind.STRING, false),
                SelectionNode.value("price", List.of("price"), ScalarKind.FLOAT, false),
                SelectionNode.value("pageCount", List.of("page_count"), ScalarKind.INT, false),
                SelectionNode.object("author", List.of("author"), false,
                        List.of(SelectionNode.value("name", List.of("name"), ScalarKind.STRING, false))),
                SelectionNode.object("reviews", List.of("reviews"), true,
                        List.of(SelectionNode.value("rating", List.of("rating"), ScalarKind.INT, false),
                                SelectionNode.value("text", List.of("text"), ScalarKind.STRING, false))));
        JsonMapper mapper = JsonMapper.builder().build();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int round = 0; round < 6; round++) {
            int pages = 20_000;
            long allocated = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            for (int p = 0; p < pages; p++) {
                JsonProjector projector = new JsonProjector(selection);
                ByteSink out = new ByteSink(4096);
                out.write('[');
                for (byte[] row : rows) {
                    if (out.size() > 1) {
                        out.write(',');
                    }
                    projector.project(row, out);
                }
                out.write(']');
                sink += out.toByteArray().length;
            }
            long projectNs = System.nanoTime() - start;
            long projectBytes = threads.getCurrentThreadAllocatedBytes() - allocated;
            JsonProjector reused = new JsonProjector(selection);
            ByteSink reusedSink = new ByteSink(64 * 1024);
            allocated = threads.getCurrentThreadAllocatedBytes();
            start = System.nanoTime();
            for (int p = 0; p < pages; p++) {
                reusedSink.reset();
                for (byte[] row : rows) {
                    reused.project(row, reusedSink);
                }
                sink += reusedSink.size();
            }
            long reusedNs = System.nanoTime() - start;
            long reusedBytes = threads.getCurrentThreadAllocatedBytes() - allocated;
            allocated = threads.getCurrentThreadAllocatedBytes();
            start = System.nanoTime();
            for (int p = 0; p < pages; p++) {
                for (byte[] row : rows) {
                    JsonNode tree = mapper.readTree(row);
                    sink += tree.size();
                }
            }
            long treeNs = System.nanoTime() - start;
            long treeBytes = threads.getCurrentThreadAllocatedBytes() - allocated;
            int n = pages * rows.size();
            System.out.printf("round %d: JsonProjector %.0f ns/row, %.0f B/row allocated (page incl. output copy);"
                    + " reused projector and sink %.0f ns/row, %.0f B/row; Jackson readTree only %.0f ns/row, %.0f B/row%n",
                    round, (double) projectNs / n, (double) projectBytes / n, (double) reusedNs / n,
                    (double) reusedBytes / n, (double) treeNs / n, (double) treeBytes / n);
        }
        System.out.println("(checksum " + sink + ")");
    }
}
