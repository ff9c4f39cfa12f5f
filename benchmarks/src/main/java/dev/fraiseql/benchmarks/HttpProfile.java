package dev.fraiseql.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Where the server's CPU goes for one request over HTTP: the fast-path app on the 100 000-book data under wrk, with a
 * JFR recording of the measured window, for three requests that share the web stack: {@code {__typename}} (no
 * database), a 1-row lookup through GraphQL, and the same lookup through the plain JDBC ceiling endpoint (no GraphQL).
 * Writes one recording per request and a summary of the JVM CPU per request, measured in a run of its own without the
 * recording; {@code scripts/layers.py} attributes the recording's samples to the layers of the stack.
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
        try {
            String base = "http://127.0.0.1:" + EndToEndBenchmark.port(app);
            String via = "http://127.0.0.1:" + EndToEndBenchmark.port(viaGraphQlJava);
            record Target(String name, String url, List<String> bodies) {
            }
            List<Target> targets = List.of(
                    new Target("typename", base + "/graphql", List.of("{\"query\":\"{ __typename }\"}")),
                    new Target("lookup", base + "/graphql", lookups),
                    new Target("typename-graphql-java", via + "/graphql", List.of("{\"query\":\"{ __typename }\"}")),
                    new Target("lookup-graphql-java", via + "/graphql", lookups),
                    new Target("ceiling", base + "/ceiling/book", lookups));
            for (Target t : targets) {
                Wrk.run(t.url(), t.bodies(), connections, warmup, work);
            }
            for (Target t : targets) {
                // The CPU per request is measured without the recording, whose own cost grows with the request rate;
                // the recording that follows only tells how that CPU splits.
                double cpu0 = CpuClock.jvmSeconds();
                Wrk.Result r = Wrk.run(t.url(), t.bodies(), connections, seconds, work);
                double cpu = CpuClock.jvmSeconds() - cpu0;
                try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
                    recording.start();
                    Wrk.run(t.url(), t.bodies(), connections, seconds, work);
                    recording.stop();
                    recording.dump(work.resolve(t.name() + ".jfr"));
                }
                String line = String.format(Locale.ROOT, "%s %.1f %.0f %d", t.name(),
                        cpu / Math.max(1, r.requests()) * 1e6, r.requestsPerSecond(), r.errors());
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
