package dev.fraiseql.graphql.internal.controller;

import dev.fraiseql.graphql.FunctionCall;
import dev.fraiseql.graphql.ViewQuery;
import dev.fraiseql.graphql.internal.fetch.Bindings;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLObjectType;
import java.util.function.Supplier;
import org.springframework.core.MethodParameter;
import org.springframework.graphql.data.method.HandlerMethodArgumentResolver;

/** Supplies the {@link ViewQuery} and {@link FunctionCall} parameters of {@code @FraiseqlMapping} controller methods. */
public final class ViewQueryArgumentResolver implements HandlerMethodArgumentResolver {

    private final Supplier<Bindings> bindings;

    /** @param bindings the bindings of the schema being served, known once the schema is built */
    public ViewQueryArgumentResolver(Supplier<Bindings> bindings) {
        this.bindings = bindings;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ViewQuery.class || parameter.getParameterType() == FunctionCall.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, DataFetchingEnvironment env) {
        String coordinate = ((GraphQLObjectType) env.getParentType()).getName() + "." + env.getField().getName();
        if (parameter.getParameterType() == FunctionCall.class) {
            FunctionCall call = bindings.get().functionCall(coordinate, env);
            if (call == null) {
                throw new IllegalStateException("The FunctionCall parameter of " + parameter.getMethod()
                        + " needs @FraiseqlMapping(function = ...) on the method serving " + coordinate);
            }
            return call;
        }
        ViewQuery query = bindings.get().viewQuery(coordinate, env);
        if (query == null) {
            throw new IllegalStateException("The ViewQuery parameter of " + parameter.getMethod()
                    + " needs @FraiseqlMapping(view = ...) on the method serving " + coordinate);
        }
        return query;
    }
}
