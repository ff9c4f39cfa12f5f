package dev.fraiseql.autoconfigure.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLObjectType;
import org.springframework.core.MethodParameter;
import org.springframework.graphql.data.method.HandlerMethodArgumentResolver;

/** Supplies the {@link ViewQuery} parameter of {@link FraiseqlMapping} controller methods. */
public final class ViewQueryArgumentResolver implements HandlerMethodArgumentResolver {

    private final FraiseqlRuntimeWiring wiring;

    public ViewQueryArgumentResolver(FraiseqlRuntimeWiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ViewQuery.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, DataFetchingEnvironment env) {
        String coordinate = ((GraphQLObjectType) env.getParentType()).getName() + "." + env.getField().getName();
        ViewDataFetcher fetcher = wiring.controllerFetcher(coordinate);
        if (fetcher == null) {
            throw new IllegalStateException("The ViewQuery parameter of " + parameter.getMethod()
                    + " needs @FraiseqlMapping(view = ...) on the method serving " + coordinate);
        }
        return fetcher.query(env);
    }
}
