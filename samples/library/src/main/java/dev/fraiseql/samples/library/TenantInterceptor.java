package dev.fraiseql.samples.library;

import dev.fraiseql.graphql.FraiseqlRequestContext;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Passes the branch named in the {@code X-Tenant} header to PostgreSQL as the setting {@code app.tenant_id}. */
@Component
class TenantInterceptor implements WebGraphQlInterceptor {

    static final String HEADER = "X-Tenant";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String tenant = request.getHeaders().getFirst(HEADER);
        if (tenant != null && !tenant.isBlank()) {
            // FraiseQL applies each entry with set_config(name, value, true) in the transaction of every read and
            // mutation of this request, so the row-level security policy of tb_copy sees it. A value that is not a
            // UUID fails the policy's cast, which the client sees as an error rather than as an empty list.
            request.configureExecutionInput((input, builder) -> builder.graphQLContext(
                    Map.of(FraiseqlRequestContext.LOCAL_SETTINGS, Map.of("app.tenant_id", tenant.strip()))).build());
        }
        return chain.next(request);
    }
}
