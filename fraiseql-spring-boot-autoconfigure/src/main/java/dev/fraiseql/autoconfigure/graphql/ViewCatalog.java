package dev.fraiseql.autoconfigure.graphql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the columns of bound views at start-up, failing fast with the view's name when it does not
 * exist or lacks its data column; when the database cannot be reached it logs a warning instead, so
 * that a database outage never stops the application from starting.
 */
public class ViewCatalog {

    private static final Logger log = LoggerFactory.getLogger(ViewCatalog.class);
    private static final String COLUMNS = "SELECT a.attname, t.typname, a.attnotnull FROM pg_catalog.pg_attribute a"
            + " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
            + " WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";

    /**
     * One column of a view or table: its type name ({@code int4}, {@code text}, ...) and whether PostgreSQL
     * guarantees it is never null (a {@code NOT NULL} or primary key column of a table; a view's columns never say so).
     */
    public record Column(String type, boolean notNull) {
    }

    private final DataSource dataSource;
    private final boolean validate;
    private boolean reachable = true;

    public ViewCatalog(DataSource dataSource, boolean validate) {
        this.dataSource = dataSource;
        this.validate = validate;
    }

    /**
     * The columns of the binding's view by name, or {@code null} when they could not be read.
     *
     * @throws IllegalStateException when the view does not exist or has no data column
     */
    public Map<String, Column> columns(FieldBinding binding) {
        if (!reachable) {
            return null;
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ps = connection.prepareStatement(COLUMNS)) {
            ps.setString(1, quoted(binding.target()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.put(rs.getString(1), new Column(rs.getString(2), rs.getBoolean(3)));
                }
            }
        } catch (SQLException e) {
            reachable = false;
            log.warn("Could not check the views bound by @fraiseql ({}): the database is not reachable; they will be"
                    + " checked by the first query instead", e.getMessage());
            return null;
        }
        if (!validate) {
            return columns;
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("View '" + binding.target() + "' bound by " + binding.coordinate()
                    + " does not exist (or has no columns) in the database's search_path: create it, or fix"
                    + " @fraiseql(view: ...)");
        }
        if (!columns.containsKey(binding.dataColumn())) {
            throw new IllegalStateException("View '" + binding.target() + "' bound by " + binding.coordinate()
                    + " has no column '" + binding.dataColumn() + "' (its columns: " + String.join(", ", columns.keySet())
                    + "): add a JSONB column named " + binding.dataColumn() + ", or set @fraiseql(dataColumn: ...)");
        }
        return columns;
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
