package dev.fraiseql.graphql.internal.fetch;

import dev.fraiseql.core.schema.FieldDef;
import dev.fraiseql.core.schema.ScalarKind;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class SourceKeysTest {

    private static FieldDef stored(String jsonKey) {
        return FieldDef.scalar("f", ScalarKind.STRING).withJsonKey(jsonKey);
    }

    @Test
    void aKeyWithAnUnderscoreBeforeDigitsIsAlsoReadWithoutIt() {
        assertThat(SelectionTranslator.sourceKeys(stored("dns_1"))).containsExactly("dns_1", "dns1");
        assertThat(SelectionTranslator.sourceKeys(stored("ip_v4_addr_6"))).containsExactly("ip_v4_addr_6", "ip_v4_addr6");
        assertThat(SelectionTranslator.sourceKeys(stored("a__1"))).containsExactly("a__1", "a_1");
    }

    @Test
    void aKeyWithoutAnUnderscoreBeforeDigitsIsReadAsItIs() {
        assertThat(SelectionTranslator.sourceKeys(stored("published_year"))).containsExactly("published_year");
        assertThat(SelectionTranslator.sourceKeys(stored("x_"))).containsExactly("x_");
        assertThat(SelectionTranslator.sourceKeys(stored("v2"))).containsExactly("v2");
    }
}
