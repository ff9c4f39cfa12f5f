package dev.fraiseql.samples.library;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample on a PostgreSQL container instead of the embedded server: {@code @ServiceConnection} names the database,
 * Flyway migrates it and FraiseQL serves it, with no property set. Skipped where there is no Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LibraryServiceConnectionTest {

    @Container
    @ServiceConnection
    static PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");

    @LocalServerPort
    private int port;

    @Test
    void theSampleAnswersFromAContainerThatFlywayMigrated() throws Exception {
        assertThat(new GraphQlHttp(this.port).post("{ books(orderBy: [{title: ASC}], limit: 2) { title } }"))
                .isEqualTo("{\"data\":{\"books\":[{\"title\":\"Book 0001\"},{\"title\":\"Book 0002\"}]}}");
    }
}
