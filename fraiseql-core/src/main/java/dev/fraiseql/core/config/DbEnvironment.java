package dev.fraiseql.core.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment variables of the original plan ({@code DATABASE_URL}, {@code RUST_DB_*}) and the
 * {@code fraiseql.db.*} property each one sets.
 */
public final class DbEnvironment {

    /** How a variable's text becomes a property value. */
    public enum Unit {
        /** Taken as it is. */
        TEXT,
        /** A whole number of milliseconds, written {@code <n>ms}. */
        MILLISECONDS,
        /** A whole number of seconds, written {@code <n>s}. */
        SECONDS
    }

    /**
     * One environment variable and the property it sets.
     *
     * @param name the environment variable
     * @param property the {@code fraiseql.db.*} property
     * @param unit how its value is converted
     */
    public record Variable(String name, String property, Unit unit) {
    }

    private static final List<Variable> VARIABLES = List.of(
            new Variable("DATABASE_URL", "fraiseql.db.url", Unit.TEXT),
            new Variable("RUST_DB_MAX_CONNECTIONS", "fraiseql.db.max-connections", Unit.TEXT),
            new Variable("RUST_DB_MIN_IDLE", "fraiseql.db.min-idle", Unit.TEXT),
            new Variable("RUST_DB_CONNECTION_TIMEOUT_MS", "fraiseql.db.connection-timeout", Unit.MILLISECONDS),
            new Variable("RUST_DB_IDLE_TIMEOUT_MS", "fraiseql.db.idle-timeout", Unit.MILLISECONDS),
            new Variable("RUST_DB_MAX_LIFETIME_MS", "fraiseql.db.max-lifetime", Unit.MILLISECONDS),
            new Variable("RUST_DB_TEST_ON_CHECKOUT", "fraiseql.db.test-on-checkout", Unit.TEXT),
            new Variable("RUST_DB_QUERY_TIMEOUT_MS", "fraiseql.db.query-timeout", Unit.MILLISECONDS),
            new Variable("RUST_DB_STATEMENT_CACHE_SIZE", "fraiseql.db.statement-cache-size", Unit.TEXT),
            new Variable("RUST_DB_SSL_MODE", "fraiseql.db.ssl-mode", Unit.TEXT),
            new Variable("RUST_DB_SSL_CERT_PATH", "fraiseql.db.ssl-cert-path", Unit.TEXT),
            new Variable("RUST_DB_SSL_KEY_PATH", "fraiseql.db.ssl-key-path", Unit.TEXT),
            new Variable("RUST_DB_SSL_ROOT_CERT_PATH", "fraiseql.db.ssl-root-cert-path", Unit.TEXT),
            new Variable("RUST_DB_MAX_RETRIES", "fraiseql.db.max-retries", Unit.TEXT),
            new Variable("RUST_DB_INITIAL_BACKOFF_MS", "fraiseql.db.initial-backoff", Unit.MILLISECONDS),
            new Variable("RUST_DB_MAX_BACKOFF_MS", "fraiseql.db.max-backoff", Unit.MILLISECONDS),
            new Variable("RUST_DB_PERFORMANCE_LOG", "fraiseql.db.performance-log", Unit.TEXT),
            new Variable("RUST_DB_PERFORMANCE_THRESHOLD_MS", "fraiseql.db.performance-threshold", Unit.MILLISECONDS),
            new Variable("RUST_DB_POOL_STATS_INTERVAL_S", "fraiseql.db.pool-stats-interval", Unit.SECONDS));

    private DbEnvironment() {
    }

    /** Every variable, in documentation order. */
    public static List<Variable> variables() {
        return VARIABLES;
    }

    /**
     * The {@code fraiseql.db.*} values that the variables present in the map set, with milliseconds and
     * seconds written as {@code 5000ms} and {@code 10s}. Blank variables are ignored.
     *
     * @throws InvalidSettingException naming the variable when a millisecond or second value is not a whole number
     */
    public static Map<String, String> toProperties(Map<String, String> environment) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Variable variable : VARIABLES) {
            String value = environment.get(variable.name());
            if (value == null || value.isBlank()) {
                continue;
            }
            String trimmed = value.trim();
            switch (variable.unit()) {
                case TEXT -> properties.put(variable.property(), trimmed);
                case MILLISECONDS -> properties.put(variable.property(), whole(variable, trimmed, "milliseconds") + "ms");
                case SECONDS -> properties.put(variable.property(), whole(variable, trimmed, "seconds") + "s");
            }
        }
        return properties;
    }

    private static long whole(Variable variable, String value, String unit) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(variable.name(), value, "not a whole number of " + unit,
                    "Write digits only, such as " + (unit.equals("seconds") ? "60" : "30000") + ", or set "
                            + variable.property() + " instead.");
        }
    }
}
