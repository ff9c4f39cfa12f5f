package dev.fraiseql.embedded.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server on its own: it keeps its data and its port across a restart, applies its settings, and deletes cleanly. */
class LocalPostgresTest {

    @TempDir
    Path dir;

    private static Connection connect(LocalPostgres pg) throws SQLException {
        return DriverManager.getConnection("jdbc:" + pg.url("postgres").replace("postgres@", ""), LocalPostgres.USER, "");
    }

    private static String query(LocalPostgres pg, String sql) throws SQLException {
        try (Connection c = connect(pg); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void exec(LocalPostgres pg, String sql) throws SQLException {
        try (Connection c = connect(pg); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Test
    void aRestartedServerListensOnTheSamePortWithTheSameDataAndSettings() throws Exception {
        try (LocalPostgres pg = new LocalPostgres(dir.resolve("data"), 0, Map.of("fsync", "off"))) {
            pg.start();
            int port = pg.port();
            assertThat(port).isPositive();
            assertThat(pg.url("app")).isEqualTo("postgresql://postgres@localhost:" + port + "/app");
            exec(pg, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('x')");

            pg.stop();
            assertThat(pg.running()).isFalse();
            assertThatThrownBy(() -> pg.url("app")).hasMessage("PostgreSQL with its data in " + dir.resolve("data")
                    + " is not running");
            pg.start();

            assertThat(pg.port()).isEqualTo(port);
            assertThat(query(pg, "SELECT v FROM kept")).isEqualTo("x");
            assertThat(query(pg, "SHOW fsync")).isEqualTo("off");
        }
    }

    @Test
    void deletingTheDataNeedsAStoppedServerAndRemovesTheDirectory() {
        LocalPostgres pg = new LocalPostgres(dir.resolve("data"), 0, Map.of()).start();
        assertThatThrownBy(pg::deleteData).hasMessage("Stop PostgreSQL before deleting its data in " + dir.resolve("data"));
        pg.stop();
        pg.deleteData();
        assertThat(Files.exists(dir.resolve("data"))).isFalse();
    }

    @Test
    void aPortOutOfRangeIsRefusedNamingTheRange() {
        assertThatThrownBy(() -> new LocalPostgres(dir, 70000, Map.of()))
                .hasMessage("The port must be 0 (any free port) to 65535, was 70000");
    }
}
