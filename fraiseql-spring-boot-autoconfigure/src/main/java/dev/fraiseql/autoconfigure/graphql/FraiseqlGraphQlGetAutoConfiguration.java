package dev.fraiseql.autoconfigure.graphql;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.graphql.autoconfigure.servlet.GraphQlWebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Lets {@code GET} on the GraphQL endpoint run queries, in full or persisted by hash ({@code
 * fraiseql.graphql.get-requests}, on by default), which Spring for GraphQL answers with 405 on its own; cacheable,
 * bookmarkable reads for clients that send them.
 */
@AutoConfiguration(after = GraphQlWebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({GraphQlHttpHandler.class, RouterFunction.class})
@ConditionalOnBean(GraphQlHttpHandler.class)
@ConditionalOnBooleanProperty(name = "fraiseql.graphql.get-requests", matchIfMissing = true)
public final class FraiseqlGraphQlGetAutoConfiguration {

    /** Ahead of Spring's own route, which answers every GET on the endpoint with 405. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> fraiseqlGraphQlGetRoute(GraphQlHttpHandler postHandler,
            ObjectProvider<GraphQlPostHandler> postRoute, GraphQlProperties properties) {
        // Through FraiseQL's POST route (direct execution) when there is one, else straight to Spring's handler.
        GraphQlPostHandler route = postRoute.getIfAvailable();
        GraphQlGetHandler handler = new GraphQlGetHandler(route != null ? route::answer
                : GraphQlPostHandler.spring(() -> postHandler));
        return RouterFunctions.route()
                .route(RequestPredicates.GET(properties.getHttp().getPath()).and(GraphQlGetHandler::carriesRequest),
                        handler::handle)
                .build();
    }

    @Bean
    WebGraphQlInterceptor fraiseqlQueriesOnlyOverGet() {
        return GraphQlGetHandler.queriesOnlyInterceptor();
    }
}
