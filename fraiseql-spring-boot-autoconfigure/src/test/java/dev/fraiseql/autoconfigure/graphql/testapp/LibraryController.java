package dev.fraiseql.autoconfigure.graphql.testapp;

import dev.fraiseql.graphql.FraiseqlMapping;
import dev.fraiseql.graphql.FunctionCall;
import dev.fraiseql.graphql.ViewQuery;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Controller fields beside the schema-bound ones: a tenant-scoped view read, a post-processed read, a plain field. */
@Controller
public class LibraryController {

    @QueryMapping
    @FraiseqlMapping(view = "v_book")
    public Object tenantBooks(ViewQuery query, @ContextValue(name = "tenant", required = false) String tenant) {
        return query.and("tenantId", Map.of("eq", tenant == null ? 1 : Integer.parseInt(tenant)))
                .defaultOrderBy(List.of(Map.of("title", "DESC")))
                .maxLimit(2)
                .fetch();
    }

    @QueryMapping
    @FraiseqlMapping(view = "v_book")
    public List<Map<String, Object>> shoutedBooks(ViewQuery query) {
        List<Map<String, Object>> rows = query.fetchList();
        rows.forEach(row -> row.computeIfPresent("title", (k, v) -> ((String) v).toUpperCase(Locale.ROOT)));
        return rows;
    }

    @MutationMapping
    @FraiseqlMapping(function = "app.create_book")
    public Object addHouseBook(FunctionCall call) {
        return call.withSetting("app.tenant_id", "9").withInput("pages", 111).execute();
    }

    @QueryMapping
    public String serverName() {
        return "library";
    }
}
