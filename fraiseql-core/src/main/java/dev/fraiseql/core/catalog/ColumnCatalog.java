package dev.fraiseql.core.catalog;

import dev.fraiseql.core.error.DatabaseException;
import dev.fraiseql.core.error.RetryPolicy;
import dev.fraiseql.core.execution.QueryExecutor;
import dev.fraiseql.core.sql.SqlBuilder;
import dev.fraiseql.core.sql.SqlStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the columns of tables and views, in column order, from PostgreSQL's catalog.
 *
 * <p>It runs through a {@link QueryExecutor} rather than a bare {@code DataSource}, so its statement takes the same
 * path as every other one (parameter binding, autocommit handling, the slow-statement log) and a failure arrives as
 * a classified {@link DatabaseException}: the caller can tell a database it cannot reach from a defect without
 * inspecting SQLSTATEs. It tries once whatever the executor's retry policy, because the catalog is read at start-up,
 * where a database that is down should cost one connection timeout rather than one per retry, and the caller reads
 * again later anyway.
 */
public final class ColumnCatalog {

    // to_regclass answers NULL for a relation that does not exist instead of raising an error, so a missing
    // relation has no rows here and does not fail the others.
    private static final String COLUMNS = "SELECT r.n, a.attname, t.typname, a.attnotnull"
            + " FROM unnest(?::text[]) WITH ORDINALITY AS r(name, n)"
            + " JOIN pg_catalog.pg_attribute a ON a.attrelid = to_regclass(r.name) AND a.attnum > 0"
            + " AND NOT a.attisdropped"
            + " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
            + " ORDER BY r.n, a.attnum";

    /**
     * One column of a table or view.
     *
     * @param type the type's name in {@code pg_type.typname}: {@code int4}, {@code text}, {@code jsonb},
     *     {@code _text} for {@code text[]}, a domain's own name
     * @param notNull whether PostgreSQL guarantees the column is never null: a {@code NOT NULL} or primary-key column
     *     of a table; a view's columns never say so
     */
    public record Column(String type, boolean notNull) {

        public Column {
            Objects.requireNonNull(type, "type");
        }
    }

    private final QueryExecutor executor;

    /** A catalog read through the executor's data source, once per call. */
    public ColumnCatalog(QueryExecutor executor) {
        Objects.requireNonNull(executor, "executor");
        this.executor = executor.withSettings(executor.settings().withRetry(RetryPolicy.none()));
    }

    /**
     * The columns of each relation, read in one statement.
     *
     * @param relations names such as {@code v_book} (found through the {@code search_path}) or {@code app.v_book};
     *     each part is matched exactly, case included, as a quoted identifier is
     * @return for each name, in the given order, its columns by name in column order; an empty map for a relation
     *     that does not exist
     * @throws IllegalArgumentException for a name {@link SqlBuilder#quotedQualifiedName} rejects or one of more
     *     than two parts, before any connection is taken
     * @throws DatabaseException when the catalog could not be read; its {@link DatabaseException#kind() kind} is
     *     {@code CONNECTION_FAILED}, {@code POOL_EXHAUSTED} or {@code AUTHENTICATION_FAILED} when the database could
     *     not be reached, so the caller may log it and read again later
     */
    public Map<String, Map<String, Column>> columns(List<String> relations) {
        SqlStatement statement = statement(relations);
        if (relations.isEmpty()) {
            return Map.of();
        }
        List<Map<String, Column>> byPosition = executor.readResult(Map.of(), statement, rs -> read(rs, relations.size()));
        Map<String, Map<String, Column>> out = new LinkedHashMap<>();
        for (int i = 0; i < relations.size(); i++) {
            out.putIfAbsent(relations.get(i), Collections.unmodifiableMap(byPosition.get(i)));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The statement reading the relations' columns: their quoted names are one bound {@code text[]} value. */
    static SqlStatement statement(List<String> relations) {
        Objects.requireNonNull(relations, "relations");
        List<String> quoted = new ArrayList<>(relations.size());
        for (String relation : relations) {
            quoted.add(SqlBuilder.quotedQualifiedName(relation));
            // to_regclass raises an error for more parts (another database's, or too many), and one error would fail
            // the whole statement, every other relation included.
            int parts = relation.split("\\.", -1).length;
            if (parts > 2) {
                throw new IllegalArgumentException("Invalid relation name \"" + relation + "\": it has " + parts
                        + " parts; write name or schema.name, for example v_book or app.v_book");
            }
        }
        return new SqlStatement(COLUMNS, List.of(quoted));
    }

    private static List<Map<String, Column>> read(ResultSet rs, int count) throws SQLException {
        List<Map<String, Column>> byPosition = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byPosition.add(new LinkedHashMap<>());
        }
        while (rs.next()) {
            byPosition.get(rs.getInt(1) - 1).put(rs.getString(2), new Column(rs.getString(3), rs.getBoolean(4)));
        }
        return byPosition;
    }
}
