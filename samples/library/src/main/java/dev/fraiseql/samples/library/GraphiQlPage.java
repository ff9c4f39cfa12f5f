package dev.fraiseql.samples.library;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.server.webmvc.GraphiQlHandler;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves GraphiQL at {@code spring.graphql.graphiql.path} from scripts on the classpath rather than from a CDN, so the
 * page works on a machine with no internet; Spring's own page ({@code spring.graphql.graphiql.enabled}) stays off.
 */
@Configuration(proxyBeanMethods = false)
class GraphiQlPage {

    @Bean
    RouterFunction<ServerResponse> localGraphiQlPage(GraphQlProperties properties) {
        // Spring's handler, given another page: it keeps the redirect that adds ?path=<the GraphQL endpoint>.
        GraphiQlHandler handler = new GraphiQlHandler(properties.getHttp().getPath(), null,
                new ClassPathResource("graphiql-local/index.html"));
        return RouterFunctions.route().GET(properties.getGraphiql().getPath(), handler::handleRequest).build();
    }
}
