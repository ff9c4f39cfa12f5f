package dev.fraiseql.samples.library;

import dev.fraiseql.autoconfigure.graphql.FraiseqlRequestSettings;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Passes the branch named in the {@code X-Tenant} header to PostgreSQL as the setting {@code app.tenant_id}. */
@Component
class TenantSettings implements FraiseqlRequestSettings {

    static final String HEADER = "X-Tenant";

    @Override
    public Map<String, String> settings(HttpServletRequest request) {
        String tenant = request.getHeader(HEADER);
        // FraiseQL applies each entry with set_config(name, value, true) in the transaction of every read and mutation
        // of this request, so the row-level security policy of tb_copy sees it. A value that is not a UUID fails the
        // policy's cast, which the client sees as an error rather than as an empty list. Unlike a WebGraphQlInterceptor,
        // a settings bean leaves direct execution on.
        return tenant == null || tenant.isBlank() ? Map.of() : Map.of("app.tenant_id", tenant.strip());
    }
}
