package dev.fraiseql.samples.library;

import dev.fraiseql.autoconfigure.FraiseqlEnvironmentPostProcessor;
import dev.fraiseql.testsupport.TestPostgres;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts an embedded PostgreSQL and points {@code fraiseql.db.url} at it when neither {@code fraiseql.db.url}
 * nor {@code DATABASE_URL} is set, so the sample runs with no configuration.
 */
public class EmbeddedDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    private final Log log;

    public EmbeddedDatabaseEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedDatabaseEnvironmentPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("fraiseql.db.url")) {
            return;
        }
        TestPostgres server = TestPostgres.shared();
        String database = server.createDatabase("library");
        String url = server.postgresUrl(database);
        this.log.info("Neither fraiseql.db.url nor DATABASE_URL is set: using the embedded PostgreSQL database "
                + database + " on port " + server.port());
        environment.getPropertySources().addLast(
                new MapPropertySource("libraryEmbeddedDatabase", Map.of("fraiseql.db.url", url)));
    }

    @Override
    public int getOrder() {
        // After FraiseQL's own processor, which turns DATABASE_URL into fraiseql.db.url.
        return FraiseqlEnvironmentPostProcessor.ORDER + 1;
    }
}
