package dev.fraiseql.graphql;

import java.util.Map;

/**
 * The call of a function-bound mutation, handed to a {@link FraiseqlMapping} controller method: the
 * method may add input values or transaction-local settings (the user from the security context),
 * then returns {@link #execute()}. Instances are immutable: each adjustment returns a new call.
 */
public interface FunctionCall {

    /** The input the client sent, with GraphQL (camelCase) names; snake_cased when sent to PostgreSQL. */
    Map<String, Object> input();

    /** The transaction-local settings the call will apply. */
    Map<String, String> settings();

    /** The same call with {@code name} set (or replaced) in the input, such as the current user's id. */
    FunctionCall withInput(String name, Object value);

    /**
     * The same call applying {@code set_config(name, value, true)} too, such as {@code app.user_id}.
     *
     * @throws IllegalArgumentException when {@code name} is not a custom {@code prefix.name} setting
     */
    FunctionCall withSetting(String name, String value);

    /** Calls the function in a transaction and returns the result for the field (a union member or the object). */
    Object execute();
}
