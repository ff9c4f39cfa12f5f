package dev.fraiseql.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Drives wrk against one URL with POST bodies picked in turn from a list, and parses its summary. */
final class Wrk {

    /** What one wrk run measured. */
    record Result(double requestsPerSecond, double p99Millis, long requests, long errors) {
    }

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private Wrk() {
    }

    static Result run(String url, List<String> bodies, int connections, int seconds, Path workDir)
            throws IOException, InterruptedException {
        Path script = workDir.resolve("post-" + Integer.toHexString(bodies.hashCode()) + ".lua");
        Files.writeString(script, lua(bodies), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--latency",
                "-s", script.toString(), url).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + out);
        }
        return parse(out);
    }

    static Result parse(String out) {
        double rps = Double.parseDouble(find(RPS, out, 1, "0"));
        Matcher m = P99.matcher(out);
        double p99 = 0;
        if (m.find()) {
            double v = Double.parseDouble(m.group(1));
            p99 = switch (m.group(2)) {
                case "us" -> v / 1000;
                case "s" -> v * 1000;
                default -> v;
            };
        }
        long total = Long.parseLong(find(TOTAL, out, 1, "0"));
        long errors = Long.parseLong(find(NON2XX, out, 1, "0"));
        Matcher s = SOCKET.matcher(out);
        if (s.find()) {
            for (int i = 1; i <= 4; i++) {
                errors += Long.parseLong(s.group(i));
            }
        }
        return new Result(rps, p99, total, errors);
    }

    private static String find(Pattern pattern, String text, int group, String otherwise) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(group) : otherwise;
    }

    private static String lua(List<String> bodies) {
        StringBuilder sb = new StringBuilder("wrk.method = \"POST\"\n")
                .append("wrk.headers[\"Content-Type\"] = \"application/json\"\n")
                .append("wrk.headers[\"Accept\"] = \"application/json\"\n")
                .append("local bodies = {\n");
        for (String b : bodies) {
            sb.append("  [==[").append(b).append("]==],\n");
        }
        sb.append("}\nlocal i = 0\n")
                .append("request = function()\n  i = (i % #bodies) + 1\n")
                .append("  return wrk.format(nil, nil, nil, bodies[i])\nend\n");
        return sb.toString();
    }
}
