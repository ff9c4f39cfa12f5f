package dev.fraiseql.core.mutation;

import com.zaxxer.hikari.HikariDataSource;
import dev.fraiseql.core.config.DbSettings;
import dev.fraiseql.core.error.DatabaseException;
import dev.fraiseql.core.error.ErrorKind;
import dev.fraiseql.core.error.RetryPolicy;
import dev.fraiseql.core.execution.ExecutorSettings;
import dev.fraiseql.core.execution.QueryExecutor;
import dev.fraiseql.core.pool.PoolFactory;
import dev.fraiseql.testsupport.TestPostgres;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;


class FunctionCallerIntegrationTest {

    private static TestPostgres server;
    private static String database;
    private static HikariDataSource pool;
    private static FunctionCaller caller;

    @BeforeAll
    static void createFunctions() throws Exception {
        server = TestPostgres.shared();
        database = server.createDatabase("mutation");
        execute("CREATE SCHEMA app",
                "CREATE TYPE app.mutation_response AS (status text, message text, entity jsonb, entity_id text,"
                        + " entity_type text, updated_fields text[], cascade jsonb, metadata jsonb)",
                "CREATE TABLE app.book (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, title text NOT NULL UNIQUE,"
                        + " published_year int)",
                """
                CREATE FUNCTION app.create_book(input jsonb) RETURNS app.mutation_response LANGUAGE plpgsql AS $$
                DECLARE
                    b app.book;
                BEGIN
                    IF EXISTS (SELECT 1 FROM app.book WHERE title = input->>'title') THEN
                        RETURN ROW('conflict:duplicate_title', 'A book with this title exists', NULL, NULL, 'Book',
                            NULL, NULL, NULL)::app.mutation_response;
                    END IF;
                    INSERT INTO app.book (title, published_year)
                        VALUES (input->>'title', (input->>'published_year')::int) RETURNING * INTO b;
                    RETURN ROW('created', 'Book created',
                        jsonb_build_object('id', b.id, 'title', b.title, 'published_year', b.published_year),
                        b.id::text, 'Book', ARRAY['title', 'published_year'],
                        jsonb_build_object('books', jsonb_build_array(b.id)),
                        jsonb_build_object('by', current_setting('app.user_id', true), 'price', 19.990,
                            'big', 12345678901234567890123, 'small', 1, 'long', 5000000000))::app.mutation_response;
                END $$""",
                "CREATE FUNCTION app.echo(input jsonb) RETURNS jsonb LANGUAGE sql AS $$ SELECT input $$",
                "CREATE FUNCTION app.nothing(input jsonb) RETURNS jsonb LANGUAGE sql AS $$ SELECT NULL::jsonb $$",
                """
                CREATE FUNCTION app.fail(input jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO app.book (title) VALUES (input->>'title');
                    RAISE EXCEPTION 'no books today';
                END $$""",
                // A call whose first COMMIT fails as a serialization failure, after its row was read.
                "CREATE SEQUENCE app.calls",
                "CREATE SEQUENCE app.commit_failures",
                "CREATE TABLE app.audit (attempt bigint)",
                """
                CREATE FUNCTION app.fail_first_commit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF nextval('app.commit_failures') = 1 THEN
                        RAISE EXCEPTION 'simulated conflict' USING ERRCODE = '40001';
                    END IF;
                    RETURN NULL;
                END $$""",
                "CREATE CONSTRAINT TRIGGER fail_first_commit AFTER INSERT ON app.audit DEFERRABLE INITIALLY DEFERRED"
                        + " FOR EACH ROW EXECUTE FUNCTION app.fail_first_commit()",
                """
                CREATE FUNCTION app.audited(input jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
                DECLARE
                    n bigint := nextval('app.calls');
                BEGIN
                    INSERT INTO app.audit VALUES (n);
                    RETURN jsonb_build_object('attempt', n);
                END $$""");
        pool = PoolFactory.create(DbSettings.builder().url(server.postgresUrl(database)).minIdle(0).maxConnections(2)
                .build());
        caller = new FunctionCaller(new QueryExecutor(pool, ExecutorSettings.DEFAULT.withRetry(
                new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40)))));
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @BeforeEach
    void noBooks() throws Exception {
        execute("TRUNCATE app.book RESTART IDENTITY");
    }

    @Test
    void aFunctionAnsweringAMutationResponseIsTakenApartWithItsNumbersUnrounded() throws Exception {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("title", "Dune");
        input.put("publishedYear", 1965);

        MutationResult result = caller.call("app.create_book", input, Map.of("app.user_id", "7"));

        assertThat(result.mutationResponse()).isTrue();
        assertThat(result.status()).isEqualTo("created");
        assertThat(result.family()).isEqualTo(MutationStatus.CREATED);
        assertThat(result.success()).isTrue();
        assertThat(result.message()).isEqualTo("Book created");
        assertThat(result.entity()).isEqualTo(Map.of("id", 1, "title", "Dune", "published_year", 1965));
        assertThat(result.entityId()).isEqualTo("1");
        assertThat(result.entityType()).isEqualTo("Book");
        assertThat(result.updatedFields()).isEqualTo(List.of("title", "published_year"));
        assertThat(result.cascade()).isEqualTo(Map.of("books", List.of(1)));
        assertThat(result.metadata()).isEqualTo(Map.of("by", "7", "price", new BigDecimal("19.990"),
                "big", new BigInteger("12345678901234567890123"), "small", 1, "long", 5000000000L));
        // jsonb orders an object's keys by length, then bytes: the answer keeps PostgreSQL's order.
        assertThat(((Map<?, ?>) result.answer()).keySet().stream().map(String::valueOf)).containsExactly("entity",
                "status", "cascade", "message", "metadata", "entity_id", "entity_type", "updated_fields");
        assertThat(books()).containsExactly("1 Dune 1965");
    }

    @Test
    void aMutationResponseWithAFailureStatusCommitsWhatTheFunctionDidAndReportsItsFamily() throws Exception {
        caller.call("app.create_book", Map.of("title", "Dune"), Map.of());

        MutationResult again = caller.call("app.create_book", Map.of("title", "Dune"), Map.of());

        assertThat(again).isEqualTo(new MutationResult(true, "conflict:duplicate_title", MutationStatus.CONFLICT,
                "A book with this title exists", null, null, "Book", null, null, null, again.answer()));
        assertThat(again.success()).isFalse();
        assertThat(books()).containsExactly("1 Dune null");
    }

    @Test
    void aPlainJsonbAnswerIsTheValueTheFunctionReturnedWithSnakeCaseKeysAndNullsKept() {
        Map<String, Object> author = new LinkedHashMap<>();
        author.put("firstName", "Frank");
        author.put("middleName", null);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("authorInfo", author);
        input.put("tagList", List.of("sf", "classic"));
        input.put("note", null);
        input.put("price", new BigDecimal("19.990"));

        MutationResult result = caller.call("app.echo", input, Map.of());

        Map<String, Object> echoedAuthor = new LinkedHashMap<>();
        echoedAuthor.put("first_name", "Frank");
        echoedAuthor.put("middle_name", null);
        Map<String, Object> echoed = new LinkedHashMap<>();
        echoed.put("note", null);
        echoed.put("price", new BigDecimal("19.990"));
        echoed.put("tag_list", List.of("sf", "classic"));
        echoed.put("author_info", echoedAuthor);
        assertThat(result).isEqualTo(new MutationResult(false, null, MutationStatus.SUCCESS, null, null, null, null,
                null, null, null, echoed));
    }

    @Test
    void aFunctionReturningNullAnswersNull() {
        MutationResult result = caller.call("app.nothing", Map.of(), Map.of());

        assertThat(result).isEqualTo(new MutationResult(false, null, MutationStatus.SUCCESS, null, null, null, null,
                null, null, null, null));
    }

    @Test
    void aFunctionRaisingAnErrorRollsBackEverythingItDidAndIsNotRetried() throws Exception {
        DatabaseException e = catchThrowableOfType(() -> caller.call("app.fail", Map.of("title", "Dune"), Map.of()),
                DatabaseException.class);

        assertThat(e.kind()).isEqualTo(ErrorKind.INTERNAL);
        assertThat(e.sqlState()).isEqualTo("P0001");
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.clientMessage()).isEqualTo("Internal server error");
        assertThat(e.getCause().getMessage()).startsWith("ERROR: no books today");
        assertThat(books()).isEmpty();
    }

    @Test
    void aCallRetriedAfterItsCommitFailedAnswersWithTheRetriedAttemptsRowOnly() throws Exception {
        MutationResult result = caller.call("app.audited", Map.of(), Map.of());

        assertThat(result.answer()).isEqualTo(Map.of("attempt", 2));
        assertThat(strings("SELECT attempt::text FROM app.audit")).containsExactly("2");
    }

    private static List<String> books() throws Exception {
        return strings("SELECT id || ' ' || title || ' ' || coalesce(published_year::text, 'null') FROM app.book"
                + " ORDER BY id");
    }

    private static List<String> strings(String sql) throws Exception {
        try (Connection c = server.connect(database); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    private static void execute(String... sql) throws Exception {
        try (Connection c = server.connect(database); Statement s = c.createStatement()) {
            for (String one : sql) {
                s.execute(one);
            }
        }
    }
}
