package dev.fraiseql.autoconfigure.graphql;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraphQlPropertiesMetadataTest {

    @Test
    void everyGraphQlPropertyHasIdeHelp() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = JsonMapper.builder().build().readTree(in);
        }
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (JsonNode property : metadata.get("properties")) {
            String name = property.get("name").asString();
            if (name.startsWith("fraiseql.graphql.")) {
                descriptions.put(name, property.get("description").asString());
            }
        }
        assertThat(descriptions.keySet()).containsExactlyInAnyOrder("fraiseql.graphql.execution",
                "fraiseql.graphql.projection",
                "fraiseql.graphql.default-page-size", "fraiseql.graphql.max-page-size",
                "fraiseql.graphql.max-query-depth", "fraiseql.graphql.max-aliases", "fraiseql.graphql.max-root-fields",
                "fraiseql.graphql.max-document-size",
                "fraiseql.graphql.validate-views",
                "fraiseql.graphql.document-cache-size", "fraiseql.graphql.get-requests", "fraiseql.graphql.max-cost",
                "fraiseql.graphql.direct-execution",
                "fraiseql.graphql.persisted-queries.mode", "fraiseql.graphql.persisted-queries.cache-size",
                "fraiseql.graphql.persisted-queries.allow-list");
        assertThat(descriptions.get("fraiseql.graphql.validate-views")).startsWith("Whether ");
    }

    @Test
    void impossiblePageSizeIsRejectedWithThePropertyName() {
        assertThatThrownBy(() -> new FraiseqlGraphQlProperties().setMaxPageSize(0))
                .hasMessage("fraiseql.graphql.max-page-size must be at least 1, was 0");
    }
}
