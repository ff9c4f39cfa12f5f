package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.testsupport.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** A fresh database per test class, holding the library tables, views and functions of the test schema. */
final class LibraryDatabase {

    final String name;

    private LibraryDatabase(String name) {
        this.name = name;
    }

    static LibraryDatabase create(String prefix) {
        TestPostgres pg = TestPostgres.shared();
        LibraryDatabase db = new LibraryDatabase(pg.createDatabase(prefix));
        try (InputStream in = LibraryDatabase.class.getResourceAsStream("/fraiseql-test/library.sql")) {
            db.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return db;
    }

    String jdbcUrl() {
        return TestPostgres.shared().jdbcUrl(name);
    }

    /** Properties pointing an application at this database. */
    Map<String, Object> properties() {
        TestPostgres pg = TestPostgres.shared();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("fraiseql.db.url", pg.postgresUrl(name));
        p.put("spring.graphql.schema.locations", "classpath:fraiseql-test/graphql/");
        return p;
    }

    void execute(String sql) {
        try (Connection c = TestPostgres.shared().connect(name); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String queryString(String sql) {
        try (Connection c = TestPostgres.shared().connect(name); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                out.append(out.length() == 0 ? "" : "\n").append(rs.getString(1));
            }
            return out.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
