package dev.fraiseql.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PgbenchScriptTest {

    @Test
    void placeholdersBecomeLiteralsInOrder() {
        UUID id = UUID.fromString("00002256-f69b-e790-cb23-717dcb9b4676");
        assertThat(Pgbench.inline("SELECT \"t\".\"data\" FROM \"tv_book\" AS \"t\" WHERE \"t\".\"id\" = ?::uuid LIMIT ?",
                List.of(id, 2)))
                .isEqualTo("SELECT \"t\".\"data\" FROM \"tv_book\" AS \"t\" WHERE \"t\".\"id\" ="
                        + " '00002256-f69b-e790-cb23-717dcb9b4676'::uuid LIMIT 2");
    }

    @Test
    void questionMarksInQuotesAndDoubledOperatorsAreNotPlaceholders() {
        assertThat(Pgbench.inline("SELECT '?', \"a?\" FROM t WHERE d ?? 'k' AND x = ?", List.of("it's")))
                .isEqualTo("SELECT '?', \"a?\" FROM t WHERE d ? 'k' AND x = 'it''s'");
    }

    @Test
    void quotesWithDoubledQuotesInsideAreSkippedWhole() {
        assertThat(Pgbench.inline("SELECT 'a''?' || ?", List.of(1))).isEqualTo("SELECT 'a''?' || 1");
    }

    @Test
    void aColonBeforeANameIsHiddenFromPgbenchInAnEscapeString() {
        assertThat(Pgbench.literal("{\"price\":12.5,\"a\":\"b\\\\c\"}"))
                .isEqualTo("E'{\"price\"\\x3a12.5,\"a\"\\x3a\"b\\\\\\\\c\"}'");
        assertThat(Pgbench.literal("a::b")).isEqualTo("E'a\\x3a\\x3ab'");
        assertThat(Pgbench.literal("no colon")).isEqualTo("'no colon'");
    }

    @Test
    void nullsNumbersBooleansAndArraysAreWrittenAsPostgreSqlReadsThem() {
        assertThat(Pgbench.literal(null)).isEqualTo("NULL");
        assertThat(Pgbench.literal(101)).isEqualTo("101");
        assertThat(Pgbench.literal(true)).isEqualTo("true");
        assertThat(Pgbench.literal(new String[] {"a", "b\"c", null})).isEqualTo("'{\"a\",\"b\\\"c\",NULL}'");
    }

    @Test
    void aScriptEndsEveryStatementWithASemicolon() {
        assertThat(Pgbench.script(List.of(new SqlRecorder.Recorded("BEGIN", List.of()),
                new SqlRecorder.Recorded("SELECT ?", Arrays.asList((Object) null)),
                new SqlRecorder.Recorded("COMMIT", List.of()))))
                .isEqualTo("BEGIN;\nSELECT NULL;\nCOMMIT;\n");
    }

    @Test
    void valuesThatDoNotMatchThePlaceholdersAreRejected() {
        assertThatThrownBy(() -> Pgbench.inline("SELECT ?", List.of()))
                .hasMessage("More placeholders than values in SELECT ?");
        assertThatThrownBy(() -> Pgbench.inline("SELECT 1", List.of(1)))
                .hasMessage("1 values for 0 placeholders in SELECT 1");
    }
}
