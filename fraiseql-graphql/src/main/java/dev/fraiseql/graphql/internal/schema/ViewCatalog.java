package dev.fraiseql.graphql.internal.schema;

import dev.fraiseql.core.catalog.ColumnCatalog;
import dev.fraiseql.core.catalog.ColumnCatalog.Column;
import dev.fraiseql.core.error.DatabaseException;
import dev.fraiseql.graphql.FraiseqlSchemaException;
import java.util.List;
import java.util.Map;

/**
 * Reads the columns of bound views through core's catalog, and checks that each view exists and has its data column;
 * the only part of schema reading that talks to the database.
 */
public final class ViewCatalog {

    private final ColumnCatalog catalog;
    private final boolean validate;

    /**
     * @param catalog reads the columns, in one statement for every view
     * @param validate whether a missing view or data column fails (else the field just uses the JSONB path)
     */
    public ViewCatalog(ColumnCatalog catalog, boolean validate) {
        this.catalog = catalog;
        this.validate = validate;
    }

    /**
     * Per view bound by a read field of {@code bindings}, its columns by name, in the view's order.
     *
     * @throws DatabaseException when the database cannot be reached (or refuses the catalog query)
     * @throws FraiseqlSchemaException when a view does not exist or has no data column
     */
    public Map<String, Map<String, Column>> columns(List<FieldBinding> bindings) {
        List<FieldBinding> reads = bindings.stream().filter(b -> b.kind() != FieldBinding.Kind.MUTATION).toList();
        if (reads.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, Column>> columns = catalog.columns(reads.stream().map(FieldBinding::target).distinct()
                .toList());
        if (validate) {
            reads.forEach(b -> check(b, columns.getOrDefault(b.target(), Map.of())));
        }
        return columns;
    }

    private static void check(FieldBinding binding, Map<String, Column> columns) {
        if (columns.isEmpty()) {
            throw new FraiseqlSchemaException("View '" + binding.target() + "' bound by " + binding.coordinate()
                    + " does not exist (or has no columns) in the database's search_path.",
                    "Create it, or fix @fraiseql(view: ...).");
        }
        if (!columns.containsKey(binding.dataColumn())) {
            throw new FraiseqlSchemaException("View '" + binding.target() + "' bound by " + binding.coordinate()
                    + " has no column '" + binding.dataColumn() + "' (its columns: " + String.join(", ", columns.keySet())
                    + ").", "Add a JSONB column named " + binding.dataColumn() + ", or set @fraiseql(dataColumn: ...).");
        }
    }
}
