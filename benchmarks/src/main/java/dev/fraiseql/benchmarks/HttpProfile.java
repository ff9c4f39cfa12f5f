package dev.fraiseql.benchmarks;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Where the server's CPU goes for one request over HTTP: the fast-path app on the 100 000-book data under wrk, with a
 * JFR recording of the measured window, for requests that share the web stack: {@code {__typename}} (no database), a
 * 1-row lookup and the peers benchmark's 20-row list through GraphQL, each with direct execution on and off, and the
 * same lookup through the plain JDBC ceiling endpoint (no GraphQL). Writes one recording per request and a summary of the JVM CPU per request, measured in
 * two rounds of its own without the recording; {@code scripts/layers.py} attributes the recording's samples to the
 * layers of the stack.
 */
public final class HttpProfile {

    private HttpProfile() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = EndToEndBenchmark.options(args);
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "15"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "15"));
        int connections = Integer.parseInt(opts.getOrDefault("connections", "8"));
        Path data = Path.of(opts.getOrDefault("data", "../shared/data/library-100k.sql"));
        Path work = Path.of(opts.getOrDefault("work", "benchmarks/target/jfr-http"));
        Files.createDirectories(work);

        BenchDatabase db = BenchDatabase.open(data);
        List<String> lookups = db.bookIds(200).stream().map(Queries::lookupBody).toList();
        ConfigurableApplicationContext app = EndToEndBenchmark.start(db, "fast", "jvm", connections);
        ConfigurableApplicationContext viaGraphQlJava = EndToEndBenchmark.start(db, "fast", "jvm", connections,
                "fraiseql.graphql.direct-execution=false");
        List<String> summary = new ArrayList<>();
        List<String> list = List.of("{\"query\":\"{ books(where: {publishedYear: {gte: 2000}}, orderBy: [{title: ASC}],"
                + " limit: 20) { " + Queries.BOOK_SELECTION + " } }\"}");
        try {
            String base = "http://127.0.0.1:" + EndToEndBenchmark.port(app);
            String via = "http://127.0.0.1:" + EndToEndBenchmark.port(viaGraphQlJava);
            // 100-row Relay pages after the cursors of 50 books spread over the whole table.
            HttpClient http = HttpClient.newHttpClient();
            List<String> pages = new ArrayList<>();
            for (String id : db.bookIds(50)) {
                String cursor = (String) Answers.path(EndToEndBenchmark.post(http, base + "/graphql", PeersBenchmark.body(
                        "query C($id: UUID!) { booksConnection(where: {id: {eq: $id}}, first: 1) { edges { cursor } } }",
                        Map.of("id", id))), "data", "booksConnection", "edges", 0, "cursor");
                pages.add(PeersBenchmark.body("query Page($after: String) { booksConnection(first: 100, after: $after) {"
                        + " edges { cursor node { " + Queries.BOOK_SELECTION + " } } pageInfo { hasNextPage endCursor } } }",
                        Map.of("after", cursor)));
            }
            record Target(String name, String url, List<String> bodies) {
            }
            List<Target> targets = List.of(
                    new Target("typename", base + "/graphql", List.of("{\"query\":\"{ __typename }\"}")),
                    new Target("lookup", base + "/graphql", lookups),
                    new Target("list", base + "/graphql", list),
                    new Target("relay", base + "/graphql", pages),
                    new Target("typename-graphql-java", via + "/graphql", List.of("{\"query\":\"{ __typename }\"}")),
                    new Target("lookup-graphql-java", via + "/graphql", lookups),
                    new Target("list-graphql-java", via + "/graphql", list),
                    new Target("relay-graphql-java", via + "/graphql", pages),
                    new Target("ceiling", base + "/ceiling/book", lookups));
            for (Target t : targets) {
                Wrk.run(t.url(), t.bodies(), connections, warmup, work);
            }
            // The CPU per request is measured without the recording, whose own cost grows with the request rate, in two
            // rounds in opposite orders, so that no target always follows the same one; the recordings that follow only
            // tell how that CPU splits.
            Map<String, double[]> measured = new LinkedHashMap<>();
            for (int round = 0; round < 2; round++) {
                List<Target> order = new ArrayList<>(targets);
                if (round == 1) {
                    Collections.reverse(order);
                }
                for (Target t : order) {
                    double cpu0 = CpuClock.jvmSeconds();
                    Wrk.Result r = Wrk.run(t.url(), t.bodies(), connections, seconds, work);
                    double cpu = CpuClock.jvmSeconds() - cpu0;
                    double[] sums = measured.computeIfAbsent(t.name(), k -> new double[4]);
                    sums[0] += cpu;
                    sums[1] += r.requests();
                    sums[2] += r.requestsPerSecond() / 2;
                    sums[3] += r.errors();
                }
            }
            for (Target t : targets) {
                try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
                    recording.start();
                    Wrk.run(t.url(), t.bodies(), connections, seconds, work);
                    recording.stop();
                    recording.dump(work.resolve(t.name() + ".jfr"));
                }
                double[] sums = measured.get(t.name());
                String line = String.format(Locale.ROOT, "%s %.1f %.0f %d", t.name(),
                        sums[0] / Math.max(1, sums[1]) * 1e6, sums[2], (long) sums[3]);
                summary.add(line);
                System.out.println(line);
            }
        } finally {
            viaGraphQlJava.close();
            app.close();
        }
        // name, JVM CPU µs per request, req/s, errors: read by scripts/layers.py
        Files.write(work.resolve("summary.txt"), summary);
    }
}
