package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.graphql.FraiseqlRequestContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

/**
 * Works out a GraphQL request's transaction-local PostgreSQL settings (a tenant, a user) from the HTTP request, for
 * row-level security: declare one as a bean and every statement of the request runs after
 * {@code set_config(name, value, true)} for each entry, whether direct execution answers the request or graphql-java
 * does. It replaces a {@code WebGraphQlInterceptor} that only copies headers into
 * {@link FraiseqlRequestContext#LOCAL_SETTINGS}, which would turn direct execution off. Settings of several beans are
 * merged in their order, a later bean winning on the same name. A request the direct path hands on to graphql-java is
 * asked twice, so keep it free of side effects.
 */
@FunctionalInterface
public interface FraiseqlRequestSettings {

    /**
     * The settings of {@code request}, names such as {@code app.tenant_id} (a custom {@code prefix.name}, which
     * PostgreSQL requires) to values; an empty map, or a {@code null} value, for none.
     */
    Map<String, String> settings(HttpServletRequest request);
}
