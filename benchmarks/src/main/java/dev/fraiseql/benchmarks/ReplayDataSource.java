package dev.fraiseql.benchmarks;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource that first records the first column of every query's rows from a real PostgreSQL and,
 * once switched to replay, serves those same bytes from memory: the engine runs unchanged while the
 * database's cost is taken out of the measurement.
 */
final class ReplayDataSource implements DataSource {

    private final DataSource real;
    private final Map<String, List<byte[]>> recorded = new ConcurrentHashMap<>();
    private volatile boolean replaying;

    ReplayDataSource(DataSource real) {
        this.real = real;
    }

    /** From now on, queries are answered from memory; a query never recorded fails. */
    void replay() {
        replaying = true;
    }

    int recordedStatements() {
        return recorded.size();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return replaying ? replayConnection() : recordingConnection(real.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    private Connection recordingConnection(Connection target) {
        return proxy(Connection.class, (p, m, args) -> {
            Object result = invoke(target, m, args);
            if (m.getName().equals("prepareStatement") && args.length == 1) {
                String sql = (String) args[0];
                PreparedStatement ps = (PreparedStatement) result;
                return proxy(PreparedStatement.class, (p2, m2, a2) -> {
                    Object r = invoke(ps, m2, a2);
                    if (m2.getName().equals("executeQuery")) {
                        return recordingResultSet(sql, (ResultSet) r);
                    }
                    return r;
                });
            }
            return result;
        });
    }

    private ResultSet recordingResultSet(String sql, ResultSet rs) {
        List<byte[]> rows = new ArrayList<>();
        return proxy(ResultSet.class, (p, m, args) -> {
            Object r = invoke(rs, m, args);
            if (m.getName().equals("getBytes")) {
                rows.add((byte[]) r);
            } else if (m.getName().equals("close")) {
                recorded.put(sql, List.copyOf(rows.stream().map(b -> b == null ? new byte[0] : b).toList()));
            }
            return r;
        });
    }

    private Connection replayConnection() {
        boolean[] state = {true, false}; // autoCommit, readOnly
        return proxy(Connection.class, (p, m, args) -> switch (m.getName()) {
            case "getAutoCommit" -> state[0];
            case "setAutoCommit" -> {
                state[0] = (Boolean) args[0];
                yield null;
            }
            case "isReadOnly" -> state[1];
            case "setReadOnly" -> {
                state[1] = (Boolean) args[0];
                yield null;
            }
            case "prepareStatement" -> replayStatement((String) args[0]);
            case "createArrayOf" -> proxy(Array.class, (p2, m2, a2) -> null);
            case "isClosed" -> false;
            case "isValid" -> true;
            case "unwrap" -> null;
            case "isWrapperFor" -> false;
            default -> defaultValue(m.getReturnType());
        });
    }

    private PreparedStatement replayStatement(String sql) {
        return proxy(PreparedStatement.class, (p, m, args) -> {
            if (m.getName().equals("executeQuery")) {
                List<byte[]> rows = recorded.get(sql);
                if (rows == null) {
                    throw new SQLException("Not recorded: " + sql);
                }
                return replayResultSet(rows);
            }
            return defaultValue(m.getReturnType());
        });
    }

    private static ResultSet replayResultSet(List<byte[]> rows) {
        int[] at = {-1};
        return proxy(ResultSet.class, (p, m, args) -> switch (m.getName()) {
            case "next" -> ++at[0] < rows.size();
            case "getBytes" -> rows.get(at[0]).length == 0 ? null : rows.get(at[0]);
            case "getString" -> rows.get(at[0]).length == 0 ? null
                    : new String(rows.get(at[0]), java.nio.charset.StandardCharsets.UTF_8);
            case "wasNull" -> rows.get(at[0]).length == 0;
            default -> defaultValue(m.getReturnType());
        });
    }

    private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class) {
            return type == long.class ? (Object) 0L : (Object) 0;
        }
        if (type == double.class || type == float.class) {
            return type == double.class ? (Object) 0d : (Object) 0f;
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(ReplayDataSource.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("Not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
