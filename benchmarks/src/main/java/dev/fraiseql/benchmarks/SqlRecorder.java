package dev.fraiseql.benchmarks;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Records every statement a FraiseQL app sends, with its bound values and transaction boundaries, so that pgbench
 * can replay exactly what the fast path ran. Only in an app started with {@code bench.record-sql=true}: the
 * measured apps never carry the wrapper.
 */
@Component
@ConditionalOnProperty(name = "bench.record-sql", havingValue = "true")
class SqlRecorder implements BeanPostProcessor {

    /** A statement with its values by position, or a transaction boundary ({@code BEGIN}, {@code COMMIT}). */
    record Recorded(String sql, List<Object> parameters) {
    }

    private final List<Recorded> recorded = new ArrayList<>();

    /** The statements recorded since the last call, in order. */
    synchronized List<Recorded> take() {
        List<Recorded> out = List.copyOf(recorded);
        recorded.clear();
        return out;
    }

    private synchronized void add(Recorded r) {
        recorded.add(r);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource ds && !(bean instanceof Recording) ? new Recording(ds) : bean;
    }

    private final class Recording implements DataSource {
        private final DataSource real;

        Recording(DataSource real) {
            this.real = real;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return connection(real.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return connection(real.getConnection(username, password));
        }

        private Connection connection(Connection target) {
            return proxy(Connection.class, (p, m, args) -> {
                switch (m.getName()) {
                    case "setAutoCommit" -> {
                        if (!(Boolean) args[0]) {
                            add(new Recorded("BEGIN", List.of()));
                        }
                    }
                    case "commit" -> add(new Recorded("COMMIT", List.of()));
                    case "rollback" -> add(new Recorded("ROLLBACK", List.of()));
                    default -> {
                    }
                }
                Object result = invoke(target, m, args);
                if (m.getName().equals("prepareStatement")) {
                    return statement((String) args[0], (PreparedStatement) result);
                }
                return result;
            });
        }

        private PreparedStatement statement(String sql, PreparedStatement target) {
            TreeMap<Integer, Object> values = new TreeMap<>();
            return proxy(PreparedStatement.class, (p, m, args) -> {
                String name = m.getName();
                if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer i) {
                    values.put(i, name.equals("setNull") ? null : args[1]);
                } else if (name.startsWith("execute")) {
                    add(new Recorded(sql, new ArrayList<>(values.values())));
                }
                return invoke(target, m, args);
            });
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return real.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            real.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            real.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return real.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(real) ? type.cast(real) : real.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(real) || real.isWrapperFor(type);
        }
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(SqlRecorder.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
