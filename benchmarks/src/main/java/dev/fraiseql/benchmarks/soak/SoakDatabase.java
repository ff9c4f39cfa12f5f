package dev.fraiseql.benchmarks.soak;

import dev.fraiseql.benchmarks.BenchDatabase;
import dev.fraiseql.testsupport.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The shared 100 000-book library on the embedded or external server, with the bench mutation functions. */
final class SoakDatabase {

    /** The same database name as the other benchmarks, so an external server loaded by them is reused. */
    static final String NAME = "fraiseql_bench";

    private final TestPostgres server;

    private SoakDatabase(TestPostgres server) {
        this.server = server;
    }

    /** Opens the database, loading the data file when the 100 000 books are not there yet. */
    static SoakDatabase open(Path dataFile) throws IOException, SQLException {
        TestPostgres server = TestPostgres.shared();
        try (Connection c = server.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + NAME + "'")) {
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + NAME);
            }
        }
        SoakDatabase db = new SoakDatabase(server);
        if (db.bookCount() != 100_000) {
            long start = System.nanoTime();
            try (Connection c = server.connect(NAME); Statement s = c.createStatement()) {
                for (String statement : BenchDatabase.statements(Files.readString(dataFile))) {
                    s.execute(statement);
                }
            }
            System.out.printf("Loaded %s in %.1f s%n", dataFile, (System.nanoTime() - start) / 1e9);
        }
        db.runScript(resource("peers/bench-functions.sql"));
        db.removeCreatedBooks();
        return db;
    }

    private long bookCount() {
        try (Connection c = server.connect(NAME); Statement s = c.createStatement()) {
            try {
                // Books a crashed earlier run created would otherwise make the count look wrong and reload.
                s.execute("SELECT bench.remove_created_books()");
            } catch (SQLException e) {
                // no bench schema yet: nothing was created
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM tv_book")) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            return -1;
        }
    }

    static String resource(String name) throws IOException {
        try (InputStream in = SoakDatabase.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name + " on the benchmark classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    TestPostgres server() {
        return server;
    }

    String postgresUrl() {
        return server.postgresUrl(NAME);
    }

    Connection connect() throws SQLException {
        return server.connect(NAME);
    }

    void runScript(String script) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(script);
        }
    }

    /** Deletes every book the mutations added, so each phase starts from the same 100 000. */
    void removeCreatedBooks() throws SQLException {
        runScript("SELECT bench.remove_created_books()");
    }

    /** Book ids spread evenly over the table. */
    List<String> bookIds(int count) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT id::text FROM book_ord WHERE ord % ? = 0 ORDER BY ord LIMIT ?")) {
            ps.setInt(1, Math.max(1, 100_000 / count));
            ps.setInt(2, count);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** The id of one author, for the books the mutations create. */
    String authorId() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id::text FROM tb_author ORDER BY pk_author LIMIT 1")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** How many rows of tb_book and of tv_book carry each title starting with the prefix. */
    Map<String, int[]> titleCounts(String prefix) throws SQLException {
        Map<String, int[]> counts = new LinkedHashMap<>();
        try (Connection c = connect()) {
            count(c, "SELECT title, count(*) FROM tb_book WHERE title LIKE ? GROUP BY title", prefix, counts, 0);
            count(c, "SELECT data->>'title', count(*) FROM tv_book WHERE data->>'title' LIKE ? GROUP BY 1", prefix,
                    counts, 1);
        }
        return counts;
    }

    private static void count(Connection c, String sql, String prefix, Map<String, int[]> counts, int slot)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.computeIfAbsent(rs.getString(1), k -> new int[2])[slot] = rs.getInt(2);
                }
            }
        }
    }

    /** How many sessions of the named application wait for a lock. */
    int sessionsWaitingOnLock(String applicationName) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = ? AND wait_event_type = 'Lock'")) {
            ps.setString(1, applicationName);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * Restarts PostgreSQL in fast mode: the embedded server through the test support (pg_ctl stop -m fast, then
     * start on the same port and data), an external one with the given pg_ctl and data directory.
     *
     * @return a description of what was run
     */
    String restartFast(Path pgCtl, Path pgData) throws IOException, InterruptedException {
        if (server.isEmbedded()) {
            server.restart();
            return "embedded server: pg_ctl stop -m fast -w, then pg_ctl start on the same data directory and port";
        }
        List<String> command = new ArrayList<>();
        // PostgreSQL refuses to run as root: run pg_ctl as the owner of the data directory.
        String owner = Files.getOwner(pgData).getName();
        if ("root".equals(System.getProperty("user.name")) && !"root".equals(owner)) {
            command.addAll(List.of("runuser", "-u", owner, "--"));
        }
        command.addAll(List.of(pgCtl.toString(), "restart", "-m", "fast", "-w", "-t", "60", "-D", pgData.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("pg_ctl restart did not finish in 90 s: " + command);
        }
        if (p.exitValue() != 0) {
            throw new IOException("pg_ctl restart failed with exit code " + p.exitValue() + ": " + command);
        }
        return String.join(" ", command);
    }
}
