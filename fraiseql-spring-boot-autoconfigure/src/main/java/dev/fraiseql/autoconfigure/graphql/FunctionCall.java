package dev.fraiseql.autoconfigure.graphql;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The call of a function-bound mutation, handed to a {@link FraiseqlMapping} controller method: the
 * method may add input values or transaction-local settings (the user from the security context),
 * then returns {@link #execute()}. Instances are immutable.
 */
public final class FunctionCall {

    private final FunctionDataFetcher fetcher;
    private final Map<String, Object> input;
    private final Map<String, String> settings;

    FunctionCall(FunctionDataFetcher fetcher, Map<String, Object> input, Map<String, String> settings) {
        this.fetcher = fetcher;
        // Explicit nulls are kept: they are how a client clears a field.
        this.input = Collections.unmodifiableMap(new LinkedHashMap<>(input));
        this.settings = Map.copyOf(settings);
    }

    /** The input the client sent, with GraphQL (camelCase) names; snake_cased when sent to PostgreSQL. */
    public Map<String, Object> input() {
        return input;
    }

    /** The transaction-local settings the call will apply. */
    public Map<String, String> settings() {
        return settings;
    }

    /** The same call with {@code name} set (or replaced) in the input, such as the current user's id. */
    public FunctionCall withInput(String name, Object value) {
        Objects.requireNonNull(name, "name");
        Map<String, Object> next = new LinkedHashMap<>(input);
        next.put(name, value);
        return new FunctionCall(fetcher, next, settings);
    }

    /** The same call applying {@code set_config(name, value, true)} too, such as {@code app.user_id}. */
    public FunctionCall withSetting(String name, String value) {
        Map<String, String> next = new LinkedHashMap<>(settings);
        next.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new FunctionCall(fetcher, input, FraiseqlRequestContext.checked(next));
    }

    /** Calls the function in a transaction and returns the result for the field (a union member or the object). */
    public Object execute() {
        return fetcher.execute(input, settings);
    }
}
