package dev.fraiseql.graphql.internal.schema;

import dev.fraiseql.core.catalog.ColumnCatalog.Column;
import dev.fraiseql.core.schema.ScalarKind;
import dev.fraiseql.core.schema.TypeDef;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class RealColumnChoiceTest {

    /** Columns of the given types, none of them NOT NULL. */
    private static TypeDef bound(Map<String, String> types) {
        Map<String, Column> columns = new LinkedHashMap<>();
        types.forEach((name, type) -> columns.put(name, new Column(type, false)));
        return boundTo(columns);
    }

    /** The type of Query.events bound to a view reporting {@code columns}: the choice is made from them alone. */
    private static TypeDef boundTo(Map<String, Column> columns) {
        TypeDefinitionRegistry registry = new SchemaParser().parse("""
                type Query { events: [Event!]! @fraiseql(view: "v_event") }
                type Event { id: ID! createdAt: DateTime updatedAt: DateTime opensAt: Time closesAt: Time }
                """);
        List<FieldBinding> bindings = SchemaReader.bindings(registry, List.of());
        return SchemaReader.read(registry, bindings, Map.of("v_event", columns)).boundTypes().get("Query.events");
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
        TypeDef event = boundTo(Map.of("id", new Column("text", true),
                "created_at", new Column("timestamptz", true),
                "opens_at", new Column("time", false),
                "updated_at", new Column("timestamp", true)));

        assertThat(event.fields().get("id").nonNull()).as("ID! in the schema").isTrue();
        assertThat(event.fields().get("createdAt").nonNull()).as("nullable in the schema, NOT NULL column").isTrue();
        assertThat(event.fields().get("opensAt").nonNull()).as("nullable in both").isFalse();
        // A NOT NULL column the field cannot use says nothing about the JSONB value the field reads instead.
        assertThat(event.fields().get("updatedAt").nonNull()).as("NOT NULL column of another type").isFalse();
        assertThat(event.fields().get("closesAt").nonNull()).as("no column").isFalse();
    }

    @Test
    void anIdHeldInAUuidColumnComparesAsAUuidSoThePrimaryKeyServesLookups() {
        TypeDef event = boundTo(Map.of("id", new Column("uuid", true)));

        assertThat(event.fields().get("id").column()).isEqualTo("id");
        assertThat(event.fields().get("id").scalar()).isEqualTo(ScalarKind.UUID);
    }
}
