package dev.fraiseql.autoconfigure;

import dev.fraiseql.core.config.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvalidSettingsTest {

    private static final String URL = "postgresql://app:topsecret@localhost:5432/library";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FraiseqlDataSourceAutoConfiguration.class,
                    DataSourceAutoConfiguration.class));

    private void failsWith(String message, String description, String action, String... properties) {
        this.runner.withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            assertThat(failure).rootCause().isInstanceOf(InvalidSettingException.class).hasMessage(message);
            FailureAnalysis analysis = new InvalidSettingFailureAnalyzer().analyze(failure);
            assertThat(analysis.getDescription()).isEqualTo(description);
            assertThat(analysis.getAction()).isEqualTo(action);
            assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("topsecret");
        });
    }

    @Test
    void aMissingUrlStopsStartUp() {
        failsWith("Invalid setting fraiseql.db.url: no database URL is set. Set fraiseql.db.url (or the"
                        + " DATABASE_URL environment variable, or spring.datasource.url), or define a"
                        + " JdbcConnectionDetails bean. Use postgresql://user:password@host:5432/database"
                        + " (percent-encode special characters in the user and password, e.g. @ as %40) or"
                        + " jdbc:postgresql://host:5432/database.",
                "The setting fraiseql.db.url is not set or incomplete, which cannot work: no database URL"
                        + " is set.",
                "Set fraiseql.db.url (or the DATABASE_URL environment variable, or spring.datasource.url), or"
                        + " define a JdbcConnectionDetails bean. Use"
                        + " postgresql://user:password@host:5432/database (percent-encode special characters in the"
                        + " user and password, e.g. @ as %40) or jdbc:postgresql://host:5432/database.");
    }

    @Test
    void aMalformedUrlStopsStartUpWithoutShowingThePassword() {
        failsWith("Invalid setting fraiseql.db.url=postgresql://app:****@localhost:54x32/library: the port"
                        + " 54x32 is not a number. Use postgresql://user:password@host:5432/database (percent-encode"
                        + " special characters in the user and password, e.g. @ as %40) or"
                        + " jdbc:postgresql://host:5432/database.",
                "The setting fraiseql.db.url is set to 'postgresql://app:****@localhost:54x32/library',"
                        + " which cannot work: the port 54x32 is not a number.",
                "Use postgresql://user:password@host:5432/database (percent-encode special characters in the user"
                        + " and password, e.g. @ as %40) or jdbc:postgresql://host:5432/database.",
                "fraiseql.db.url=postgresql://app:topsecret@localhost:54x32/library");
    }

    @Test
    void aNegativeTimeoutStopsStartUp() {
        failsWith("Invalid setting fraiseql.db.query-timeout=-5s: must not be negative. Use 0 or a positive"
                        + " duration such as 30s (the default).",
                "The setting fraiseql.db.query-timeout is set to '-5s', which cannot work: must not be"
                        + " negative.",
                "Use 0 or a positive duration such as 30s (the default).",
                "fraiseql.db.url=" + URL, "fraiseql.db.query-timeout=-5s");
    }

    @Test
    void minIdleAboveMaxConnectionsStopsStartUp() {
        failsWith("Invalid setting fraiseql.db.min-idle=30: it is above fraiseql.db.max-connections (20)."
                        + " Lower fraiseql.db.min-idle to at most 20 or raise fraiseql.db.max-connections.",
                "The setting fraiseql.db.min-idle is set to '30', which cannot work: it is above"
                        + " fraiseql.db.max-connections (20).",
                "Lower fraiseql.db.min-idle to at most 20 or raise fraiseql.db.max-connections.",
                "fraiseql.db.url=" + URL, "fraiseql.db.min-idle=30");
    }

    @Test
    void anUnknownSslModeStopsStartUp() {
        failsWith("Invalid setting fraiseql.db.ssl-mode=strict: unknown SSL mode. Use one of disable, allow,"
                        + " prefer, require, verify-ca, verify-full.",
                "The setting fraiseql.db.ssl-mode is set to 'strict', which cannot work: unknown SSL mode.",
                "Use one of disable, allow, prefer, require, verify-ca, verify-full.",
                "fraiseql.db.url=" + URL, "fraiseql.db.ssl-mode=strict");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aRealApplicationPrintsTheAnalysisInsteadOfAStackTrace(CapturedOutput output) {
        SpringApplication application = new SpringApplication(OnlyFraiseql.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        assertThatThrownBy(() -> application.run("--spring.main.banner-mode=off", "--fraiseql.db.url=" + URL,
                "--fraiseql.db.min-idle=30")).hasRootCauseInstanceOf(InvalidSettingException.class);
        assertThat(output.toString()).contains("APPLICATION FAILED TO START")
                .contains("The setting fraiseql.db.min-idle is set to '30', which cannot work: it is above"
                        + " fraiseql.db.max-connections (20).")
                .contains("Lower fraiseql.db.min-idle to at most 20 or raise fraiseql.db.max-connections.")
                .doesNotContain("topsecret");
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(FraiseqlDataSourceAutoConfiguration.class)
    static class OnlyFraiseql {
    }
}
