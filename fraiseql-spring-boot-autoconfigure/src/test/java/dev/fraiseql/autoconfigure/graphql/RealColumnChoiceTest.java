package dev.fraiseql.autoconfigure.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraiseql.core.schema.TypeDef;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RealColumnChoiceTest {

    /** The columns a view would report, without a database: the choice under test is made from them alone. */
    private static final class FixedCatalog extends ViewCatalog {
        private final Map<String, String> columns;

        FixedCatalog(Map<String, String> columns) {
            super(null, true);
            this.columns = columns;
        }

        @Override
        public Map<String, String> columns(FieldBinding binding) {
            return columns;
        }
    }

    private static TypeDef bound(Map<String, String> columns) {
        TypeDefinitionRegistry registry = new SchemaParser().parse("""
                type Query { events: [Event!]! @fraiseql(view: "v_event") }
                type Event { id: ID! createdAt: DateTime updatedAt: DateTime opensAt: Time closesAt: Time }
                """);
        FraiseqlSchemaConfigurer configurer = new FraiseqlSchemaConfigurer(new FixedCatalog(columns), java.util.List::of);
        configurer.configure(registry);
        return configurer.schema().boundTypes().get("Query.events");
    }

    @Test
    void onlyColumnsWhoseTextReadsBackAsTheFieldsTypeAreUsedSoCursorsOverThemStayValid() {
        TypeDef event = bound(Map.of("id", "text", "data", "jsonb", "created_at", "timestamptz",
                "updated_at", "timestamp", "opens_at", "time", "closes_at", "timetz"));

        assertThat(event.fields().get("createdAt").column()).isEqualTo("created_at");
        assertThat(event.fields().get("opensAt").column()).isEqualTo("opens_at");
        assertThat(event.fields().get("updatedAt").column()).isNull();
        assertThat(event.fields().get("closesAt").column()).isNull();
        assertThat(event.fields().get("id").column()).isEqualTo("id");
    }
}
