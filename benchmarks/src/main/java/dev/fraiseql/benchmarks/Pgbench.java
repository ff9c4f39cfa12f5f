package dev.fraiseql.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Replays recorded statements with {@code pgbench -M prepared}: the database's ceiling for a workload, with no
 * application in between. Each variant of a workload (one looked-up id, one cursor) becomes one script, and
 * pgbench picks a script at random for every transaction.
 */
final class Pgbench {

    /** What one pgbench run measured. */
    record Result(double transactionsPerSecond, double p99Millis, long transactions, long failures) {
    }

    /** pgbench refuses more scripts than this. */
    static final int MAX_SCRIPTS = 100;

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern DONE = Pattern.compile("number of transactions actually processed: (\\d+)");
    private static final Pattern VARIABLE = Pattern.compile(":[A-Za-z0-9_]");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");

    private final Path executable;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String database;

    Pgbench(Path executable, String host, int port, String user, String password, String database) {
        this.executable = executable;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.database = database;
    }

    /**
     * The text of one pgbench script: the statements with their values written in as literals (pgbench can only
     * bind numbers it computes itself, not a recorded uuid or cursor).
     */
    static String script(List<SqlRecorder.Recorded> statements) {
        StringBuilder sb = new StringBuilder();
        for (SqlRecorder.Recorded r : statements) {
            sb.append(inline(r.sql(), r.parameters())).append(";\n");
        }
        return sb.toString();
    }

    /** Replaces each JDBC placeholder by its value, leaving {@code ?} inside quotes and {@code ??} operators alone. */
    static String inline(String sql, List<Object> values) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                while (end > 0 && end + 1 < sql.length() && sql.charAt(end + 1) == c) {
                    end = sql.indexOf(c, end + 2);
                }
                if (end < 0) {
                    throw new IllegalArgumentException("Unterminated quote in " + sql);
                }
                out.append(sql, i, end + 1);
                i = end;
            } else if (c == '?' && i + 1 < sql.length() && sql.charAt(i + 1) == '?') {
                out.append('?');
                i++;
            } else if (c == '?') {
                if (next >= values.size()) {
                    throw new IllegalArgumentException("More placeholders than values in " + sql);
                }
                out.append(literal(values.get(next++)));
            } else {
                out.append(c);
            }
        }
        if (next != values.size()) {
            throw new IllegalArgumentException(values.size() + " values for " + next + " placeholders in " + sql);
        }
        return out.toString();
    }

    static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        // A java.sql.Array from pgjdbc prints as PostgreSQL's array literal; UUIDs, strings and dates as their text.
        String text = value instanceof Object[] array ? arrayLiteral(array) : value.toString();
        // pgbench reads ":name" as a variable even inside quotes; an escape string hides the colon from it
        // while PostgreSQL still parses the same constant.
        if (VARIABLE.matcher(text).find()) {
            return "E'" + text.replace("\\", "\\\\").replace("'", "''").replace(":", "\\x3a") + "'";
        }
        return "'" + text.replace("'", "''") + "'";
    }

    private static String arrayLiteral(Object[] array) {
        StringBuilder sb = new StringBuilder("{");
        for (Object o : array) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(o == null ? "NULL" : '"' + o.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"');
        }
        return sb.append('}').toString();
    }

    Result run(List<String> scripts, int clients, int seconds, Path work) throws IOException, InterruptedException {
        if (scripts.isEmpty() || scripts.size() > MAX_SCRIPTS) {
            throw new IllegalArgumentException("pgbench takes 1 to " + MAX_SCRIPTS + " scripts, got " + scripts.size());
        }
        Path dir = Files.createTempDirectory(work, "pgbench-");
        List<String> command = new ArrayList<>(List.of(executable.toString(), "-n", "-M", "prepared",
                "-c", Integer.toString(clients), "-j", "1", "-T", Integer.toString(seconds),
                "-h", host, "-p", Integer.toString(port), "-U", user,
                "-l", "--log-prefix=" + dir.resolve("tx")));
        for (int i = 0; i < scripts.size(); i++) {
            Path file = dir.resolve("script-" + i + ".sql");
            Files.writeString(file, scripts.get(i), StandardCharsets.UTF_8);
            command.add("-f");
            command.add(file + "@1");
        }
        command.add(database);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", password);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        Result r;
        try {
            if (exit != 0 && !TPS.matcher(out).find()) {
                throw new IllegalStateException("pgbench failed (exit " + exit + "):\n" + out);
            }
            r = new Result(Double.parseDouble(find(TPS, out, "0")), p99(dir), Long.parseLong(find(DONE, out, "0")),
                    Long.parseLong(find(FAILED, out, "0")) + (exit == 0 ? 0 : 1));
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
        return r;
    }

    /** The 99th percentile of the per-transaction latencies pgbench logged (third field, microseconds). */
    private static double p99(Path dir) throws IOException {
        List<Long> micros = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (!f.getFileName().toString().startsWith("tx")) {
                    continue;
                }
                for (String line : Files.readAllLines(f)) {
                    String[] fields = line.split(" ");
                    if (fields.length > 2) {
                        micros.add(Long.parseLong(fields[2]));
                    }
                }
            }
        }
        if (micros.isEmpty()) {
            return 0;
        }
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1000.0;
    }

    private static String find(Pattern pattern, String text, String otherwise) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : otherwise;
    }
}
