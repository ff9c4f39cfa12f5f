package dev.fraiseql.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlBuilderTest {

    @Test
    void textAndParametersAreBuiltTogether() {
        SqlStatement s = new SqlBuilder().append("SELECT ").identifier("data").append(" FROM ")
                .qualifiedName("app.v_book").append(" WHERE x = ").value(1).append(" AND y = ").value("a", "uuid")
                .build();
        assertThat(s.text()).isEqualTo("SELECT \"data\" FROM \"app\".\"v_book\" WHERE x = ? AND y = ?::uuid");
        assertThat(s.parameters()).containsExactly(1, "a");
    }

    @Test
    void identifiersAlwaysQuoteAndDoubleQuotes() {
        assertThat(new SqlBuilder().identifier("we\"ird; DROP TABLE x --").toString())
                .isEqualTo("\"we\"\"ird; DROP TABLE x --\"");
        assertThat(new SqlBuilder().identifier("Book").toString()).isEqualTo("\"Book\"");
    }

    @Test
    void identifiersRejectNulAndEmpty() {
        assertThatThrownBy(() -> new SqlBuilder().identifier("a\0b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid SQL identifier \"a\\0b\": it must not contain a NUL character");
        assertThatThrownBy(() -> new SqlBuilder().identifier(""))
                .hasMessage("Invalid SQL identifier: it must not be null or empty");
        assertThatThrownBy(() -> new SqlBuilder().qualifiedName("app..v"))
                .hasMessage("Invalid qualified name \"app..v\": empty part; write schema.name, for example app.v_book");
    }

    @Test
    void keyLiteralsOnlyAcceptGraphQlNames() {
        assertThat(new SqlBuilder().keyLiteral("published_year").toString()).isEqualTo("'published_year'");
        assertThatThrownBy(() -> new SqlBuilder().keyLiteral("a'b"))
                .hasMessage("Invalid key \"a'b\": a JSONB key rendered in SQL must match [_A-Za-z][_0-9A-Za-z]*");
        assertThatThrownBy(() -> new SqlBuilder().keyLiteral("1a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void castTypesAreChecked() {
        assertThat(new SqlBuilder().value(new String[] {"a"}, "text[]").toString()).isEqualTo("?::text[]");
        assertThatThrownBy(() -> new SqlBuilder().value(1, "int; drop"))
                .hasMessage("Invalid cast type \"int; drop\": expected a type name like int or text[]");
    }

    @Test
    void nullValuesBindAsTheNullMarker() {
        assertThat(new SqlBuilder().value(null).build().parameters())
                .isEqualTo(List.of(SqlStatement.NullParameter.INSTANCE));
    }
}
