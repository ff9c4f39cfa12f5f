package dev.fraiseql.core.testing;

import dev.fraiseql.core.sql.SqlStatement;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** Test-only JDBC helpers: binds a statement's parameters (arrays through createArrayOf) and reads columns. */
public final class Jdbc {

    private Jdbc() {
    }

    /** Binds every parameter of {@code statement} to {@code ps}. */
    public static void bind(Connection c, PreparedStatement ps, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object p = parameters.get(i);
            int index = i + 1;
            if (p == SqlStatement.NullParameter.INSTANCE) {
                ps.setNull(index, Types.NULL);
            } else if (p instanceof Object[] array) {
                ps.setArray(index, c.createArrayOf(arrayType(array), array));
            } else {
                ps.setObject(index, p);
            }
        }
    }

    private static String arrayType(Object[] array) {
        if (array instanceof Integer[]) {
            return "int4";
        }
        if (array instanceof Long[]) {
            return "int8";
        }
        if (array instanceof Double[]) {
            return "float8";
        }
        if (array instanceof BigDecimal[]) {
            return "numeric";
        }
        if (array instanceof Boolean[]) {
            return "bool";
        }
        return "text";
    }

    /** Runs {@code statement} and returns column {@code column} (1-based) of every row as text. */
    public static List<String> strings(Connection c, SqlStatement statement, int column) throws SQLException {
        return strings(c, statement, rs -> rs.getString(column));
    }

    /** Runs {@code statement} and returns the named column of every row as text. */
    public static List<String> strings(Connection c, SqlStatement statement, String column) throws SQLException {
        return strings(c, statement, rs -> rs.getString(column));
    }

    /** Reads one value of the current row. */
    private interface Column {
        String read(ResultSet rs) throws SQLException;
    }

    private static List<String> strings(Connection c, SqlStatement statement, Column column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(statement.text())) {
            bind(c, ps, statement.parameters());
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(column.read(rs));
                }
            }
            return out;
        }
    }

    /** Runs DDL or DML without parameters. */
    public static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
