package dev.fraiseql.core.bench;

import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.sql.SqlBuilder;
import dev.fraiseql.core.sql.SqlStatement;
import dev.fraiseql.core.where.WhereRenderer;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import static dev.fraiseql.core.where.Fixtures.REGISTRY;
import static dev.fraiseql.core.where.Fixtures.m;

/**
 * A quick measurement of WHERE rendering for a 10-condition filter (ns/op and bytes allocated per op), runnable
 * without JMH: {@code java -cp fraiseql-core/target/classes:fraiseql-core/target/test-classes
 * dev.fraiseql.core.bench.WhereRenderMeasure}. A JMH benchmark in the benchmarks module should confirm it.
 */
public final class WhereRenderMeasure {

    /** The 10-condition filter measured. */
    public static Map<String, Object> tenConditions() {
        return m("title", m("contains", "dune"),
                "publishedYear", m("gte", 1960, "lt", 2000),
                "pages", m("gt", 100),
                "status", m("in", List.of("ACTIVE", "DRAFT", "ARCHIVED")),
                "available", m("eq", true),
                "author", m("name", m("startswith", "Le")),
                "OR", List.of(m("price", m("lt", 20.0)), m("rating", m("gte", new BigDecimal("4.5")))),
                "tags", m("contains", List.of("sf")));
    }

    private WhereRenderMeasure() {
    }

    public static void main(String[] args) {
        WhereRenderer renderer = new WhereRenderer(REGISTRY);
        TypeDef book = REGISTRY.type("Book");
        Map<String, Object> filter = tenConditions();
        int warmup = 300_000;
        int iterations = Integer.parseInt(args.length > 0 ? args[0] : "2000000");
        long sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += render(renderer, book, filter).parameters().size();
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        for (int round = 0; round < 3; round++) {
            long bytes0 = threads.getThreadAllocatedBytes(id);
            long t0 = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                sink += render(renderer, book, filter).parameters().size();
            }
            long t1 = System.nanoTime();
            long bytes1 = threads.getThreadAllocatedBytes(id);
            System.out.printf("round %d: %.0f ns/op, %d bytes/op (%d ops)%n", round, (t1 - t0) / (double) iterations,
                    (bytes1 - bytes0) / iterations, iterations);
        }
        SqlStatement s = render(renderer, book, filter);
        System.out.println(s.text().length() + " chars, " + s.parameters().size() + " parameters, sink " + sink);
    }

    private static SqlStatement render(WhereRenderer renderer, TypeDef type, Map<String, Object> filter) {
        SqlBuilder out = new SqlBuilder();
        renderer.render(type, filter, "t", out);
        return out.build();
    }
}
