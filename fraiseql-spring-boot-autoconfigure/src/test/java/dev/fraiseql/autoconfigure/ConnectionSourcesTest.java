package dev.fraiseql.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import dev.fraiseql.core.config.DatabaseUrl;
import dev.fraiseql.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the pool's database comes from, in Spring Boot's order: a {@code JdbcConnectionDetails} bean, then
 * {@code fraiseql.db.url} (and {@code DATABASE_URL}), then {@code spring.datasource.*}; each step on the real server.
 */
class ConnectionSourcesTest {

    private static final String NOWHERE = "postgresql://nobody:secret@127.0.0.1:1/nowhere";
    private static TestPostgres server;
    private static String detailsDb;
    private static String fraiseqlDb;
    private static String springDb;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FraiseqlDataSourceAutoConfiguration.class,
                    DataSourceAutoConfiguration.class))
            .withPropertyValues("fraiseql.db.min-idle=0", "fraiseql.db.max-connections=3",
                    "fraiseql.db.connection-timeout=2s");

    @BeforeAll
    static void createDatabases() {
        server = TestPostgres.shared();
        detailsDb = server.createDatabase("source_details");
        fraiseqlDb = server.createDatabase("source_fraiseql");
        springDb = server.createDatabase("source_spring");
    }

    /** What a Testcontainers {@code @ServiceConnection} registers, here pointing at the embedded server. */
    private static JdbcConnectionDetails details(String database) {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return server.user();
            }

            @Override
            public String getPassword() {
                return server.password();
            }

            @Override
            public String getJdbcUrl() {
                return server.jdbcUrl(database);
            }
        };
    }

    private static String database(ApplicationContext context) throws Exception {
        try (Connection c = context.getBean(DataSource.class).getConnection(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aJdbcConnectionDetailsBeanWinsOverEveryPropertyAndTheFraiseqlPoolSettingsStillApply() {
        runner.withBean(JdbcConnectionDetails.class, () -> details(detailsDb))
                .withPropertyValues("fraiseql.db.url=" + NOWHERE, "spring.datasource.url=jdbc:postgresql://127.0.0.1:1/x")
                .run(context -> {
                    assertThat(database(context)).isEqualTo(detailsDb);
                    HikariDataSource pool = context.getBean(HikariDataSource.class);
                    assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
                    assertThat(pool.getConnectionTimeout()).isEqualTo(2000);
                });
    }

    @Test
    void fraiseqlDbUrlWinsOverSpringDatasourceUrl() {
        runner.withPropertyValues("fraiseql.db.url=" + server.postgresUrl(fraiseqlDb),
                "spring.datasource.url=jdbc:postgresql://127.0.0.1:1/x")
                .run(context -> assertThat(database(context)).isEqualTo(fraiseqlDb));
    }

    @Test
    void springDatasourcePropertiesAreTheLastFallbackWithTheirUserNameAndPassword() {
        runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://" + server.host() + ":" + server.port() + "/"
                + springDb, "spring.datasource.username=" + server.user(),
                "spring.datasource.password=" + server.password())
                .run(context -> {
                    assertThat(database(context)).isEqualTo(springDb);
                    assertThat(context.getBean(DataSource.class)).isInstanceOf(HikariDataSource.class);
                });
    }

    @Test
    void withNoSourceStartUpFailsNamingEveryWayToGiveOne() {
        runner.run(context -> assertThat(context.getStartupFailure()).rootCause()
                .hasMessageContaining("Set fraiseql.db.url (or the DATABASE_URL environment variable, or"
                        + " spring.datasource.url), or define a JdbcConnectionDetails bean."));
    }

    @Test
    void credentialsJoinTheJdbcUrlPercentEncodedInPlaceOfTheUrlsOwn() {
        assertThat(DatabaseUrl.withCredentials("jdbc:postgresql://db:5432/lib?user=old&ssl=true", "app",
                "p&ss w@rd")).isEqualTo("jdbc:postgresql://db:5432/lib?ssl=true&user=app&password=p%26ss+w%40rd");
        DatabaseUrl parsed = DatabaseUrl.parse(DatabaseUrl.withCredentials("jdbc:postgresql://db:5432/lib", "app",
                "p&ss w@rd"));
        assertThat(parsed.user()).isEqualTo("app");
        assertThat(parsed.password()).isEqualTo("p&ss w@rd");
        assertThat(DatabaseUrl.withCredentials("jdbc:postgresql://db/lib", null, null))
                .isEqualTo("jdbc:postgresql://db/lib");
    }
}
