package dev.fraiseql.core;

import dev.fraiseql.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;


class TestPostgresSmokeTest {

    @Test
    void theTestServerAnswersAQuery() throws Exception {
        try (Connection c = TestPostgres.shared().connect();
                ResultSet rs = c.createStatement().executeQuery("SELECT 1 + 1")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
    }
}
