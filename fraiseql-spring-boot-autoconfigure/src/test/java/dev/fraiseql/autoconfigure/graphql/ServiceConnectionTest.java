package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.autoconfigure.graphql.testapp.LibraryTestApplication;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The way a user's test gets its database with Testcontainers: {@code @ServiceConnection} registers a
 * {@code JdbcConnectionDetails} bean and the FraiseQL pool connects to the container. Skipped where there is no Docker;
 * {@code ConnectionSourcesTest} proves the same bean on the embedded server everywhere.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.graphql.schema.locations=classpath:fraiseql-test/graphql/")
class ServiceConnectionTest {

    @Container
    @ServiceConnection
    static final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");

    @Autowired
    DataSource dataSource;

    @LocalServerPort
    int port;

    @BeforeEach
    void loadTheLibrary() throws Exception {
        String script = new String(getClass().getResourceAsStream("/fraiseql-test/library.sql").readAllBytes(),
                StandardCharsets.UTF_8);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (!c.getMetaData().getTables(null, null, "book", null).next()) {
                s.execute(script);
            }
        }
    }

    @Test
    void theStarterAnswersFromTheContainerItsServiceConnectionNames() {
        assertThat(new GraphQlHttp(port).post("{ book(id: 2) { title } }"))
                .isEqualTo("{\"data\":{\"book\":{\"title\":\"Solaris\"}}}");
    }
}
