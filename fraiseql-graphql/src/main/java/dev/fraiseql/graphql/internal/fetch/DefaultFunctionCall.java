package dev.fraiseql.graphql.internal.fetch;

import dev.fraiseql.core.execution.QueryExecutor;
import dev.fraiseql.graphql.FunctionCall;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The {@link FunctionCall} of a bound mutation field. */
final class DefaultFunctionCall implements FunctionCall {

    private final FunctionDataFetcher fetcher;
    private final Map<String, Object> input;
    private final Map<String, String> settings;

    DefaultFunctionCall(FunctionDataFetcher fetcher, Map<String, Object> input, Map<String, String> settings) {
        this.fetcher = fetcher;
        // Explicit nulls are kept: they are how a client clears a field.
        this.input = Collections.unmodifiableMap(new LinkedHashMap<>(input));
        this.settings = Map.copyOf(settings);
    }

    @Override
    public Map<String, Object> input() {
        return input;
    }

    @Override
    public Map<String, String> settings() {
        return settings;
    }

    @Override
    public FunctionCall withInput(String name, Object value) {
        Objects.requireNonNull(name, "name");
        Map<String, Object> next = new LinkedHashMap<>(input);
        next.put(name, value);
        return new DefaultFunctionCall(fetcher, next, settings);
    }

    @Override
    public FunctionCall withSetting(String name, String value) {
        Map<String, String> next = new LinkedHashMap<>(settings);
        next.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new DefaultFunctionCall(fetcher, input, QueryExecutor.checkLocalSettings(next));
    }

    @Override
    public Object execute() {
        return fetcher.execute(input, settings);
    }
}
