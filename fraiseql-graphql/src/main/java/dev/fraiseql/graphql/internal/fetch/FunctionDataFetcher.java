package dev.fraiseql.graphql.internal.fetch;

import dev.fraiseql.core.mutation.FunctionCaller;
import dev.fraiseql.core.mutation.MutationResult;
import dev.fraiseql.core.schema.Names;
import dev.fraiseql.graphql.FraiseqlRequestContext;
import dev.fraiseql.graphql.FunctionCall;
import dev.fraiseql.graphql.internal.schema.FieldBinding;
import dev.fraiseql.graphql.internal.schema.MutationResultType;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a function-bound mutation through core's {@link FunctionCaller} (one call in a transaction with the request's
 * local settings), then maps its {@code mutation_response} (or plain JSONB answer) onto the success or error member
 * of the field's result type.
 */
final class FunctionDataFetcher implements DataFetcher<Object> {

    private final FieldBinding binding;
    private final MutationResultType result;
    private final Engine engine;
    private final FunctionCaller caller;

    FunctionDataFetcher(FieldBinding binding, MutationResultType result, Engine engine) {
        this.binding = binding;
        this.result = result;
        this.engine = engine;
        this.caller = new FunctionCaller(engine.executor());
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

    /**
     * Calls the function with {@code input} (GraphQL names) and the transaction-local {@code settings}. A field whose
     * only argument {@code input} is a list ({@code createBooks(input: [CreateBookInput!]!)}) sends that list as one
     * JSON array: one call in one transaction, so a failure in the middle leaves nothing written.
     */
    Object execute(Map<String, Object> input, Map<String, String> settings) {
        Object payload = input.size() == 1 && input.get("input") instanceof List<?> list ? list : input;
        return FieldObservation.observe(engine.observations(), binding,
                () -> toResult(caller.call(binding.target(), payload, settings)));
    }

    /** The field's value: the object itself, or the success or error member of the result union. */
    private Object toResult(MutationResult answer) {
        if (!answer.mutationResponse() && !result.isUnion()) {
            // An object, or a list of them for a bulk call.
            return answer.answer() == null ? null
                    : engine.converter().convert(answer.answer(), engine.types().type(result.resultType()));
        }
        // A plain answer to a union field is the success member carrying it.
        String status = answer.mutationResponse() ? answer.status() : "success";
        Object entity = answer.mutationResponse() ? answer.entity() : answer.answer();
        boolean success = answer.success() || result.errorType() == null;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("__typename", success ? result.successType() : result.errorType());
        out.put("status", status);
        out.put("code", answer.family().code());
        out.put("message", answer.message());
        if (answer.mutationResponse()) {
            out.put("entityId", answer.entityId());
            out.put("entityType", answer.entityType());
            Object updated = answer.updatedFields();
            out.put("updatedFields", updated instanceof List<?> l
                    ? l.stream().map(f -> Names.toCamelCase(String.valueOf(f))).toList() : updated);
            out.put("cascade", answer.cascade());
            out.put("metadata", answer.metadata());
        }
        String entityField = success ? result.successEntityField() : result.errorEntityField();
        if (entityField != null && result.entityType() != null) {
            out.put(entityField, entity == null ? null
                    : engine.converter().convert(entity, engine.types().type(result.entityType())));
        }
        return out;
    }
}
