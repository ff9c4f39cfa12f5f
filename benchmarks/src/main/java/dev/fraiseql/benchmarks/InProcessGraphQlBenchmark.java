package dev.fraiseql.benchmarks;

import dev.fraiseql.testsupport.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.ExecutionGraphQlRequest;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Our own cost per request, without HTTP and without the database: Spring for GraphQL executes the
 * query through the starter (fast or standard path) over rows recorded once from PostgreSQL and
 * replayed from memory, and the response is serialized with Jackson as the HTTP handler would.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InProcessGraphQlBenchmark {


    /** Which execution path the starter uses: the fast path projecting in SQL or in the JVM, or the standard path. */
    @Param({"fast-sql", "fast-jvm", "standard"})
    public String execution;

    /** The 100-row list with nested objects, or the 1-row lookup. */
    @Param({"list100", "lookup"})
    public String query;

    private ConfigurableApplicationContext context;
    private ExecutionGraphQlService service;
    private ExecutionGraphQlRequest request;
    private final JsonMapper json = JsonMapper.builder().build();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        TestPostgres server = TestPostgres.shared();
        String db = server.createDatabase("bench_inprocess");
        try (Connection c = server.connect(db); Statement s = c.createStatement()) {
            String script = new String(InProcessGraphQlBenchmark.class.getResourceAsStream("/inprocess-books.sql")
                    .readAllBytes(), StandardCharsets.UTF_8);
            for (String statement : BenchDatabase.statements(script)) {
                s.execute(statement);
            }
        }
        PGSimpleDataSource real = new PGSimpleDataSource();
        real.setUrl(server.jdbcUrl(db));
        real.setUser(server.user());
        real.setPassword(server.password());
        ReplayDataSource dataSource = new ReplayDataSource(real);

        context = new SpringApplicationBuilder(BenchmarkApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("dataSource", dataSource))
                .properties("fraiseql.graphql.execution=" + execution.replaceAll("-.*", ""),
                        "fraiseql.graphql.projection=" + (execution.endsWith("jvm") ? "jvm" : "sql"),
                        "logging.level.root=WARN")
                .run();
        service = context.getBean(ExecutionGraphQlService.class);
        String id = firstBookId(server, db);
        request = query.equals("list100")
                ? new DefaultExecutionGraphQlRequest(Queries.LIST_100, null, Map.of(), Map.of(), "1", Locale.ROOT)
                : new DefaultExecutionGraphQlRequest(Queries.LOOKUP, null, Map.of("id", id), Map.of(), "1", Locale.ROOT);
        byte[] recorded = execute();
        dataSource.replay();
        byte[] replayed = execute();
        if (!Arrays.equals(recorded, replayed) || !new String(replayed, StandardCharsets.UTF_8).startsWith("{\"data\":{\"book")) {
            throw new IllegalStateException("Replay differs from PostgreSQL's answer:\n"
                    + new String(recorded, StandardCharsets.UTF_8) + "\n" + new String(replayed, StandardCharsets.UTF_8));
        }
    }

    private static String firstBookId(TestPostgres server, String db) throws Exception {
        try (Connection c = server.connect(db); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT id FROM tv_book ORDER BY id LIMIT 1")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        context.close();
    }

    /** Executes the request and writes the response body bytes. */
    @Benchmark
    public byte[] execute() {
        ExecutionGraphQlResponse response = service.execute(request).block();
        return json.writeValueAsBytes(response.toMap());
    }
}
