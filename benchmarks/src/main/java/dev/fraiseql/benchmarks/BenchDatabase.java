package dev.fraiseql.benchmarks;

import dev.fraiseql.testsupport.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The benchmark database: the shared 100 000-book library, loaded once into the test server. */
public final class BenchDatabase {

    static final String NAME = "fraiseql_bench";

    private final TestPostgres server;

    private BenchDatabase(TestPostgres server) {
        this.server = server;
    }

    /** Opens the benchmark database, creating and loading it from the SQL file when it is not there yet. */
    static BenchDatabase open(Path sqlFile) throws IOException, SQLException {
        TestPostgres server = TestPostgres.shared();
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + NAME + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + NAME);
            }
        }
        BenchDatabase db = new BenchDatabase(server);
        if (db.bookCount() != 100_000) {
            long start = System.nanoTime();
            db.load(sqlFile);
            System.out.printf("Loaded %s in %.1f s%n", sqlFile, (System.nanoTime() - start) / 1e9);
        }
        return db;
    }

    private long bookCount() throws SQLException {
        try (Connection c = server.connect(NAME); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT count(*) FROM tv_book");
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    private void load(Path sqlFile) throws IOException, SQLException {
        try (Connection c = server.connect(NAME); Statement s = c.createStatement()) {
            for (String statement : statements(Files.readString(sqlFile))) {
                s.execute(statement);
            }
        }
    }

    /** Splits the data script at semicolons that end a line; it has no function bodies. */
    public static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                out.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    TestPostgres server() {
        return server;
    }

    String jdbcUrl() {
        return server.jdbcUrl(NAME);
    }

    String postgresUrl() {
        return server.postgresUrl(NAME);
    }

    /** A sample of book ids for single-row lookups, spread over the whole table. */
    List<String> bookIds(int count) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = server.connect(NAME); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT id FROM book_ord WHERE ord % (100000 / " + count + ") = 0 ORDER BY ord");
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    /** Runs a script as one batch, so it may hold function bodies; PostgreSQL runs it statement by statement. */
    void runScript(String script) throws SQLException {
        try (Connection c = server.connect(NAME); Statement s = c.createStatement()) {
            s.execute(script);
        }
    }

    /** The ids of the books at these positions in id order (0 is the first). */
    List<String> idsAt(List<Integer> positions) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = server.connect(NAME);
                java.sql.PreparedStatement ps = c.prepareStatement("SELECT id FROM book_ord WHERE ord = ?")) {
            for (int position : positions) {
                ps.setInt(1, position);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("No book at position " + position);
                    }
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** The id and the primary key of one author, for creating books. */
    String[] author() throws SQLException {
        try (Connection c = server.connect(NAME); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, pk_author FROM tb_author ORDER BY pk_author LIMIT 1")) {
            rs.next();
            return new String[] {rs.getString(1), rs.getString(2)};
        }
    }

    /**
     * The process id of the server's postmaster, so that its CPU time can be told from other servers' on the same
     * machine; -1 when the server runs elsewhere.
     */
    long postmasterPid() throws SQLException {
        try (Connection c = server.connect(NAME); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return CpuClock.parent(rs.getLong(1));
        }
    }
}
