package dev.fraiseql.core.mutation;

import dev.fraiseql.core.sql.SqlStatement;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


class FunctionCallerTest {

    @Test
    void theCallSelectsTheFunctionsAnswerAsJsonTextWithTheInputAsOneJsonbParameter() {
        SqlStatement statement = FunctionCaller.statement("app.create_book", Map.of("title", "Dune"));

        assertThat(statement.text()).isEqualTo("SELECT to_jsonb(r)::text FROM \"app\".\"create_book\"(?::jsonb) r");
        assertThat(statement.parameters()).containsExactly("{\"title\":\"Dune\"}");
    }

    @Test
    void aBulkCallSendsItsListAsOneJsonArrayAndAnythingElseIsRefusedBeforeAConnectionIsTaken() {
        SqlStatement statement = FunctionCaller.statement("app.create_authors",
                List.of(Map.of("name", "Ann"), Map.of("homeCountry", "US")));

        assertThat(statement.parameters()).containsExactly("[{\"name\":\"Ann\"},{\"home_country\":\"US\"}]");
        assertThatThrownBy(() -> FunctionCaller.statement("app.create_authors", "Ann"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Mutation input must be a map (one object) or a list (several), was java.lang.String");
    }

    @Test
    void anUnqualifiedOrHostileFunctionNameIsOnlyEverAQuotedName() {
        assertThat(FunctionCaller.statement("createBook", Map.of()).text())
                .isEqualTo("SELECT to_jsonb(r)::text FROM \"createBook\"(?::jsonb) r");
        assertThat(FunctionCaller.statement("app.fn\"(); DROP TABLE book; --", Map.of()).text())
                .isEqualTo("SELECT to_jsonb(r)::text FROM \"app\".\"fn\"\"(); DROP TABLE book; --\"(?::jsonb) r");
    }

    @Test
    void aFunctionNameWithAnEmptyPartIsRejected() {
        for (String name : List.of("app.", ".create_book", "app..create_book")) {
            assertThatThrownBy(() -> FunctionCaller.statement(name, Map.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Invalid qualified name \"" + name + "\": it has an empty part; write name or"
                            + " schema.name, for example v_book or app.v_book");
        }
    }

    @Test
    void inputKeysAreSnakeCasedAllTheWayDownAndNullsAreKept() {
        Map<String, Object> author = new LinkedHashMap<>();
        author.put("firstName", "Frank");
        author.put("middleName", null);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("title", "Dune \"1\" l'été");
        input.put("publishedYear", 1965);
        input.put("authorInfo", author);
        input.put("tags", Arrays.asList(Map.of("tagName", "sf"), "plainText", null, List.of(Map.of("deepKey", 1))));
        input.put("isbn13", "978-0441013593");
        input.put("already_snake", true);
        input.put("HTTPServer", 1.5);
        input.put("price", new BigDecimal("19.990"));
        input.put("bigCount", new BigInteger("12345678901234567890123"));
        input.put("authorId", UUID.fromString("00000000-0000-0000-0000-00000000000a"));
        input.put("note", null);

        assertThat(FunctionCaller.inputJson(input)).isEqualTo("{\"title\":\"Dune \\\"1\\\" l'été\","
                + "\"published_year\":1965,\"author_info\":{\"first_name\":\"Frank\",\"middle_name\":null},"
                + "\"tags\":[{\"tag_name\":\"sf\"},\"plainText\",null,[{\"deep_key\":1}]],"
                + "\"isbn_13\":\"978-0441013593\",\"already_snake\":true,\"http_server\":1.5,\"price\":19.990,"
                + "\"big_count\":12345678901234567890123,\"author_id\":\"00000000-0000-0000-0000-00000000000a\","
                + "\"note\":null}");
    }

    @Test
    void anInputKeyThatIsNotAStringIsRejectedWithItsPath() {
        Map<Object, Object> inner = new LinkedHashMap<>();
        inner.put(7, "x");
        Map<String, Object> input = Map.of("items", List.of(Map.of(), inner));

        assertThatThrownBy(() -> FunctionCaller.inputJson(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Mutation input key 7 at input.items[1] is a java.lang.Integer; JSON object keys are"
                        + " strings");
    }

    @Test
    void anInputValueThatCannotBeWrittenAsJsonIsRejected() {
        assertThatThrownBy(() -> FunctionCaller.inputJson(Map.of("value", new Unwritable())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Mutation input cannot be written as JSON: no value here; pass maps, lists, strings,"
                        + " numbers, booleans and nulls");
    }

    /** A value whose only property cannot be read. */
    public static final class Unwritable {

        public String getValue() {
            throw new IllegalStateException("no value here");
        }
    }
}
