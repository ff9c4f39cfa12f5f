package dev.fraiseql.core.schema;

import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


class SchemaTest {

    @Test
    void namesConvertBetweenCamelAndSnakeCase() {
        assertThat(Names.toSnakeCase("userName")).isEqualTo("user_name");
        assertThat(Names.toSnakeCase("dns1")).isEqualTo("dns_1");
        assertThat(Names.toSnakeCase("publishedYear")).isEqualTo("published_year");
        assertThat(Names.toSnakeCase("HTTPServer")).isEqualTo("http_server");
        assertThat(Names.toSnakeCase("id")).isEqualTo("id");
        assertThat(Names.toCamelCase("user_name")).isEqualTo("userName");
        assertThat(Names.toCamelCase("dns_1")).isEqualTo("dns1");
        assertThat(Names.toCamelCase("_private_key")).isEqualTo("_privateKey");
    }

    @Test
    void fieldsDefaultToSnakeCaseKeys() {
        FieldDef f = FieldDef.scalar("publishedYear", ScalarKind.INT).withColumn("published_year");
        assertThat(f.jsonKey()).isEqualTo("published_year");
        assertThat(f.column()).isEqualTo("published_year");
        assertThat(FieldDef.scalar("tags", ScalarKind.STRING).asList().typeLabel()).isEqualTo("[STRING]");
        assertThatThrownBy(() -> FieldDef.scalar("bad-name", ScalarKind.INT))
                .hasMessage("Invalid field name \"bad-name\": a field name must match [_A-Za-z][_0-9A-Za-z]*");
    }

    @Test
    void registryChecksNestedTypes() {
        assertThatThrownBy(() -> TypeRegistry.builder()
                .type("Book", "v_book", FieldDef.object("author", "Author")).build())
                .hasMessage("Field Book.author refers to type Author, which is not registered:"
                        + " register it (with view null if it is only nested)");
        TypeRegistry r = TypeRegistry.builder()
                .type("Book", "app.v_book", FieldDef.object("author", "Author"))
                .type("Author", null, FieldDef.scalar("name", ScalarKind.STRING))
                .build();
        assertThat(r.type("Book").dataColumn()).isEqualTo("data");
        assertThat(r.find("Author")).isPresent();
        assertThatThrownBy(() -> r.type("Nope"))
                .hasMessage("Unknown type Nope: register it in the TypeRegistry (known types: Book, Author)");
    }

    @Test
    void columnTypesMapToScalarKinds() {
        assertThat(ScalarKind.ofColumnType("uuid")).contains(ScalarKind.UUID);
        assertThat(ScalarKind.ofColumnType("int4")).contains(ScalarKind.INT);
        assertThat(ScalarKind.ofColumnType("timestamptz")).contains(ScalarKind.DATETIME);
        assertThat(ScalarKind.ofColumnType("varchar")).contains(ScalarKind.STRING);
        assertThat(ScalarKind.ofColumnType("box")).isEmpty();
    }
}
