package dev.fraiseql.testsupport;

import dev.fraiseql.embedded.server.LocalPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server for tests and samples: embedded (one per JVM) by default, or the server
 * named by the environment variable {@value #URL_ENV}.
 */
public final class TestPostgres {

    /** Environment variable naming an external server, as a JDBC or {@code postgresql://} URL. */
    public static final String URL_ENV = "FRAISEQL_TEST_DATABASE_URL";

    private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);
    private static final AtomicInteger databases = new AtomicInteger();
    private static TestPostgres shared;

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;
    /** The embedded server (the one applications get from fraiseql-embedded-postgres), or null for an external one. */
    private final LocalPostgres embedded;

    private TestPostgres(String host, int port, String database, String user, String password, LocalPostgres embedded) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    /** The server shared by every test of this JVM, started on first use. */
    public static synchronized TestPostgres shared() {
        if (shared == null) {
            String url = System.getenv(URL_ENV);
            shared = (url == null || url.isBlank()) ? startEmbedded() : external(url.trim());
        }
        return shared;
    }

    private static TestPostgres startEmbedded() {
        try {
            Path dir = Files.createTempDirectory("fraiseql-pg-");
            // Test data is thrown away: durability settings off, and room for every test's pool at once.
            LocalPostgres pg = new LocalPostgres(dir, 0, Map.of("max_connections", "300", "fsync", "off",
                    "synchronous_commit", "off", "full_page_writes", "off")).start();
            TestPostgres server = new TestPostgres("localhost", pg.port(), "postgres", LocalPostgres.USER, "", pg);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "fraiseql-test-postgres-stop"));
            log.info("Embedded PostgreSQL started on port {} (data in {})", pg.port(), dir);
            return server;
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("Embedded PostgreSQL did not start; set " + URL_ENV
                    + " to use an external server instead", e);
        }
    }

    static TestPostgres external(String url) {
        String spec = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
        URI uri = URI.create(spec.replaceFirst("^postgres(ql)?://", "postgresql://"));
        String user = "postgres";
        String password = "";
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : "";
        }
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv.length == 2 && kv[0].equals("user")) {
                    user = decode(kv[1]);
                } else if (kv.length == 2 && kv[0].equals("password")) {
                    password = decode(kv[1]);
                }
            }
        }
        String db = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        return new TestPostgres(host, port, db, user, password, null);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** Whether this server is the embedded one, which tests may stop and restart. */
    public boolean isEmbedded() {
        return embedded != null;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** JDBC URL of the server's default database, without credentials. */
    public String jdbcUrl() {
        return jdbcUrl(database);
    }

    /** JDBC URL of the named database on this server, without credentials. */
    public String jdbcUrl(String databaseName) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + databaseName;
    }

    /** A {@code postgresql://user:password@host:port/db} URL of the named database. */
    public String postgresUrl(String databaseName) {
        String credentials = password.isEmpty() ? user : user + ":" + password;
        return "postgresql://" + credentials + "@" + host + ":" + port + "/" + databaseName;
    }

    /** Opens a plain JDBC connection to the named database. */
    public Connection connect(String databaseName) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return DriverManager.getConnection(jdbcUrl(databaseName), props);
    }

    /** Opens a plain JDBC connection to the server's default database. */
    public Connection connect() throws SQLException {
        return connect(database);
    }

    /** Creates a new, empty database whose name starts with the prefix, so tests don't share state. */
    public String createDatabase(String prefix) {
        String name = (prefix.replaceAll("[^a-z0-9_]", "_") + "_" + ProcessHandle.current().pid() + "_"
                + databases.incrementAndGet()).toLowerCase();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return name;
    }

    /** Stops the embedded server, keeping its data, so a test can see the app survive an outage. */
    public void stopServer() {
        requireEmbedded();
        embedded.stop();
    }

    /** Starts the embedded server again on the same port with the same data. */
    public void startServer() {
        requireEmbedded();
        embedded.start();
    }

    /** Stops and starts the embedded server, as an operator restarting PostgreSQL would. */
    public void restart() {
        stopServer();
        startServer();
    }

    private void requireEmbedded() {
        if (!isEmbedded()) {
            throw new IllegalStateException("Only the embedded server can be stopped; unset " + URL_ENV);
        }
    }

    private void stop() {
        try {
            embedded.stop();
            embedded.deleteData();
        } catch (RuntimeException e) {
            log.debug("Embedded PostgreSQL did not stop and delete its data cleanly", e);
        }
    }
}
