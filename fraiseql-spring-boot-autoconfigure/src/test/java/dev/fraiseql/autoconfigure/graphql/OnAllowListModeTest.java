package dev.fraiseql.autoconfigure.graphql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import static org.assertj.core.api.Assertions.assertThat;

/** The allow-list mode is recognised however the property writes it, as the properties bind it. */
class OnAllowListModeTest {

    @Configuration(proxyBeanMethods = false)
    static class Probe {
        @Bean
        @Conditional(OnAllowListMode.class)
        String allowListOnly() {
            return "on";
        }
    }

    @ParameterizedTest(name = "mode={0}")
    @CsvSource({"allow-list, true", "ALLOW_LIST, true", "allow_list, true", "AllowList, true", "automatic, false",
            "off, false"})
    void theConditionFollowsTheBoundMode(String mode, boolean matches) {
        new ApplicationContextRunner().withUserConfiguration(Probe.class)
                .withPropertyValues(OnAllowListMode.PROPERTY + "=" + mode)
                .run(context -> assertThat(context.containsBean("allowListOnly")).isEqualTo(matches));
    }

    @Test
    void withoutTheModeSetTheConditionDoesNotMatch() {
        new ApplicationContextRunner().withUserConfiguration(Probe.class)
                .run(context -> assertThat(context.containsBean("allowListOnly")).isFalse());
    }
}
