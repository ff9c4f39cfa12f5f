package dev.fraiseql.core.query;

import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.where.FilterException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The arguments of a Relay connection field: filter, order and the cursor window {@code first/after/last/before}.
 *
 * @param type the type read, which must be bound to a view
 * @param where the filter, or null/empty
 * @param orderBy sort entries as in {@link SelectSpec}, or null/empty
 * @param first rows to return after {@code after} (forward paging), or null
 * @param after an opaque cursor from a previous page, or null
 * @param last rows to return before {@code before} (backward paging), or null
 * @param before an opaque cursor from a previous page, or null
 * @param withTotalCount whether the page statement also counts the filtered rows for {@code totalCount}
 */
public record ConnectionSpec(TypeDef type, Map<String, Object> where, List<Map<String, Object>> orderBy, Integer first,
        String after, Integer last, String before, boolean withTotalCount) {

    public ConnectionSpec {
        Objects.requireNonNull(type, "type");
        if (!type.hasView()) {
            throw new IllegalArgumentException("Type " + type.name()
                    + " is not bound to a view and cannot be queried on its own; give it a view");
        }
        where = where == null ? Map.of() : where;
        orderBy = orderBy == null ? List.of() : orderBy;
        if (first != null && last != null) {
            throw new FilterException("last", last, "Invalid arguments: first (" + first + ") and last (" + last
                    + ") cannot be combined; page forward with first/after or backward with last/before");
        }
        if (first != null && first < 0) {
            throw new FilterException("first", first, "Invalid value for first: " + first
                    + " is negative; ask for 0 or more rows");
        }
        if (last != null && last < 0) {
            throw new FilterException("last", last, "Invalid value for last: " + last
                    + " is negative; ask for 0 or more rows");
        }
    }

    /** Whether this page is read backwards from {@code before} (or from the end). */
    public boolean backward() {
        return last != null;
    }
}
