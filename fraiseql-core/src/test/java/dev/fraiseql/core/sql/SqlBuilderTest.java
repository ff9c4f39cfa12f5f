package dev.fraiseql.core.sql;

import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


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
    }

    @Test
    void qualifiedNamesQuoteEveryPartAndDoubleQuotes() {
        assertThat(new SqlBuilder().qualifiedName("app.v_book").toString()).isEqualTo("\"app\".\"v_book\"");
        assertThat(new SqlBuilder().qualifiedName("Book").toString()).isEqualTo("\"Book\"");
        assertThat(new SqlBuilder().qualifiedName("we\"ird.v; DROP TABLE x --").toString())
                .isEqualTo("\"we\"\"ird\".\"v; DROP TABLE x --\"");
        assertThat(new SqlBuilder().qualifiedName("db.app.$$?/*").toString()).isEqualTo("\"db\".\"app\".\"$$?/*\"");
    }

    @Test
    void theQuotedTextOfAQualifiedNameIsWhatTheBuilderAppends() {
        assertThat(SqlBuilder.quotedQualifiedName("app.v_book")).isEqualTo("\"app\".\"v_book\"");
        assertThat(SqlBuilder.quotedQualifiedName("v_book")).isEqualTo("\"v_book\"");
        assertThat(SqlBuilder.quotedQualifiedName("Ap\"p.B'k")).isEqualTo("\"Ap\"\"p\".\"B'k\"");
    }

    @Test
    void aQualifiedNameWithAnEmptyPartIsRejectedAndNothingIsAppended() {
        for (String name : List.of("app.", ".fn", "a..b", ".")) {
            SqlBuilder sql = new SqlBuilder().append("SELECT * FROM ");
            assertThatThrownBy(() -> sql.qualifiedName(name))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Invalid qualified name \"" + name + "\": it has an empty part; write name or"
                            + " schema.name, for example v_book or app.v_book");
            assertThat(sql.toString()).isEqualTo("SELECT * FROM ");
            assertThatThrownBy(() -> SqlBuilder.quotedQualifiedName(name))
                    .hasMessageContaining("it has an empty part");
        }
    }

    @Test
    void anEmptyNullOrNulHoldingQualifiedNameIsRejected() {
        assertThatThrownBy(() -> new SqlBuilder().qualifiedName(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid qualified name \"\": it is empty; write name or schema.name, for example v_book"
                        + " or app.v_book");
        assertThatThrownBy(() -> SqlBuilder.quotedQualifiedName(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid qualified name: it is null; write name or schema.name, for example v_book or"
                        + " app.v_book");
        assertThatThrownBy(() -> new SqlBuilder().qualifiedName("app.v\0x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid qualified name \"app.v\\0x\": it must not contain a NUL character; remove it");
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
