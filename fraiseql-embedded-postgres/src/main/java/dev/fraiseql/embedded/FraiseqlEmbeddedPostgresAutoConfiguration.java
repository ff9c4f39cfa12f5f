package dev.fraiseql.embedded;

import dev.fraiseql.autoconfigure.FraiseqlDataSourceAutoConfiguration;
import dev.fraiseql.embedded.server.LocalPostgres;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Offers FraiseQL's pool an embedded PostgreSQL as the database of last resort: started only when nothing else names
 * a database, and stopped with the application.
 */
@AutoConfiguration(before = FraiseqlDataSourceAutoConfiguration.class)
@ConditionalOnClass(LocalPostgres.class)
@ConditionalOnProperty(prefix = "fraiseql.embedded", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
public final class FraiseqlEmbeddedPostgresAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EmbeddedPostgresServer fraiseqlEmbeddedPostgres(EmbeddedPostgresProperties properties, Environment environment) {
        Path directory = properties.getDataDirectory() != null ? properties.getDataDirectory()
                : Path.of(System.getProperty("java.io.tmpdir"), "fraiseql-embedded",
                        environment.getProperty("spring.application.name", "application").replaceAll("[^A-Za-z0-9_.-]", "_"));
        return new EmbeddedPostgresServer(directory, properties.isFresh(), properties.getPort());
    }
}
