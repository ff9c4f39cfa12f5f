package dev.fraiseql.benchmarks;

import dev.fraiseql.peers.conventional.ConventionalApplication;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * FraiseQL against its peers in one run on the same data: the fast and standard paths, a conventional Spring for
 * GraphQL app, PostGraphile 5 and pgbench replaying the fast path's own SQL, over five workloads. Reports
 * requests/s, p99, the CPU time of the app and of PostgreSQL per request (so a single-threaded Node process is
 * judged by what it costs, not by how many cores it could use), JVM allocation, and each ratio to the fast path.
 */
public final class PeersBenchmark {

    static final String FAST = "FraiseQL fast path";
    static final String STANDARD = "FraiseQL standard path";
    static final String VIA_GRAPHQL_JAVA = "FraiseQL fast path through graphql-java (direct execution off)";
    static final String WRITE_ONLY = "FraiseQL fast path, tv_book not kept current";
    static final String CONVENTIONAL = "Spring for GraphQL, JdbcClient + @BatchMapping";
    static final String POSTGRAPHILE = "PostGraphile 5.1.5 + connection-filter";
    static final String PGBENCH = "pgbench -M prepared, fast path's SQL";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The book selection of every workload, in FraiseQL's and the conventional app's names. */
    private static final String BOOK = Queries.BOOK_SELECTION;

    /** The same selection in PostGraphile's names, aliased to the same keys. */
    private static final String PG_BOOK = "id: rowId title price pageCount publishedYear isAvailable tags rating"
            + " author: tbAuthorByFkAuthor { id: rowId name country }"
            + " reviews: tbReviewsByFkBook(orderBy: PK_REVIEW_ASC) { nodes { id: rowId stars reviewerName } }";

    private static final String MUTATION_TITLE = "zz-bench created book";

    /** Requests of each read workload whose answers are compared across contenders before measuring. */
    static final int CHECKED = 10;

    /** One server answering GraphQL over HTTP. */
    private record Target(String name, String url, boolean jvm, NodeServer node) {

        double appCpuSeconds() {
            return jvm ? CpuClock.jvmSeconds() : node.cpuSeconds();
        }

        void resume() {
            if (node != null) {
                node.resume();
            }
        }

        void pause() {
            if (node != null) {
                node.pause();
            }
        }
    }

    /** A workload: the request bodies of each contender (same data asked in each one's own words). */
    private record Plan(String name, Map<String, List<String>> bodies, Set<String> ignoredKeys, boolean writes,
            List<String> pgbenchScripts) {
    }

