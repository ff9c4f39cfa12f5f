package dev.fraiseql.core.catalog;

import com.zaxxer.hikari.HikariDataSource;
import dev.fraiseql.core.catalog.ColumnCatalog.Column;
import dev.fraiseql.core.config.DbSettings;
import dev.fraiseql.core.error.DatabaseException;
import dev.fraiseql.core.error.ErrorKind;
import dev.fraiseql.core.execution.ExecutorSettings;
import dev.fraiseql.core.execution.QueryExecutor;
import dev.fraiseql.core.pool.PoolFactory;
import dev.fraiseql.core.sql.SqlStatement;
import dev.fraiseql.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;


class ColumnCatalogTest {

    private static HikariDataSource pool;
    private static ColumnCatalog catalog;

    @BeforeAll
    static void createRelations() throws Exception {
        TestPostgres server = TestPostgres.shared();
        String database = server.createDatabase("catalog");
        try (Connection c = server.connect(database); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA app");
            s.execute("CREATE TABLE app.book (id int PRIMARY KEY, title text NOT NULL, gone text, note text,"
                    + " tags text[], data jsonb)");
            s.execute("ALTER TABLE app.book DROP COLUMN gone");
            s.execute("CREATE VIEW app.v_book AS SELECT id, title, data FROM app.book");
            s.execute("CREATE TABLE shelf (id bigint NOT NULL, name varchar(20))");
            s.execute("CREATE TABLE \"we\"\"ird\" (\"col\"\"q\" int NOT NULL)");
            s.execute("CREATE TABLE \"Shelf\" (\"Label\" text)");
        }
        pool = PoolFactory.create(DbSettings.builder().url(server.postgresUrl(database))
                .minIdle(0).maxConnections(1).build());
        catalog = new ColumnCatalog(new QueryExecutor(pool, ExecutorSettings.DEFAULT));
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @Test
    void theStatementBindsTheQuotedNamesAsOneTextArray() {
        SqlStatement statement = ColumnCatalog.statement(List.of("app.v_book", "we\"ird", "Shelf"));

        assertThat(statement.text()).isEqualTo("SELECT r.n, a.attname, t.typname, a.attnotnull"
                + " FROM unnest(?::text[]) WITH ORDINALITY AS r(name, n)"
                + " JOIN pg_catalog.pg_attribute a ON a.attrelid = to_regclass(r.name) AND a.attnum > 0"
                + " AND NOT a.attisdropped"
                + " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
                + " ORDER BY r.n, a.attnum");
        assertThat(statement.parameters()).containsExactly(List.of("\"app\".\"v_book\"", "\"we\"\"ird\"", "\"Shelf\""));
    }

    @Test
    void aTableListsItsColumnsInOrderWithNotNullForPrimaryKeyAndNotNullColumnsAndWithoutDroppedOnes() {
        Map<String, Map<String, Column>> columns = catalog.columns(List.of("app.book"));

        assertThat(columns).containsOnlyKeys("app.book");
        assertThat(columns.get("app.book")).containsExactly(
                Map.entry("id", new Column("int4", true)),
                Map.entry("title", new Column("text", true)),
                Map.entry("note", new Column("text", false)),
                Map.entry("tags", new Column("_text", false)),
                Map.entry("data", new Column("jsonb", false)));
    }

    @Test
    void aViewsColumnsNeverSayNotNull() {
        assertThat(catalog.columns(List.of("app.v_book")).get("app.v_book")).containsExactly(
                Map.entry("id", new Column("int4", false)),
                Map.entry("title", new Column("text", false)),
                Map.entry("data", new Column("jsonb", false)));
    }

    @Test
    void manyRelationsAreReadInOneCallInTheGivenOrderAndAMissingOneHasNoColumns() {
        Map<String, Map<String, Column>> columns = catalog.columns(
                List.of("shelf", "app.missing", "missing_schema.book", "app.v_book", "book"));

        assertThat(columns.keySet()).containsExactly("shelf", "app.missing", "missing_schema.book", "app.v_book",
                "book");
        assertThat(columns.get("shelf")).containsExactly(
                Map.entry("id", new Column("int8", true)), Map.entry("name", new Column("varchar", false)));
        assertThat(columns.get("app.missing")).isEmpty();
        assertThat(columns.get("missing_schema.book")).isEmpty();
        assertThat(columns.get("app.v_book")).containsOnlyKeys("id", "title", "data");
        // Not on the search_path: only app.book exists.
        assertThat(columns.get("book")).isEmpty();
    }

    @Test
    void namesAreMatchedExactlyWithQuotesAndCaseKept() {
        Map<String, Map<String, Column>> columns = catalog.columns(List.of("we\"ird", "Shelf", "shelf", "SHELF"));

        assertThat(columns.get("we\"ird")).containsExactly(Map.entry("col\"q", new Column("int4", true)));
        assertThat(columns.get("Shelf")).containsExactly(Map.entry("Label", new Column("text", false)));
        assertThat(columns.get("shelf")).containsOnlyKeys("id", "name");
        assertThat(columns.get("SHELF")).isEmpty();
    }

    @Test
    void hostileNamesAreOnlyEverNames() {
        Map<String, Map<String, Column>> columns = catalog.columns(List.of("app.book'); DROP TABLE shelf; --",
                "app.$$x$$", "a?b", "app.book /* c */"));

        assertThat(columns.values()).allSatisfy(c -> assertThat(c).isEmpty());
        assertThat(catalog.columns(List.of("shelf")).get("shelf")).isNotEmpty();
    }

    @Test
    void anEmptyListReadsNothing() {
        assertThat(catalog.columns(List.of())).isEmpty();
    }

    @Test
    void aNameWithAnEmptyPartOrMoreThanTwoPartsIsRejectedBeforeAnyConnectionIsTaken() {
        assertThatThrownBy(() -> catalog.columns(List.of("app.v_book", "app.")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid qualified name \"app.\": it has an empty part; write name or schema.name, for"
                        + " example v_book or app.v_book");
        assertThatThrownBy(() -> catalog.columns(List.of("db.app.v_book")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid relation name \"db.app.v_book\": it has 3 parts; write name or schema.name, for"
                        + " example v_book or app.v_book");
        assertThatThrownBy(() -> catalog.columns(Arrays.asList("app.v_book", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid qualified name: it is null; write name or schema.name, for example v_book or"
                        + " app.v_book");
    }

    @Test
    void aDatabaseThatCannotBeReachedIsReportedAsSuchAfterOneAttemptWhateverTheRetryPolicy() {
        DbSettings nowhere = DbSettings.builder().url("postgresql://127.0.0.1:1/none").minIdle(0).maxConnections(1)
                .connectionTimeout(Duration.ofMillis(250)).build();
        try (HikariDataSource down = PoolFactory.create(nowhere)) {
            ColumnCatalog unreachable = new ColumnCatalog(new QueryExecutor(down, ExecutorSettings.DEFAULT));

            DatabaseException e = catchThrowableOfType(() -> unreachable.columns(List.of("app.v_book")),
                    DatabaseException.class);

            assertThat(e.kind()).isEqualTo(ErrorKind.CONNECTION_FAILED);
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.getMessage())
                    .isEqualTo("Service temporarily unavailable: the database could not be reached; try again later");
            // A bad name is found without a connection, so even here it is reported as what it is.
            assertThatThrownBy(() -> unreachable.columns(List.of("app.")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
