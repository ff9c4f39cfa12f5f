package dev.fraiseql.benchmarks;

import dev.fraiseql.core.json.ByteSink;
import dev.fraiseql.core.json.JsonProjector;
import dev.fraiseql.core.json.SelectionNode;
import dev.fraiseql.core.schema.ScalarKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JVM projection alone: 20 rows shaped as the benchmark data's {@code tv_book} rows (PostgreSQL's JSONB text, keys
 * in JSONB's order) projected onto the workloads' book selection, or onto its scalars only, so that most of each row
 * is skipped.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JsonProjectorBenchmark {

    /** The whole book selection of the HTTP workloads, or its scalars without the author and the reviews. */
    @Param({"book", "scalars"})
    public String selection;

    private final List<byte[]> rows = new ArrayList<>();
    private JsonProjector projector;
    private final ByteSink out = new ByteSink(16 * 1024);

    @Setup
    public void setUp() {
        for (int i = 0; i < 20; i++) {
            rows.add(row(i).getBytes(StandardCharsets.UTF_8));
        }
        List<SelectionNode> book = new ArrayList<>(List.of(
                SelectionNode.value("id", List.of("id"), ScalarKind.ID, false),
                SelectionNode.value("title", List.of("title"), ScalarKind.STRING, false),
                SelectionNode.value("price", List.of("price"), ScalarKind.FLOAT, false),
                SelectionNode.value("pageCount", List.of("page_count"), ScalarKind.INT, false),
                SelectionNode.value("publishedYear", List.of("published_year"), ScalarKind.INT, false),
                SelectionNode.value("isAvailable", List.of("is_available"), ScalarKind.BOOLEAN, false),
                SelectionNode.value("tags", List.of("tags"), ScalarKind.STRING, true),
                SelectionNode.value("rating", List.of("rating"), ScalarKind.FLOAT, false)));
        if (selection.equals("book")) {
            book.add(SelectionNode.object("author", List.of("author"), false, List.of(
                    SelectionNode.value("id", List.of("id"), ScalarKind.ID, false),
                    SelectionNode.value("name", List.of("name"), ScalarKind.STRING, false),
                    SelectionNode.value("country", List.of("country"), ScalarKind.STRING, false))));
            book.add(SelectionNode.object("reviews", List.of("reviews"), true, List.of(
                    SelectionNode.value("id", List.of("id"), ScalarKind.ID, false),
                    SelectionNode.value("stars", List.of("stars"), ScalarKind.INT, false),
                    SelectionNode.value("reviewerName", List.of("reviewer_name"), ScalarKind.STRING, false))));
        }
        projector = new JsonProjector(book);
    }

    /** One row as PostgreSQL prints the benchmark view's JSONB: keys by length, then bytes, three reviews. */
    static String row(int i) {
        String hex = String.format("%08x", i * 2654435761L & 0xffffffffL);
        String uuid = hex + "-1c2d-3e4f-5a6b-7c8d9e0f1a2b";
        StringBuilder reviews = new StringBuilder();
        for (int r = 0; r < 3; r++) {
            reviews.append(r == 0 ? "" : ", ").append("{\"id\": \"").append(uuid.replace('1', (char) ('a' + r)))
                    .append("\", \"stars\": ").append(1 + (i + r) % 5).append(", \"reviewer_name\": \"Reviewer ")
                    .append(hex).append("\"}");
        }
        return "{\"id\": \"" + uuid + "\", \"tags\": [\"fiction\", \"travel\"], \"price\": " + (5 + i % 90) + ".25"
                + ", \"title\": \"Abcdef" + hex + " " + hex + "abcd\", \"author\": {\"id\": \"" + uuid.replace('a', 'b')
                + "\", \"name\": \"Author " + hex + "ab\", \"country\": \"FR\"}, \"rating\": 3." + (i % 9 + 1)
                + "7, \"reviews\": [" + reviews + "], \"page_count\": " + (50 + i * 7) + ", \"is_available\": true"
                + ", \"published_year\": " + (1990 + i) + "}";
    }

    /** Projects the 20 rows into one reused buffer, as a list field does. */
    @Benchmark
    public int twentyRows() {
        out.reset();
        for (byte[] row : rows) {
            projector.project(row, out);
        }
        return out.size();
    }
}
