package dev.fraiseql.autoconfigure.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLObjectType;
import org.springframework.core.MethodParameter;
import org.springframework.graphql.data.method.HandlerMethodArgumentResolver;

/** Supplies the {@link ViewQuery} and {@link FunctionCall} parameters of {@link FraiseqlMapping} controller methods. */
public final class ViewQueryArgumentResolver implements HandlerMethodArgumentResolver {

    private final FraiseqlRuntimeWiring wiring;

    public ViewQueryArgumentResolver(FraiseqlRuntimeWiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ViewQuery.class || parameter.getParameterType() == FunctionCall.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, DataFetchingEnvironment env) {
        String coordinate = ((GraphQLObjectType) env.getParentType()).getName() + "." + env.getField().getName();
        if (parameter.getParameterType() == FunctionCall.class) {
            FunctionDataFetcher function = wiring.controllerFunction(coordinate);
            if (function == null) {
                throw new IllegalStateException("The FunctionCall parameter of " + parameter.getMethod()
                        + " needs @FraiseqlMapping(function = ...) on the method serving " + coordinate);
            }
            return function.call(env);
        }
        ViewDataFetcher fetcher = wiring.controllerFetcher(coordinate);
        if (fetcher == null) {
            throw new IllegalStateException("The ViewQuery parameter of " + parameter.getMethod()
                    + " needs @FraiseqlMapping(view = ...) on the method serving " + coordinate);
        }
        return fetcher.query(env);
    }
}
