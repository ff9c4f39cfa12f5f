package dev.fraiseql.embedded;

import dev.fraiseql.autoconfigure.FallbackConnectionUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * An embedded PostgreSQL started on first use, when FraiseQL's pool finds no other database, and stopped with the
 * application context. Its data stays in its directory between restarts unless asked to start fresh.
 */
public final class EmbeddedPostgresServer implements FallbackConnectionUrl, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final Path dataDirectory;
    private final boolean fresh;
    private final int port;
    private EmbeddedPostgres server;

    /**
     * @param dataDirectory where the data lives
     * @param fresh whether to delete the data before starting
     * @param port the port, or 0 for any free one
     */
    public EmbeddedPostgresServer(Path dataDirectory, boolean fresh, int port) {
        this.dataDirectory = dataDirectory;
        this.fresh = fresh;
        this.port = port;
    }

    @Override
    public synchronized String url() {
        if (server == null) {
            server = start();
        }
        return "postgresql://postgres@localhost:" + server.getPort() + "/postgres";
    }

    @Override
    public String description() {
        return "the embedded PostgreSQL of fraiseql-embedded-postgres, data in " + dataDirectory;
    }

    /** Whether the server was started (it is only when no other database was configured). */
    public synchronized boolean started() {
        return server != null;
    }

    /** The port the server listens on; starts it if needed. */
    public synchronized int port() {
        url();
        return server.getPort();
    }

    private EmbeddedPostgres start() {
        try {
            if (fresh) {
                delete(dataDirectory);
            }
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false);
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres started = builder.start();
            log.info("No database is configured: started an embedded PostgreSQL on port {} with its data in {}"
                    + " (fraiseql.embedded.*; set fraiseql.db.url or spring.datasource.url to use another)",
                    started.getPort(), dataDirectory);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start with its data in " + dataDirectory
                    + ": check that the directory is writable and not used by another server, or set"
                    + " fraiseql.embedded.fresh=true to start over", e);
        }
    }

    @Override
    public synchronized void destroy() throws IOException {
        if (server != null) {
            server.close();
            log.info("Stopped the embedded PostgreSQL (data kept in {})", dataDirectory);
            server = null;
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
