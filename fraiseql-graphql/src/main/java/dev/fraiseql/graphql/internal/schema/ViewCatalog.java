package dev.fraiseql.graphql.internal.schema;

import dev.fraiseql.graphql.FraiseqlSchemaException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads the columns of bound views, and checks that each exists and has its data column; the only part of
 * schema reading that talks to the database.
 */
public final class ViewCatalog {

    private static final String COLUMNS = "SELECT a.attname, t.typname, a.attnotnull FROM pg_catalog.pg_attribute a"
            + " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
            + " WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";

    private final DataSource dataSource;
    private final boolean validate;

    /**
     * @param dataSource the database the views live in
     * @param validate whether a missing view or data column fails (else the field just uses the JSONB path)
     */
    public ViewCatalog(DataSource dataSource, boolean validate) {
        this.dataSource = dataSource;
        this.validate = validate;
    }

    /**
     * Per view bound by a read field of {@code bindings}, its columns by name.
     *
     * @throws SQLException when the database cannot be reached
     * @throws FraiseqlSchemaException when a view does not exist or has no data column
     */
    public Map<String, Map<String, Column>> columns(List<FieldBinding> bindings) throws SQLException {
        Map<String, Map<String, Column>> out = new LinkedHashMap<>();
        if (bindings.stream().allMatch(b -> b.kind() == FieldBinding.Kind.MUTATION)) {
            return out;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ps = connection.prepareStatement(COLUMNS)) {
            for (FieldBinding binding : bindings) {
                if (binding.kind() == FieldBinding.Kind.MUTATION || out.containsKey(binding.target())) {
                    continue;
                }
                Map<String, Column> columns = new LinkedHashMap<>();
                ps.setString(1, quoted(binding.target()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        columns.put(rs.getString(1), new Column(rs.getString(2), rs.getBoolean(3)));
                    }
                }
                out.put(binding.target(), Collections.unmodifiableMap(columns));
            }
        }
        if (validate) {
            bindings.stream().filter(b -> b.kind() != FieldBinding.Kind.MUTATION).forEach(b -> check(b, out.get(b.target())));
        }
        return out;
    }

    private static void check(FieldBinding binding, Map<String, Column> columns) {
        if (columns.isEmpty()) {
            throw new FraiseqlSchemaException("View '" + binding.target() + "' bound by " + binding.coordinate()
                    + " does not exist (or has no columns) in the database's search_path.",
                    "Create it, or fix @fraiseql(view: ...).");
        }
        if (!columns.containsKey(binding.dataColumn())) {
            throw new FraiseqlSchemaException("View '" + binding.target() + "' bound by " + binding.coordinate()
                    + " has no column '" + binding.dataColumn() + "' (its columns: "
                    + String.join(", ", columns.keySet()) + ").",
                    "Add a JSONB column named " + binding.dataColumn() + ", or set @fraiseql(dataColumn: ...).");
        }
    }

    /** Quotes each part of a possibly schema-qualified name for to_regclass. */
    private static String quoted(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("\\.", -1)) {
            out.append(out.length() == 0 ? "" : ".").append('"').append(part.replace("\"", "\"\"")).append('"');
        }
        return out.toString();
    }
}
