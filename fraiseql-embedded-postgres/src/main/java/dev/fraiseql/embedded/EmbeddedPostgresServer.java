package dev.fraiseql.embedded;

import dev.fraiseql.autoconfigure.FallbackConnectionUrl;
import dev.fraiseql.embedded.server.LocalPostgres;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * An embedded PostgreSQL started on first use, when FraiseQL's pool finds no other database, and stopped with the
 * application context. Its data stays in its directory between restarts unless asked to start fresh.
 */
public final class EmbeddedPostgresServer implements FallbackConnectionUrl, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final LocalPostgres server;
    private final boolean fresh;

    /**
     * @param dataDirectory where the data lives
     * @param fresh whether to delete the data before starting
     * @param port the port, or 0 for any free one
     */
    public EmbeddedPostgresServer(Path dataDirectory, boolean fresh, int port) {
        this.server = new LocalPostgres(dataDirectory, port, Map.of());
        this.fresh = fresh;
    }

    @Override
    public synchronized String url() {
        if (!server.running()) {
            start();
        }
        return server.url("postgres");
    }

    @Override
    public String description() {
        return "the embedded PostgreSQL of fraiseql-embedded-postgres, data in " + server.dataDirectory();
    }

    /** Whether the server was started (it is only when no other database was configured). */
    public boolean started() {
        return server.running();
    }

    /** The port the server listens on; starts it if needed. */
    public synchronized int port() {
        url();
        return server.port();
    }

    private void start() {
        if (fresh) {
            server.deleteData();
        }
        try {
            server.start();
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start with its data in "
                    + server.dataDirectory() + ": check that the directory is writable and not used by another server,"
                    + " or set fraiseql.embedded.fresh=true to start over", e.getCause());
        }
        log.info("No database is configured: started an embedded PostgreSQL on port {} with its data in {}"
                + " (fraiseql.embedded.*; set fraiseql.db.url or spring.datasource.url to use another)",
                server.port(), server.dataDirectory());
    }

    @Override
    public synchronized void destroy() {
        if (server.running()) {
            server.stop();
            log.info("Stopped the embedded PostgreSQL (data kept in {})", server.dataDirectory());
        }
    }
}