    private PeersBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = EndToEndBenchmark.options(args);
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "10"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "10"));
        int rounds = Integer.parseInt(opts.getOrDefault("rounds", "2"));
        int connections = Integer.parseInt(opts.getOrDefault("connections", "8"));
        int lookups = Integer.parseInt(opts.getOrDefault("lookups", "100"));
        int depths = Integer.parseInt(opts.getOrDefault("depths", "50"));
        Path data = Path.of(opts.getOrDefault("data", "../shared/data/library-100k.sql"));
        Path out = Path.of(opts.getOrDefault("out", "benchmarks/results"));
        Path node = opts.containsKey("node") ? Path.of(opts.get("node")) : null;
        Path postgraphile = opts.containsKey("postgraphile") ? Path.of(opts.get("postgraphile")) : null;
        Path pgbenchBinary = opts.containsKey("pgbench") ? Path.of(opts.get("pgbench")) : null;
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("peers-");
        List<String> notes = new ArrayList<>();

        BenchDatabase db = BenchDatabase.open(data);
        db.runScript(resource("peers/bench-functions.sql"));
        db.runScript("SELECT bench.remove_created_books()");
        settle(db);

        List<String> ids = db.bookIds(lookups);
        Random random = new Random(20261203L);
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < depths; i++) {
            positions.add(random.nextInt(100_000 - 100));
        }
        List<String> depthIds = db.idsAt(positions);
        String[] author = db.author();
        long postmaster = db.postmasterPid();

        List<AutoCloseable> running = new ArrayList<>();
        try {
            ConfigurableApplicationContext fast = fraiseql(db, "fast", connections, false);
            running.add(fast::close);
            ConfigurableApplicationContext standard = fraiseql(db, "standard", connections, false);
            running.add(standard::close);
            ConfigurableApplicationContext via = fraiseql(db, "fast", connections, false,
                    "fraiseql.graphql.direct-execution=false");
            running.add(via::close);
            ConfigurableApplicationContext conventional = conventional(db, connections);
            running.add(conventional::close);
            NodeServer pgl = null;
            if (node != null && postgraphile != null) {
                // A peer that cannot start is reported, not fatal: the other rows are still worth having.
                try {
                    pgl = NodeServer.start(node, postgraphile, db.postgresUrl(), connections);
                    running.add(0, pgl);
                } catch (IllegalStateException | IOException e) {
                    notes.add("PostGraphile did not start: " + e.getMessage());
                }
            } else {
                notes.add("PostGraphile was not run: no --node and --postgraphile given (run.sh installs them).");
            }
            Target fastTarget = new Target(FAST, url(fast), true, null);
            Target standardTarget = new Target(STANDARD, url(standard), true, null);
            Target viaTarget = new Target(VIA_GRAPHQL_JAVA, url(via), true, null);
            Target writeOnly = new Target(WRITE_ONLY, url(fast), true, null);
            Target conventionalTarget = new Target(CONVENTIONAL, url(conventional), true, null);
            Target pglTarget = pgl == null ? null : new Target(POSTGRAPHILE, pgl.url(), false, pgl);

            HttpClient http = HttpClient.newHttpClient();
            List<Plan> plans = plans(http, ids, depthIds, author, fastTarget, pglTarget);
            if (pgl != null) {
                pgl.pause();
            }

            Pgbench pgbench = null;
            Map<String, String> ceilingSql = new LinkedHashMap<>();
            if (pgbenchBinary != null) {
                pgbench = new Pgbench(pgbenchBinary, db.server().host(), db.server().port(), db.server().user(),
                        db.server().password(), BenchDatabase.NAME);
                plans = recordCeiling(db, plans, ceilingSql, notes);
            } else {
                notes.add("pgbench was not run: no --pgbench given (run.sh finds it beside PostgreSQL).");
            }

            List<Target> targets = new ArrayList<>(List.of(fastTarget, viaTarget, standardTarget, conventionalTarget));
            if (pglTarget != null) {
                targets.add(pglTarget);
            }
            targets.add(3, writeOnly);
            List<String> mismatches = check(http, db, plans, targets);
            Set<String> failedCeilings = new HashSet<>();

            for (Plan plan : plans) {
                for (Target t : targetsOf(plan, targets)) {
                    t.resume();
                    Wrk.run(t.url(), plan.bodies().get(t.name()), connections, warmup, work);
                    t.pause();
                    afterRun(db, plan);
                }
                if (pgbench != null && !plan.pgbenchScripts().isEmpty() && !failedCeilings.contains(plan.name())) {
                    try {
                        pgbench.run(plan.pgbenchScripts(), connections, Math.max(1, warmup / 2), work);
                    } catch (IllegalStateException e) {
                        failedCeilings.add(plan.name());
                        notes.add("pgbench failed on " + plan.name() + ": " + e.getMessage());
                    }
                    afterRun(db, plan);
                }
            }
            List<PeersReport.Row> rows = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                for (Plan plan : plans) {
                    // Each round starts with another contender, so none is always the first after a switch.
                    List<Target> order = new ArrayList<>(targetsOf(plan, targets));
                    Collections.rotate(order, -(round - 1));
                    for (Target t : order) {
                        t.resume();
                        Wrk.run(t.url(), plan.bodies().get(t.name()), connections, 2, work);
                        afterRun(db, plan);
                        rows.add(measure(plan, t, connections, seconds, work, postmaster));
                        t.pause();
                        afterRun(db, plan);
                        System.out.println("round " + round + ": " + rows.get(rows.size() - 1));
                    }
                    if (pgbench != null && !plan.pgbenchScripts().isEmpty() && !failedCeilings.contains(plan.name())) {
                        try {
                            rows.add(measure(plan, pgbench, connections, seconds, work, postmaster));
                            System.out.println("round " + round + ": " + rows.get(rows.size() - 1));
                        } catch (IllegalStateException e) {
                            failedCeilings.add(plan.name());
                            notes.add("pgbench failed on " + plan.name() + ": " + e.getMessage());
                        }
                        afterRun(db, plan);
                    }
                }
            }
            PeersReport report = new PeersReport(rows, mismatches, notes, ceilingSql, seconds, rounds, connections,
                    LocalDate.now().toString());
            Files.writeString(out.resolve("peers.md"), report.markdown());
            Files.writeString(out.resolve("peers.json"), report.json());
            System.out.println(report.markdown());
        } finally {
            for (AutoCloseable c : running) {
                try {
                    c.close();
                } catch (Exception e) {
                    System.err.println("While stopping: " + e);
                }
            }
            db.runScript("SELECT bench.remove_created_books()");
        }
    }

    private static List<Target> targetsOf(Plan plan, List<Target> targets) {
        return targets.stream().filter(t -> plan.bodies().containsKey(t.name())).toList();
    }

    /**
     * Writes leave rows behind; removing them keeps every run reading the same 100 000 books.
     */
    private static void afterRun(BenchDatabase db, Plan plan) throws Exception {
        if (plan.writes()) {
            db.runScript("SELECT bench.remove_created_books()");
            settle(db);
        }
    }

    /**
     * Vacuums and checkpoints at once: otherwise autovacuum and the checkpointer wake up later and charge the
     * cleanup of earlier writes to whichever contender is then measured.
     */
    private static void settle(BenchDatabase db) throws Exception {
        db.runScript("VACUUM (ANALYZE) tb_book, tv_book");
        db.runScript("CHECKPOINT");
    }

    // ---------------------------------------------------------------------------------------------- workloads

    private static List<Plan> plans(HttpClient http, List<String> ids, List<String> depthIds, String[] author,
            Target fast, Target pgl) throws Exception {
        List<Plan> plans = new ArrayList<>();
        boolean withPgl = pgl != null;

        String typename = body("{ __typename }", Map.of());
        plans.add(plan("{__typename}", false, Set.of(), typename, typename, withPgl ? typename : null));

        plans.add(plan("lookup by id, author and reviews nested", false, Set.of(),
                each(ids, id -> body("query Book($id: UUID!) { book(id: $id) { " + BOOK + " } }", Map.of("id", id))),
                each(ids, id -> body("query Book($id: ID!) { book(id: $id) { " + BOOK + " } }", Map.of("id", id))),
                withPgl ? each(ids, id -> body("query Book($id: UUID!) { book: tbBookByRowId(rowId: $id) { " + PG_BOOK
                        + " } }", Map.of("id", id))) : null));

        String list = "{ books(where: {publishedYear: {gte: 2000}}, orderBy: [{title: ASC}], limit: 20) { " + BOOK + " } }";
        plans.add(plan("20-row list, publishedYear >= 2000 by title", false, Set.of(),
                List.of(body(list, Map.of())), List.of(body(list, Map.of())),
                withPgl ? List.of(body("{ books: allTbBooks(filter: {publishedYear: {greaterThanOrEqualTo: 2000}},"
                        + " orderBy: TITLE_ASC, first: 20) { nodes { " + PG_BOOK + " } } }", Map.of())) : null));

        String page = "query Page($after: String) { booksConnection(first: 100, after: $after) { edges { cursor node { "
                + BOOK + " } } pageInfo { hasNextPage endCursor } } }";
        List<String> fastPages = new ArrayList<>();
        List<String> conventionalPages = new ArrayList<>();
        List<String> pglPages = new ArrayList<>();
        for (String id : depthIds) {
            String fastCursor = (String) Answers.path(EndToEndBenchmark.post(http, fast.url(), body(
                    "query C($id: UUID!) { booksConnection(where: {id: {eq: $id}}, first: 1) { edges { cursor } } }",
                    Map.of("id", id))), "data", "booksConnection", "edges", 0, "cursor");
            fastPages.add(body(page, Map.of("after", fastCursor)));
            // The conventional app's cursor is its own: the id, base64url-encoded.
            String conventionalCursor = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(id.getBytes(StandardCharsets.UTF_8));
            conventionalPages.add(body(page, Map.of("after", conventionalCursor)));
            if (withPgl) {
                String pglCursor = (String) Answers.path(EndToEndBenchmark.post(http, pgl.url(), body(
                        "query C($id: UUID!) { allTbBooks(orderBy: ROW_ID_ASC, first: 1, filter: {rowId: {equalTo: $id}})"
                                + " { edges { cursor } } }", Map.of("id", id))), "data", "allTbBooks", "edges", 0, "cursor");
                pglPages.add(body("query Page($after: Cursor) { booksConnection: allTbBooks(orderBy: ROW_ID_ASC, first: 100,"
                        + " after: $after) { edges { cursor node { " + PG_BOOK + " } } pageInfo { hasNextPage endCursor } } }",
                        Map.of("after", pglCursor)));
            }
        }
        plans.add(plan("100-row Relay page at a random depth", false, Set.of(), fastPages, conventionalPages,
                withPgl ? pglPages : null));

        Map<String, Object> input = Queries.createBookInput(MUTATION_TITLE, author[0]);
        String create = "mutation Create($input: CreateBookInput!) { createBook(input: $input) {"
                + " ... on CreateBookSuccess { book { " + BOOK + " } } } }";
        String createWriteOnly = "mutation Create($input: CreateBookInput!) { createBook: createBookWriteOnly(input: $input) {"
                + " ... on CreateBookSuccess { book { " + BOOK + " } } } }";
        Map<String, Object> pglInput = new LinkedHashMap<>(input);
        pglInput.remove("authorId");
        pglInput.put("fkAuthor", Integer.parseInt(author[1]));
        pglInput.put("price", "12.5");
        Plan mutation = plan("mutation: create a book (FraiseQL also refreshes tv_book)", true, Set.of("id"),
                List.of(body(create, Map.of("input", input))), List.of(body(create, Map.of("input", input))),
                withPgl ? List.of(body("mutation Create($input: TbBookInput!) { createBook: createTbBook(input: {tbBook: $input})"
                        + " { book: tbBook { " + PG_BOOK + " } } }", Map.of("input", pglInput))) : null);
        Map<String, List<String>> bodies = new LinkedHashMap<>(mutation.bodies());
        // A mutation goes through graphql-java with direct execution on or off.
        bodies.remove(VIA_GRAPHQL_JAVA);
        bodies.put(WRITE_ONLY, List.of(body(createWriteOnly, Map.of("input", input))));
        plans.add(new Plan(mutation.name(), bodies, mutation.ignoredKeys(), true, List.of()));
        return plans;
    }

    private static Plan plan(String name, boolean writes, Set<String> ignoredKeys, Object fraiseql, Object conventional,
            Object postgraphile) {
        Map<String, List<String>> bodies = new LinkedHashMap<>();
        bodies.put(FAST, bodies(fraiseql));
        bodies.put(VIA_GRAPHQL_JAVA, bodies(fraiseql));
        bodies.put(STANDARD, bodies(fraiseql));
        bodies.put(CONVENTIONAL, bodies(conventional));
        if (postgraphile != null) {
            bodies.put(POSTGRAPHILE, bodies(postgraphile));
        }
        return new Plan(name, bodies, ignoredKeys, writes, List.of());
    }

    @SuppressWarnings("unchecked")
    private static List<String> bodies(Object o) {
        return o instanceof String s ? List.of(s) : (List<String>) o;
    }

    private static List<String> each(List<String> values, Function<String, String> body) {
        return values.stream().map(body).toList();
    }

    static String body(String query, Map<String, Object> variables) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("query", query);
        if (!variables.isEmpty()) {
            request.put("variables", variables);
        }
        return JSON.writeValueAsString(request);
    }

    // ------------------------------------------------------------------------------------------------ ceiling

    /**
     * Runs every variant of every workload once through a FraiseQL fast path that records its JDBC calls, and turns
     * what it sent into one pgbench script per variant.
     */
    private static List<Plan> recordCeiling(BenchDatabase db, List<Plan> plans, Map<String, String> sqlShown,
            List<String> notes) throws Exception {
        ConfigurableApplicationContext recorder = fraiseql(db, "fast", 2, true);
        try {
            SqlRecorder sql = recorder.getBean(SqlRecorder.class);
            HttpClient http = HttpClient.newHttpClient();
            String url = url(recorder);
            List<Plan> out = new ArrayList<>();
            for (Plan plan : plans) {
                List<String> scripts = new ArrayList<>();
                sql.take();
                List<String> bodies = plan.bodies().get(FAST);
                for (String body : bodies.subList(0, Math.min(Pgbench.MAX_SCRIPTS, bodies.size()))) {
                    String answer = EndToEndBenchmark.post(http, url, body);
                    List<SqlRecorder.Recorded> statements = sql.take();
                    if (!Answers.isData(answer)) {
                        notes.add("No pgbench row for " + plan.name() + ": the fast path answered "
                                + Answers.abbreviate(answer));
                        scripts.clear();
                        break;
                    }
                    if (!statements.isEmpty()) {
                        scripts.add(Pgbench.script(statements));
                    }
                }
                afterRun(db, plan);
                if (!scripts.isEmpty()) {
                    sqlShown.put(plan.name(), scripts.get(0));
                }
                out.add(new Plan(plan.name(), plan.bodies(), plan.ignoredKeys(), plan.writes(), scripts));
            }
            return out;
        } finally {
            recorder.close();
        }
    }

    // -------------------------------------------------------------------------------------------------- check

    /** Every contender must return the same data as the fast path before any number is taken. */
    private static List<String> check(HttpClient http, BenchDatabase db, List<Plan> plans, List<Target> targets)
            throws Exception {
        List<String> problems = new ArrayList<>();
        for (Plan plan : plans) {
            List<String> reference = plan.bodies().get(FAST);
            int checked = plan.writes() ? 1 : Math.min(CHECKED, reference.size());
            for (int i = 0; i < checked; i++) {
                String expectedBody = EndToEndBenchmark.post(http, fastUrl(targets), reference.get(i));
                afterRun(db, plan);
                if (!Answers.isData(expectedBody)) {
                    problems.add(plan.name() + ": the fast path answered " + Answers.abbreviate(expectedBody));
                    continue;
                }
                Object expected = Answers.normalize(expectedBody, plan.ignoredKeys());
                for (Target t : targetsOf(plan, targets)) {
                    if (t.name().equals(FAST)) {
                        continue;
                    }
                    t.resume();
                    String actualBody = EndToEndBenchmark.post(http, t.url(), plan.bodies().get(t.name()).get(i));
                    t.pause();
                    afterRun(db, plan);
                    if (!Answers.isData(actualBody) || !expected.equals(Answers.normalize(actualBody, plan.ignoredKeys()))) {
                        problems.add(plan.name() + ": " + t.name() + " differs from the fast path\n  fast: "
                                + Answers.abbreviate(expectedBody) + "\n  " + t.name() + ": "
                                + Answers.abbreviate(actualBody));
                    }
                }
            }
        }
        problems.forEach(p -> System.out.println("MISMATCH " + p));
        return problems;
    }

    private static String fastUrl(List<Target> targets) {
        return targets.stream().filter(t -> t.name().equals(FAST)).findFirst().orElseThrow().url();
    }

    // ---------------------------------------------------------------------------------------------- measuring

    private static PeersReport.Row measure(Plan plan, Target t, int connections, int seconds, Path work, long postmaster)
            throws Exception {
        double app0 = t.appCpuSeconds();
        double pg0 = CpuClock.postgresSeconds(postmaster);
        long alloc0 = t.jvm() ? EndToEndBenchmark.allocatedBytes() : 0;
        Wrk.Result r = Wrk.run(t.url(), plan.bodies().get(t.name()), connections, seconds, work);
        long alloc1 = t.jvm() ? EndToEndBenchmark.allocatedBytes() : 0;
        double app = t.appCpuSeconds() - app0;
        double pg = CpuClock.postgresSeconds(postmaster) - pg0;
        long n = Math.max(1, r.requests());
        return new PeersReport.Row(plan.name(), t.name(), r.requestsPerSecond(), r.p99Millis(), app / n * 1e6, pg / n * 1e6,
                t.jvm() ? (alloc1 - alloc0) / 1024.0 / n : Double.NaN, r.requests(), r.errors());
    }

    private static PeersReport.Row measure(Plan plan, Pgbench pgbench, int connections, int seconds, Path work, long postmaster)
            throws Exception {
        double pg0 = CpuClock.postgresSeconds(postmaster);
        Pgbench.Result r = pgbench.run(plan.pgbenchScripts(), connections, seconds, work);
        // pgbench's backends have exited: the postmaster adds their CPU time once it has reaped them.
        Thread.sleep(300);
        double pg = CpuClock.postgresSeconds(postmaster) - pg0;
        long n = Math.max(1, r.transactions());
        return new PeersReport.Row(plan.name(), PGBENCH, r.transactionsPerSecond(), r.p99Millis(), Double.NaN, pg / n * 1e6,
                Double.NaN, r.transactions(), r.failures());
    }

    // ------------------------------------------------------------------------------------------------ servers

    private static ConfigurableApplicationContext fraiseql(BenchDatabase db, String mode, int connections,
            boolean record, String... more) {
        return new SpringApplicationBuilder(BenchmarkApplication.class)
                .properties(more)
                .properties(
                        "fraiseql.db.url=" + db.postgresUrl(),
                        "fraiseql.db.max-connections=" + connections,
                        "fraiseql.db.min-idle=" + connections,
                        "fraiseql.graphql.execution=" + mode,
                        "bench.record-sql=" + record,
                        "server.port=0",
                        "spring.application.name=fraiseql-peers-" + mode + (record ? "-recorder" : ""))
                .run();
    }

    private static ConfigurableApplicationContext conventional(BenchDatabase db, int connections) {
        return new SpringApplicationBuilder(ConventionalApplication.class)
                .properties(ConventionalApplication.PROPERTIES)
                .properties(
                        "spring.datasource.url=" + db.jdbcUrl(),
                        "spring.datasource.username=" + db.server().user(),
                        "spring.datasource.password=" + db.server().password(),
                        "spring.datasource.hikari.maximum-pool-size=" + connections,
                        "spring.datasource.hikari.minimum-idle=" + connections,
                        "server.port=0")
                .run();
    }

    private static String url(ConfigurableApplicationContext ctx) {
        return "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port") + "/graphql";
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PeersBenchmark.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
