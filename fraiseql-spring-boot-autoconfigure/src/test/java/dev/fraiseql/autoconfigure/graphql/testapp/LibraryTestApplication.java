package dev.fraiseql.autoconfigure.graphql.testapp;

import dev.fraiseql.autoconfigure.graphql.FraiseqlRequestSettings;
import dev.fraiseql.graphql.FraiseqlRequestContext;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * The zero-Java application shape: nothing but {@code @SpringBootApplication}, the starter, properties
 * and a schema file; the interceptor only passes the tenant header on to PostgreSQL
 * ({@code library.tenant-interceptor=false} leaves it out, so that queries take the direct path;
 * {@code library.tenant-settings=true} passes the header on as a {@link FraiseqlRequestSettings} bean instead).
 */
@SpringBootApplication
public class LibraryTestApplication {

    @Bean
    @ConditionalOnBooleanProperty(name = "library.tenant-settings")
    FraiseqlRequestSettings tenantSettings() {
        return request -> {
            String tenant = request.getHeader("X-Tenant");
            return tenant == null ? Map.of() : Map.of("app.tenant_id", tenant);
        };
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "library.tenant-interceptor", matchIfMissing = true)
    WebGraphQlInterceptor tenantInterceptor() {
        return (request, chain) -> {
            String tenant = request.getHeaders().getFirst("X-Tenant");
            if (tenant != null) {
                request.configureExecutionInput((input, builder) -> builder
                        .graphQLContext(Map.of(FraiseqlRequestContext.LOCAL_SETTINGS, Map.of("app.tenant_id", tenant),
                                "tenant", tenant))
                        .build());
            }
            return chain.next(request);
        };
    }
}
