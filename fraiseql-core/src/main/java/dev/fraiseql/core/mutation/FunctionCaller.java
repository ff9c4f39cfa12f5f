package dev.fraiseql.core.mutation;

import dev.fraiseql.core.error.DatabaseException;
import dev.fraiseql.core.execution.QueryExecutor;
import dev.fraiseql.core.schema.Names;
import dev.fraiseql.core.sql.SqlBuilder;
import dev.fraiseql.core.sql.SqlStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a PostgreSQL function that takes its input as one {@code jsonb} argument, in a transaction, and returns
 * what it answered.
 */
public final class FunctionCaller {

    // Floats as BigDecimal: a numeric column in a mutation_response must reach the client as PostgreSQL wrote it.
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final QueryExecutor executor;

    /** A caller running its functions through the executor. */
    public FunctionCaller(QueryExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * Runs {@code SELECT to_jsonb(r)::text FROM function(?::jsonb) r} in a read-write transaction with the local
     * settings, and parses the first row. {@code to_jsonb(r)} makes one JSON value of any answer: the columns of a
     * composite such as {@code mutation_response} become an object, a plain {@code jsonb} answer stays as it is.
     *
     * @param function the function's name, such as {@code create_book} or {@code app.create_book}
     * @param input the argument, a map (one object) or a list (a bulk call, one JSON array in one transaction: all or
     *     nothing); keys are turned into snake_case ({@code publishedYear} becomes
     *     {@code published_year}, a snake_case key stays as it is), in nested maps and lists too, and nulls are kept
     * @param localSettings custom settings such as {@code app.user_id} visible to the function through
     *     {@code current_setting}, as for {@link QueryExecutor#inTransaction}
     * @throws IllegalArgumentException for a function name {@link SqlBuilder#qualifiedName} rejects, a key that is
     *     not a string or a value that cannot be written as JSON, before any connection is taken
     * @throws DatabaseException classified when the function raised an error (the transaction is rolled back) or
     *     the database failed
     */
    public MutationResult call(String function, Object input, Map<String, String> localSettings) {
        SqlStatement statement = statement(function, input);
        // The answer is what the work returns, not something it collects: a retried attempt (a serialization
        // failure at COMMIT) can then never hand on the row of the attempt that was rolled back.
        byte[] row = executor.inTransaction(localSettings, tx -> tx.query(statement,
                rs -> rs.next() ? rs.getBytes(1) : null));
        return MutationResult.of(row == null ? null : MAPPER.readValue(row, Object.class));
    }

    /** The call of the function with the input, as {@link #call} runs it. */
    static SqlStatement statement(String function, Object input) {
        Objects.requireNonNull(input, "input");
        if (!(input instanceof Map<?, ?> || input instanceof List<?>)) {
            throw new IllegalArgumentException("Mutation input must be a map (one object) or a list (several), was "
                    + input.getClass().getName());
        }
        SqlBuilder sql = new SqlBuilder().append("SELECT to_jsonb(r)::text FROM ").qualifiedName(function);
        return sql.append('(').value(inputJson(input), "jsonb").append(") r").build();
    }

    /** The input as the JSON text the function receives. */
    static String inputJson(Object input) {
        try {
            return MAPPER.writeValueAsString(snakeCase(input, "input"));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Mutation input cannot be written as JSON: " + e.getOriginalMessage()
                    + "; pass maps, lists, strings, numbers, booleans and nulls", e);
        }
    }

    private static Object snakeCase(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>(map.size() * 2);
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("Mutation input key " + e.getKey() + " at " + path + " is "
                            + (e.getKey() == null ? "null" : "a " + e.getKey().getClass().getName())
                            + "; JSON object keys are strings");
                }
                out.put(Names.toSnakeCase(key), snakeCase(e.getValue(), path + "." + key));
            }
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                out.add(snakeCase(list.get(i), path + "[" + i + "]"));
            }
            return out;
        }
        return value;
    }
}
