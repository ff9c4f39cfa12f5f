package dev.fraiseql.core.bench;

import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.sql.SqlBuilder;
import dev.fraiseql.core.sql.SqlStatement;
import dev.fraiseql.core.where.WhereRenderer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import static dev.fraiseql.core.where.Fixtures.REGISTRY;

/** JMH benchmark of WHERE rendering for a 10-condition filter; run with {@code -prof gc} for bytes per operation. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WhereRenderBenchmark {

    private final WhereRenderer renderer = new WhereRenderer(REGISTRY);
    private final TypeDef book = REGISTRY.type("Book");
    private final Map<String, Object> filter = WhereRenderMeasure.tenConditions();

    @Benchmark
    public SqlStatement renderTenConditions() {
        SqlBuilder out = new SqlBuilder();
        renderer.render(book, filter, "t", out);
        return out.build();
    }
}
