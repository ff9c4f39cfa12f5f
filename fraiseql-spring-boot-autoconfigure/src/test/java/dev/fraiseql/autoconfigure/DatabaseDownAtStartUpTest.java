package dev.fraiseql.autoconfigure;

import dev.fraiseql.testsupport.TestPostgres;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DatabaseDownAtStartUpTest {

    private static TestPostgres server;
    private static String url;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FraiseqlDataSourceAutoConfiguration.class,
                    DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class));

    @BeforeAll
    static void createDatabase() {
        server = TestPostgres.shared();
        url = server.postgresUrl(server.createDatabase("down_at_start"));
    }

    @Test
    void theAppStartsWithTheDatabaseDownAndQueriesWorkOnceItIsBack() {
        assumeTrue(server.isEmbedded(), "only the embedded server can be stopped");
        server.stopServer();
        try {
            this.runner.withPropertyValues("fraiseql.db.url=" + url, "fraiseql.db.connection-timeout=1s")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                        assertThatThrownBy(() -> jdbc.queryForObject("SELECT 'up'", String.class))
                                .isInstanceOf(CannotGetJdbcConnectionException.class)
                                .cause().isInstanceOf(SQLTransientConnectionException.class)
                                .hasMessageStartingWith("fraiseql - Connection is not available, request timed out")
                                .cause().hasMessageContaining("Connection to " + server.host() + ":" + server.port()
                                        + " refused");
                        server.startServer();
                        assertThat(firstAnswer(jdbc)).isEqualTo("up");
                    });
        } finally {
            server.startServer();
        }
    }

    /**
     * The pool's first answer once the server is back. A server just started may still refuse connections with 57P03
     * ("the database system is starting up") for a while on a cold machine, longer than the 1 s connection timeout
     * this test sets, so the read is repeated until it answers; 60 s without an answer fails the test.
     */
    private static String firstAnswer(JdbcTemplate jdbc) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                return jdbc.queryForObject("SELECT 'up'", String.class);
            } catch (CannotGetJdbcConnectionException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
