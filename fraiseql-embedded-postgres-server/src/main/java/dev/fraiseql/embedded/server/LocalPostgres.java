package dev.fraiseql.embedded.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A PostgreSQL server run from the binaries on the classpath, with its data in a directory that outlives it: started,
 * stopped and started again on the same port with the same data, as an operator would.
 */
public final class LocalPostgres implements AutoCloseable {

    /** The superuser the server is initialised with; it has no password and listens on localhost only. */
    public static final String USER = "postgres";

    private final Path dataDirectory;
    private final Map<String, String> serverConfig;
    private int port;
    private EmbeddedPostgres server;

    /**
     * A server that will keep its data in {@code dataDirectory}.
     *
     * @param port the port, or 0 for any free one (kept once chosen, so a restart listens on the same port)
     * @param serverConfig {@code postgresql.conf} settings, for example {@code fsync=off} for throw-away test data
     */
    public LocalPostgres(Path dataDirectory, int port, Map<String, String> serverConfig) {
        this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("The port must be 0 (any free port) to 65535, was " + port);
        }
        this.port = port;
        this.serverConfig = Map.copyOf(new LinkedHashMap<>(serverConfig));
    }

    /**
     * Starts the server on the data in its directory (initialising the directory when it is empty), or does nothing
     * when it runs already.
     *
     * @throws UncheckedIOException naming the directory when the server does not start
     */
    public synchronized LocalPostgres start() {
        if (server != null) {
            return this;
        }
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false);
            serverConfig.forEach(builder::setServerConfig);
            if (port > 0) {
                builder.setPort(port);
            }
            server = builder.start();
            port = server.getPort();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start with its data in " + dataDirectory
                    + ": check that the directory is writable and not used by another server, or delete it to start"
                    + " over", e);
        }
    }

    /** Stops the server and keeps its data; does nothing when it is not running. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL with its data in " + dataDirectory + " did not stop cleanly", e);
        } finally {
            server = null;
        }
    }

    /** Stops the server. */
    @Override
    public void close() {
        stop();
    }

    /** Whether the server is running. */
    public synchronized boolean running() {
        return server != null;
    }

    /** The port the server listens on (or will, once started on a chosen port); 0 before a first start on any port. */
    public synchronized int port() {
        return port;
    }

    /** Where the server keeps its data. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** A {@code postgresql://postgres@localhost:PORT/DATABASE} URL of one of the server's databases. */
    public synchronized String url(String database) {
        if (server == null) {
            throw new IllegalStateException("PostgreSQL with its data in " + dataDirectory + " is not running");
        }
        return "postgresql://" + USER + "@localhost:" + port + "/" + database;
    }

    /**
     * Deletes the data directory and everything in it; the server must be stopped. A file removed or added while the
     * directory is deleted makes it list the directory again, up to three times.
     */
    public synchronized void deleteData() {
        if (server != null) {
            throw new IllegalStateException("Stop PostgreSQL before deleting its data in " + dataDirectory);
        }
        // A file may vanish while the directory is listed, or appear before its directory goes: list again.
        for (int attempt = 1; Files.exists(dataDirectory); attempt++) {
            try {
                List<Path> paths;
                try (Stream<Path> walk = Files.walk(dataDirectory)) {
                    paths = walk.sorted(Comparator.reverseOrder()).toList();
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
                for (Path p : paths) {
                    Files.deleteIfExists(p);
                }
                return;
            } catch (NoSuchFileException | DirectoryNotEmptyException e) {
                if (attempt == 3) {
                    throw new UncheckedIOException("Could not delete the PostgreSQL data in " + dataDirectory, e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete the PostgreSQL data in " + dataDirectory, e);
            }
        }
    }
}
