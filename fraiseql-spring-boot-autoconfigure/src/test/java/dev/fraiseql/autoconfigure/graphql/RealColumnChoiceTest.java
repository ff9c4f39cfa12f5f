package dev.fraiseql.autoconfigure.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraiseql.core.schema.ScalarKind;
import dev.fraiseql.core.schema.TypeDef;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RealColumnChoiceTest {

    /** The columns a view would report, without a database: the choice under test is made from them alone. */
    private static final class FixedCatalog extends ViewCatalog {
        private final Map<String, Column> columns;

        FixedCatalog(Map<String, Column> columns) {
            super(null, true);
            this.columns = columns;
        }

        @Override
        public Map<String, Column> columns(FieldBinding binding) {
            return columns;
        }
    }

    /** Columns of the given types, none of them NOT NULL. */
    private static TypeDef bound(Map<String, String> types) {
        Map<String, ViewCatalog.Column> columns = new LinkedHashMap<>();
        types.forEach((name, type) -> columns.put(name, new ViewCatalog.Column(type, false)));
        return boundTo(columns);
    }

    private static TypeDef boundTo(Map<String, ViewCatalog.Column> columns) {
        TypeDefinitionRegistry registry = new SchemaParser().parse("""
                type Query { events: [Event!]! @fraiseql(view: "v_event") }
                type Event { id: ID! createdAt: DateTime updatedAt: DateTime opensAt: Time closesAt: Time }
                """);
        FraiseqlSchemaConfigurer configurer = new FraiseqlSchemaConfigurer(new FixedCatalog(columns), List::of);
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

    @Test
    void aFieldIsNonNullWhenTheSchemaSaysSoOrItsColumnIsNotNullSoKeysetPagesNeedNoNullBranch() {
        TypeDef event = boundTo(Map.of("id", new ViewCatalog.Column("text", true),
                "created_at", new ViewCatalog.Column("timestamptz", true),
                "opens_at", new ViewCatalog.Column("time", false),
                "updated_at", new ViewCatalog.Column("timestamp", true)));

        assertThat(event.fields().get("id").nonNull()).as("ID! in the schema").isTrue();
        assertThat(event.fields().get("createdAt").nonNull()).as("nullable in the schema, NOT NULL column").isTrue();
        assertThat(event.fields().get("opensAt").nonNull()).as("nullable in both").isFalse();
        // A NOT NULL column the field cannot use says nothing about the JSONB value the field reads instead.
        assertThat(event.fields().get("updatedAt").nonNull()).as("NOT NULL column of another type").isFalse();
        assertThat(event.fields().get("closesAt").nonNull()).as("no column").isFalse();
    }

    @Test
    void anIdHeldInAUuidColumnComparesAsAUuidSoThePrimaryKeyServesLookups() {
        TypeDef event = boundTo(Map.of("id", new ViewCatalog.Column("uuid", true)));

        assertThat(event.fields().get("id").column()).isEqualTo("id");
        assertThat(event.fields().get("id").scalar()).isEqualTo(ScalarKind.UUID);
    }
}
