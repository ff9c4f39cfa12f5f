package dev.fraiseql.samples.library;

import dev.fraiseql.graphql.FraiseqlMapping;
import dev.fraiseql.graphql.ViewQuery;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Binds the fields that need more than the schema can say: here, the tenant's copies in shelf order. */
@Controller
class LibraryController {

    /**
     * The copies of the branch in the {@code X-Tenant} header. The tenant filter is the database's (row-level security
     * behind {@code v_copy}), so no client filter can widen it; this method adds what the view cannot: a stable default
     * order for paging and a smaller page cap.
     */
    @QueryMapping
    @FraiseqlMapping(view = "v_copy")
    Object copies(ViewQuery query) {
        return query.defaultOrderBy(List.of(Map.of("shelf", "ASC")))
                .maxLimit(50)
                .fetch();
    }
}
