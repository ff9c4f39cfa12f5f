package dev.fraiseql.graphql.internal.fetch;

import dev.fraiseql.core.execution.QueryExecutor;
import dev.fraiseql.core.schema.Names;
import dev.fraiseql.core.schema.TypeRegistry;
import dev.fraiseql.core.sql.SqlBuilder;
import dev.fraiseql.core.sql.SqlStatement;
import dev.fraiseql.graphql.FraiseqlRequestContext;
import dev.fraiseql.graphql.FunctionCall;
import dev.fraiseql.graphql.internal.schema.FieldBinding;
import dev.fraiseql.graphql.internal.schema.MutationResultType;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a function-bound mutation: {@code SELECT fn(?::jsonb)} in a transaction with the request's
 * local settings, then maps a {@code mutation_response} (or a plain JSONB answer) onto the success
 * or error member of the field's result type.
 */
final class FunctionDataFetcher implements DataFetcher<Object> {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final FieldBinding binding;
    private final MutationResultType result;
    private final Engine engine;

    FunctionDataFetcher(FieldBinding binding, MutationResultType result, Engine engine) {
        this.binding = binding;
        this.result = result;
        this.engine = engine;
    }

    @Override
    public Object get(DataFetchingEnvironment env) {
        return call(env).execute();
    }

    /** The call a controller method may adjust before it runs. */
    @SuppressWarnings("unchecked")
    FunctionCall call(DataFetchingEnvironment env) {
        Map<String, Object> arguments = env.getArguments();
        Map<String, Object> input = arguments.size() == 1 && arguments.get("input") instanceof Map<?, ?> m
                ? (Map<String, Object>) m : arguments;
        return new DefaultFunctionCall(this, input, FraiseqlRequestContext.localSettings(env.getGraphQlContext()));
    }

    /** Calls the function with {@code input} (GraphQL names) and the transaction-local {@code settings}. */
    Object execute(Map<String, Object> input, Map<String, String> settings) {
        String json = MAPPER.writeValueAsString(snakeCase(input));
        SqlBuilder sql = new SqlBuilder().append("SELECT to_jsonb(r)::text FROM ");
        String[] parts = binding.target().split("\\.");
        for (int i = 0; i < parts.length; i++) {
            sql.append(i == 0 ? "" : ".").identifier(parts[i]);
        }
        SqlStatement statement = sql.append("(").value(json, "jsonb").append(") r").build();
        List<byte[]> rows = new ArrayList<>(1);
        engine.executor().inTransaction(settings, tx -> {
            // A retried attempt starts over: the rolled-back attempt's row is not the answer.
            rows.clear();
            return tx.stream(statement, rows::add);
        });
        Object answer = rows.isEmpty() || rows.get(0) == null ? null : MAPPER.readValue(rows.get(0), Object.class);
        return toResult(answer);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> toResult(Object answer) {
        Map<String, Object> response = answer instanceof Map<?, ?> m && m.containsKey("status") && m.containsKey("entity")
                ? (Map<String, Object>) m : null;
        if (response == null && !result.isUnion()) {
            return answer == null ? null : (Map<String, Object>) engine.converter().convert(answer, engine.types().type(result.resultType()));
        }
        String status = response == null ? "success" : String.valueOf(response.get("status"));
        Object entity = response == null ? answer : response.get("entity");
        MutationStatus mapped = MutationStatus.of(status);
        boolean success = mapped.success() || result.errorType() == null;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("__typename", success ? result.successType() : result.errorType());
        out.put("status", status);
        out.put("code", mapped.code());
        out.put("message", response == null ? null : response.get("message"));
        if (response != null) {
            out.put("entityId", response.get("entity_id"));
            out.put("entityType", response.get("entity_type"));
            Object updated = response.get("updated_fields");
            out.put("updatedFields", updated instanceof List<?> l ? l.stream().map(f -> Names.toCamelCase(String.valueOf(f))).toList() : updated);
            out.put("cascade", response.get("cascade"));
            out.put("metadata", response.get("metadata"));
        }
        String entityField = success ? result.successEntityField() : result.errorEntityField();
        if (entityField != null && result.entityType() != null) {
            out.put(entityField, entity == null ? null : engine.converter().convert(entity, engine.types().type(result.entityType())));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object snakeCase(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(Names.toSnakeCase((String) k), snakeCase(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(FunctionDataFetcher::snakeCase).toList();
        }
        return value;
    }

    /** The status families of a {@code mutation_response}, with the code given to clients. */
    enum MutationStatus {
        SUCCESS(true, 200), CREATED(true, 201), UPDATED(true, 200), DELETED(true, 200), NOOP(false, 422),
        VALIDATION(false, 422), UNAUTHORIZED(false, 401), FORBIDDEN(false, 403), NOT_FOUND(false, 404),
        CONFLICT(false, 409), TIMEOUT(false, 408), FAILED(false, 500);

        private final boolean success;
        private final int code;

        MutationStatus(boolean success, int code) {
            this.success = success;
            this.code = code;
        }

        boolean success() {
            return success;
        }

        int code() {
            return code;
        }

        /** The family of {@code status} ({@code "conflict:duplicate_isbn"} is CONFLICT); unknown ones are FAILED. */
        static MutationStatus of(String status) {
            String family = status.contains(":") ? status.substring(0, status.indexOf(':')) : status;
            try {
                return valueOf(family.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return FAILED;
            }
        }
    }
}
