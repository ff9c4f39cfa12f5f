package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.autoconfigure.graphql.testapp.LibraryTestApplication;
import dev.fraiseql.core.error.DatabaseException;
import dev.fraiseql.core.error.ErrorKind;
import dev.fraiseql.core.execution.QueryExecutor;
import dev.fraiseql.core.mutation.FunctionCaller;
import dev.fraiseql.graphql.FraiseqlRequestContext;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.ExecutionGraphQlRequest;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** FraiseQL's reads and mutations inside a {@code @Transactional} method join its transaction and end with it. */
@SpringBootTest(classes = {LibraryTestApplication.class, SpringTransactionTest.Library.class})
class SpringTransactionTest {

    static final LibraryDatabase db = LibraryDatabase.create("gql_spring_tx");

    static final String LE_GUIN = "11111111-1111-1111-1111-111111111111";
    static final String NEW_AUTHOR = "44444444-4444-4444-4444-444444444444";

    static {
        db.execute("CREATE SEQUENCE conflict_calls; "
                // Counts its calls in a sequence, which no rollback undoes, then fails as a serialization failure.
                + "CREATE FUNCTION app.conflict(input jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$ BEGIN "
                + "PERFORM nextval('conflict_calls'); RAISE EXCEPTION 'could not serialize' USING ERRCODE = '40001'; "
                + "END $$");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        db.properties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @Autowired
    Library library;

    @BeforeEach
    void removeWhatTheLastTestWrote() {
        db.execute("DELETE FROM book WHERE id > 4; DELETE FROM author WHERE id = '" + NEW_AUTHOR + "'; "
                + "ALTER SEQUENCE conflict_calls RESTART");
    }

    @Test
    void aMutationInATransactionThatThrowsIsRolledBackWithTheRowWrittenBeforeIt() {
        IllegalStateException thrown = catchThrowableOfType(IllegalStateException.class,
                () -> library.addAuthorAndBook("Changed my mind", true));

        assertThat(thrown).hasMessage("thrown after the mutation answered created");
        assertThat(db.queryString("SELECT count(*) FROM author WHERE id = '" + NEW_AUTHOR + "'")).isEqualTo("0");
        assertThat(db.queryString("SELECT count(*) FROM book WHERE title = 'Changed my mind'")).isEqualTo("0");
    }

    @Test
    void aMutationInATransactionThatCompletesIsCommittedWithTheRowWrittenBeforeIt() {
        assertThat(library.addAuthorAndBook("Kept", false)).isEqualTo("created");

        assertThat(db.queryString("SELECT name FROM author WHERE id = '" + NEW_AUTHOR + "'")).isEqualTo("Octavia Butler");
        assertThat(db.queryString("SELECT b.title || ' by ' || a.name FROM book b JOIN author a ON a.id = b.author_id"
                + " WHERE b.title = 'Kept'")).isEqualTo("Kept by Octavia Butler");
    }

    @Test
    void aGraphQlMutationInATransactionThatThrowsIsRolledBackToo() {
        IllegalStateException thrown = catchThrowableOfType(IllegalStateException.class,
                () -> library.renameThroughGraphQlThenThrow("Ursula Le Guin"));

        assertThat(thrown).hasMessage("thrown after {\"data\":{\"renameAuthor\":{\"name\":\"Ursula Le Guin\"}}}");
        assertThat(db.queryString("SELECT name FROM author WHERE id = '" + LE_GUIN + "'"))
                .isEqualTo("Ursula K. Le Guin");
    }

    @Test
    void aGraphQlReadInATransactionSeesTheRowWrittenEarlierInItBeforeItCommits() {
        assertThat(library.addAuthorThenReadItThroughGraphQl()).isEqualTo("{\"data\":{\"author\":{\"name\":"
                + "\"Octavia Butler\"}}} while others see 0 rows");
    }

    @Test
    void aGraphQlReadInAReadOnlyTransactionWorksAndItsTenantSettingLastsUntilTheTransactionEnds() {
        assertThat(library.readTenantBooksReadOnly("2")).isEqualTo("{\"data\":{\"myBooks\":[{\"title\":\"SPQR\"}]}}"
                + " then app.tenant_id=2 read only=on");
    }

    @Test
    void aFailingStatementInATransactionIsReportedOnceAndSpringRollsTheTransactionBack() {
        DatabaseException failure = catchThrowableOfType(DatabaseException.class, library::addAuthorThenConflict);

        assertThat(failure.kind()).isEqualTo(ErrorKind.TRANSACTION_ROLLBACK);
        assertThat(failure.sqlState()).isEqualTo("40001");
        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(db.queryString("SELECT last_value FROM conflict_calls")).isEqualTo("1");
        assertThat(db.queryString("SELECT count(*) FROM author WHERE id = '" + NEW_AUTHOR + "'")).isEqualTo("0");
    }

    @Test
    void outsideATransactionTheSameFailureIsRetriedInTransactionsOfItsOwn() {
        DatabaseException failure = catchThrowableOfType(DatabaseException.class,
                () -> library.call("app.conflict", Map.of()));

        assertThat(failure.attempts()).isEqualTo(4);
        assertThat(db.queryString("SELECT last_value FROM conflict_calls")).isEqualTo("4");
    }

    @Test
    void outsideATransactionAMutationFailingInsideTheFunctionStillRollsBackItsOwnWork() {
        String before = db.queryString("SELECT count(*) FROM book");

        DatabaseException failure = catchThrowableOfType(DatabaseException.class,
                () -> library.call("app.create_book", Map.of("title", "boom")));

        assertThat(failure.sqlState()).isEqualTo("22012");
        assertThat(db.queryString("SELECT count(*) FROM book")).isEqualTo(before);
        assertThat(library.renameThroughGraphQl("Ursula K. Le Guin"))
                .isEqualTo("{\"data\":{\"renameAuthor\":{\"name\":\"Ursula K. Le Guin\"}}}");
    }

    /** An application service mixing its own JDBC with FraiseQL in Spring-managed transactions. */
    @Service
    static class Library {

        final JdbcClient jdbc;
        final FunctionCaller functions;
        final ExecutionGraphQlService graphQl;
        final JsonMapper json;

        Library(JdbcClient jdbc, QueryExecutor executor, ExecutionGraphQlService graphQl, JsonMapper json) {
            this.jdbc = jdbc;
            this.functions = new FunctionCaller(executor);
            this.graphQl = graphQl;
            this.json = json;
        }

        @Transactional
        public String addAuthorAndBook(String title, boolean fail) {
            insertAuthor();
            String status = (String) functions.call("app.create_book", Map.of("title", title, "author_id", NEW_AUTHOR),
                    Map.of()).status();
            if (fail) {
                throw new IllegalStateException("thrown after the mutation answered " + status);
            }
            return status;
        }

        @Transactional
        public String renameThroughGraphQlThenThrow(String name) {
            throw new IllegalStateException("thrown after " + renameThroughGraphQl(name));
        }

        /** Outside any transaction: the executor runs its own. */
        public String call(String function, Map<String, Object> input) {
            return functions.call(function, input, Map.of()).status();
        }

        public String renameThroughGraphQl(String name) {
            return execute("mutation { renameAuthor(id: \"" + LE_GUIN + "\", newName: \"" + name + "\") { name } }",
                    Map.of());
        }

        @Transactional
        public String addAuthorThenReadItThroughGraphQl() {
            insertAuthor();
            String answer = execute("{ author(id: \"" + NEW_AUTHOR + "\") { name } }", Map.of());
            return answer + " while others see " + db.queryString("SELECT count(*) FROM author WHERE id = '"
                    + NEW_AUTHOR + "'") + " rows";
        }

        @Transactional(readOnly = true)
        public String readTenantBooksReadOnly(String tenant) {
            String answer = execute("{ myBooks { title } }", Map.of("app.tenant_id", tenant));
            return answer + " then " + jdbc.sql("SELECT 'app.tenant_id=' || current_setting('app.tenant_id')"
                    + " || ' read only=' || current_setting('transaction_read_only')").query(String.class).single();
        }

        @Transactional
        public void addAuthorThenConflict() {
            insertAuthor();
            functions.call("app.conflict", Map.of(), Map.of());
        }

        private void insertAuthor() {
            jdbc.sql("INSERT INTO author (id, name) VALUES (?::uuid, 'Octavia Butler')").param(NEW_AUTHOR).update();
        }

        private String execute(String document, Map<String, String> localSettings) {
            ExecutionGraphQlRequest request = new DefaultExecutionGraphQlRequest(document, null, null, null, "test",
                    Locale.ROOT);
            request.configureExecutionInput((input, builder) -> builder
                    .graphQLContext(Map.of(FraiseqlRequestContext.LOCAL_SETTINGS, localSettings)).build());
            return json.writeValueAsString(graphQl.execute(request).block().toMap());
        }
    }
}
