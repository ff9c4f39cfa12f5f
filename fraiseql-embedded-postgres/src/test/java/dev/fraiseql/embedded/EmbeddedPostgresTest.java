package dev.fraiseql.embedded;

import java.net.Socket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A Boot application with only the starter, this module and a schema file starts on an embedded PostgreSQL, keeps its
 * data between restarts (or starts fresh when asked), runs Flyway or spring.sql.init on it, and stops it on shutdown.
 */
class EmbeddedPostgresTest {

    /** An application with nothing but auto-configuration. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    private static ConfigurableApplicationContext start(Path data, String... properties) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("fraiseql.embedded.data-directory", data.toString());
        all.put("spring.graphql.schema.locations", "classpath:graphql/");
        for (String p : properties) {
            all.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
        }
        return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).properties(all).run();
    }

    private static String books(ConfigurableApplicationContext context) {
        Map<String, Object> response = context.getBean(ExecutionGraphQlService.class).execute(
                new DefaultExecutionGraphQlRequest("{ books { title } }", null, null, null, "1", Locale.ROOT))
                .block().toMap();
        return JsonMapper.builder().build().writeValueAsString(response);
    }

    @Test
    void anApplicationWithNoDatabaseConfiguredAnswersFromTheEmbeddedServerAfterFlywayMigratedIt(@TempDir Path data) {
        try (ConfigurableApplicationContext context = start(data)) {
            assertThat(context.getBean(EmbeddedPostgresServer.class).started()).isTrue();
            assertThat(books(context)).isEqualTo("{\"data\":{\"books\":[{\"title\":\"Dune\"},{\"title\":\"Emma\"}]}}");
        }
    }

    @Test
    void theDataIsKeptBetweenRestartsUnlessAFreshStartIsAsked(@TempDir Path data) {
        try (ConfigurableApplicationContext context = start(data)) {
            new JdbcTemplate(context.getBean(DataSource.class)).update("INSERT INTO tb_book (title) VALUES ('Kept')");
        }
        try (ConfigurableApplicationContext context = start(data)) {
            assertThat(books(context)).contains("{\"title\":\"Kept\"}");
        }
        try (ConfigurableApplicationContext context = start(data, "fraiseql.embedded.fresh=true")) {
            assertThat(books(context)).isEqualTo("{\"data\":{\"books\":[{\"title\":\"Dune\"},{\"title\":\"Emma\"}]}}");
        }
    }

    @Test
    void springSqlInitWorksAsWellAsFlyway(@TempDir Path data) {
        try (ConfigurableApplicationContext context = start(data, "spring.flyway.enabled=false",
                "spring.sql.init.mode=always", "spring.sql.init.schema-locations=classpath:sql-init/schema.sql")) {
            assertThat(books(context)).isEqualTo("{\"data\":{\"books\":[{\"title\":\"Ubik\"}]}}");
        }
    }

    @Test
    void theServerStopsWithTheApplication(@TempDir Path data) {
        int port;
        try (ConfigurableApplicationContext context = start(data)) {
            port = context.getBean(EmbeddedPostgresServer.class).port();
            assertThat(books(context)).contains("Dune");
        }
        assertThatThrownBy(() -> new Socket("localhost", port).close()).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void noServerStartsWhenTheApplicationNamesItsDatabase(@TempDir Path data) {
        EmbeddedPostgresServer other = new EmbeddedPostgresServer(data.resolve("other"), true, 0);
        try {
            String url = other.url();
            try (ConfigurableApplicationContext context = start(data.resolve("unused"), "fraiseql.db.url=" + url)) {
                assertThat(context.getBean(EmbeddedPostgresServer.class).started()).isFalse();
                assertThat(books(context)).contains("Dune");
            }
        } finally {
            other.destroy();
        }
    }

    @Test
    void itCanBeTurnedOffSoThatAMissingDatabaseStopsStartUpAsBefore(@TempDir Path data) {
        assertThatThrownBy(() -> start(data, "fraiseql.embedded.enabled=false").close())
                .hasRootCauseMessage("Invalid setting fraiseql.db.url: no database URL is set. Set fraiseql.db.url"
                        + " (or the DATABASE_URL environment variable, or spring.datasource.url), or define a"
                        + " JdbcConnectionDetails bean. Use postgresql://user:password@host:5432/database"
                        + " (percent-encode special characters in the user and password, e.g. @ as %40) or"
                        + " jdbc:postgresql://host:5432/database.");
    }
}
