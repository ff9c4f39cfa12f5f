package dev.fraiseql.autoconfigure;

import dev.fraiseql.core.config.DbEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Turns {@code DATABASE_URL} and the {@code RUST_DB_*} environment variables into {@code fraiseql.db.*} values
 * of the lowest precedence, so any {@code fraiseql.db.*} property set elsewhere wins.
 */
public class FraiseqlEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** The name of the property source this adds. */
    public static final String PROPERTY_SOURCE_NAME = "fraiseqlDatabaseEnvironment";

    /** Late, so that other processors can see what was configured; applications may order theirs after. */
    public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        PropertySource<?> system = environment.getPropertySources()
                .get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        if (system == null) {
            return;
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (DbEnvironment.Variable variable : DbEnvironment.variables()) {
            Object value = system.getProperty(variable.name());
            if (value != null) {
                variables.put(variable.name(), value.toString());
            }
        }
        Map<String, Object> properties = new LinkedHashMap<>(DbEnvironment.toProperties(variables));
        if (!properties.isEmpty()) {
            environment.getPropertySources().remove(PROPERTY_SOURCE_NAME);
            environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
