package dev.fraiseql.embedded;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the embedded PostgreSQL ({@code fraiseql.embedded.*}). */
@ConfigurationProperties("fraiseql.embedded")
public class EmbeddedPostgresProperties {

    /** Whether an application with no database configured starts on an embedded PostgreSQL. */
    private boolean enabled = true;

    /**
     * Where the server keeps its data between restarts; by default a directory named after spring.application.name
     * under the system's temporary directory.
     */
    private Path dataDirectory;

    /** Whether to delete the data directory before starting, so that every start begins with an empty database. */
    private boolean fresh = false;

    /** The port to listen on; 0 picks a free one. */
    private int port = 0;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Path getDataDirectory() {
        return dataDirectory;
    }

    public void setDataDirectory(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    public boolean isFresh() {
        return fresh;
    }

    public void setFresh(boolean fresh) {
        this.fresh = fresh;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("fraiseql.embedded.port must be 0 (any free port) to 65535, was " + port);
        }
        this.port = port;
    }
}
