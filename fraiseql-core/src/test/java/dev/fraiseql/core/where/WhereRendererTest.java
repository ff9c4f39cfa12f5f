package dev.fraiseql.core.where;

import dev.fraiseql.core.sql.SqlStatement;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import static dev.fraiseql.core.where.Fixtures.m;
import static dev.fraiseql.core.where.Fixtures.where;
import static org.assertj.core.api.Assertions.assertThat;


class WhereRendererTest {

    private static final String D = "\"t\".\"data\"";

    static void assertSql(Map<String, Object> filter, String text, Object... params) {
        SqlStatement s = where(filter);
        assertThat(s.text()).isEqualTo(text);
        assertThat(s.parameters()).containsExactly(params);
    }

    @Nested
    class Strings {
        @Test
        void eqAndNeqCompareText() {
            assertSql(m("title", m("eq", "Dune")), D + "->>'title' = ?", "Dune");
            assertSql(m("title", m("neq", "Dune")), D + "->>'title' <> ?", "Dune");
        }

        @Test
        void containsFamilyEscapesWildcards() {
            assertSql(m("title", m("contains", "50%_off\\")), D + "->>'title' LIKE ?", "%50\\%\\_off\\\\%");
            assertSql(m("title", m("icontains", "a")), D + "->>'title' ILIKE ?", "%a%");
            assertSql(m("title", m("startswith", "pr_")), D + "->>'title' LIKE ?", "pr\\_%");
            assertSql(m("title", m("istartswith", "Pr")), D + "->>'title' ILIKE ?", "Pr%");
            assertSql(m("title", m("endswith", "%")), D + "->>'title' LIKE ?", "%\\%");
            assertSql(m("title", m("iendswith", "X")), D + "->>'title' ILIKE ?", "%X");
        }

        @Test
        void likeAndIlikeKeepTheUsersPattern() {
            assertSql(m("title", m("like", "D_n%")), D + "->>'title' LIKE ?", "D_n%");
            assertSql(m("title", m("ilike", "d_n%")), D + "->>'title' ILIKE ?", "d_n%");
        }

        @Test
        void regexOperatorsUsePosixMatching() {
            assertSql(m("title", m("matches", "^D")), D + "->>'title' ~ ?", "^D");
            assertSql(m("title", m("imatches", "^d")), D + "->>'title' ~* ?", "^d");
            assertSql(m("title", m("notMatches", "x$")), D + "->>'title' !~ ?", "x$");
        }

        @Test
        void inUsesOneArrayParameter() {
            assertSql(m("title", m("in", List.of("a", "b"))), D + "->>'title' = ANY(?::text[])",
                    (Object) new String[] {"a", "b"});
            assertSql(m("title", m("nin", List.of("a"))), D + "->>'title' <> ALL(?::text[])",
                    (Object) new String[] {"a"});
        }

        @Test
        void emptyInListMatchesNothing() {
            assertSql(m("title", m("in", List.of())), "FALSE");
        }

        @Test
        void emptyNinListMatchesEverything() {
            assertSql(m("title", m("nin", List.of())), "TRUE");
        }

        @Test
        void isnullTrueAndFalse() {
            assertSql(m("title", m("isnull", true)), D + "->>'title' IS NULL");
            assertSql(m("title", m("isnull", false)), D + "->>'title' IS NOT NULL");
        }
    }

    @Nested
    class NumbersAndDates {
        @Test
        void intsCompareAsNumbersWithTheIndexableCast() {
            assertSql(m("publishedYear", m("gt", 9)), "(" + D + "->>'published_year')::int > ?::int", 9);
            assertSql(m("publishedYear", m("gte", 9)), "(" + D + "->>'published_year')::int >= ?::int", 9);
            assertSql(m("publishedYear", m("lt", 10)), "(" + D + "->>'published_year')::int < ?::int", 10);
            assertSql(m("publishedYear", m("lte", 10)), "(" + D + "->>'published_year')::int <= ?::int", 10);
            assertSql(m("publishedYear", m("eq", 10L)), "(" + D + "->>'published_year')::int = ?::int", 10);
            assertSql(m("publishedYear", m("neq", 10)), "(" + D + "->>'published_year')::int <> ?::int", 10);
        }

        @Test
        void inOnIntsBindsAnIntegerArray() {
            assertSql(m("publishedYear", m("in", List.of(1, 2))), "(" + D + "->>'published_year')::int = ANY(?::int[])",
                    (Object) new Integer[] {1, 2});
            assertSql(m("publishedYear", m("nin", List.of(3))), "(" + D + "->>'published_year')::int <> ALL(?::int[])",
                    (Object) new Integer[] {3});
        }

        @Test
        void otherNumericKindsCastToTheirType() {
            assertSql(m("sold", m("gt", 5)), "(" + D + "->>'sold')::bigint > ?::bigint", 5L);
            assertSql(m("price", m("lt", 9.5)), "(" + D + "->>'price')::float8 < ?::float8", 9.5);
            assertSql(m("rating", m("gte", new BigDecimal("4.5"))), "(" + D + "->>'rating')::numeric >= ?::numeric",
                    new BigDecimal("4.5"));
        }

        @Test
        void realColumnsAreUsedAsIs() {
            assertSql(m("pages", m("gt", 100)), "\"t\".\"pages\" > ?::int", 100);
            assertSql(m("pages", m("isnull", true)), "\"t\".\"pages\" IS NULL");
        }

        @Test
        void datesAndTimesCompareAsDatesAndTimes() {
            assertSql(m("publishedOn", m("gte", "2024-01-31")), "(" + D + "->>'published_on')::date >= ?::date",
                    "2024-01-31");
            assertSql(m("updatedAt", m("lt", "2024-01-31T10:00:00+02:00")),
                    "(" + D + "->>'updated_at')::timestamptz < ?::timestamptz", "2024-01-31T10:00+02:00");
            assertSql(m("opensAt", m("eq", "09:30")), "(" + D + "->>'opens_at')::time = ?::time", "09:30");
            assertSql(m("publishedOn", m("in", List.of("2024-01-01"))),
                    "(" + D + "->>'published_on')::date = ANY(?::date[])", (Object) new String[] {"2024-01-01"});
        }
    }

    @Nested
    class BooleansIdsAndEnums {
        @Test
        void booleans() {
            assertSql(m("available", m("eq", true)), "(" + D + "->>'available')::boolean = ?::boolean", true);
            assertSql(m("available", m("neq", false)), "(" + D + "->>'available')::boolean <> ?::boolean", false);
            assertSql(m("available", m("isnull", true)), D + "->>'available' IS NULL");
        }

        @Test
        void uuidsAreNormalizedAndCast() {
            assertSql(m("id", m("eq", "123E4567-E89B-12D3-A456-426614174000")), "\"t\".\"id\" = ?::uuid",
                    "123e4567-e89b-12d3-a456-426614174000");
            assertSql(m("id", m("nin", List.of("123e4567-e89b-12d3-a456-426614174000"))),
                    "\"t\".\"id\" <> ALL(?::uuid[])", (Object) new String[] {"123e4567-e89b-12d3-a456-426614174000"});
            assertSql(m("tenantId", m("neq", java.util.UUID.fromString("123e4567-e89b-12d3-a456-426614174000"))),
                    "\"t\".\"tenant_id\" <> ?::uuid", "123e4567-e89b-12d3-a456-426614174000");
        }

        @Test
        void uuidsCompareInOrderSoAClientCanWriteItsOwnKeyset() {
            assertSql(m("id", m("gt", "123E4567-E89B-12D3-A456-426614174000")), "\"t\".\"id\" > ?::uuid",
                    "123e4567-e89b-12d3-a456-426614174000");
            assertSql(m("tenantId", m("lte", "123e4567-e89b-12d3-a456-426614174000")), "\"t\".\"tenant_id\" <= ?::uuid",
                    "123e4567-e89b-12d3-a456-426614174000");
        }

        @Test
        void idsAndEnumsCompareAsText() {
            assertSql(m("code", m("eq", 42)), D + "->>'code' = ?", "42");
            assertSql(m("status", m("in", List.of("ACTIVE", "DRAFT"))), D + "->>'status' = ANY(?::text[])",
                    (Object) new String[] {"ACTIVE", "DRAFT"});
            assertSql(m("status", m("neq", "DRAFT")), D + "->>'status' <> ?", "DRAFT");
        }
    }

    @Nested
    class Arrays_ {
        private final String tags = D + "->'tags'";

        @Test
        void equalityAndContainment() {
            assertSql(m("tags", m("eq", List.of("a", "b"))), tags + " = ?::jsonb", "[\"a\",\"b\"]");
            assertSql(m("tags", m("neq", List.of("a"))), tags + " <> ?::jsonb", "[\"a\"]");
            assertSql(m("tags", m("contains", List.of("a"))), tags + " @> ?::jsonb", "[\"a\"]");
            assertSql(m("tags", m("containedBy", List.of("a", "b"))), tags + " <@ ?::jsonb", "[\"a\",\"b\"]");
            assertSql(m("scores", m("contains", List.of(1, 2))), D + "->'scores' @> ?::jsonb", "[1,2]");
        }

        @Test
        void overlapsTestsEachElement() {
            assertSql(m("tags", m("overlaps", List.of("a", "b"))), tags + " @> ANY(?::jsonb[])",
                    (Object) new String[] {"\"a\"", "\"b\""});
            assertSql(m("tags", m("overlaps", List.of())), "FALSE");
        }

        @Test
        void lengthsAreGuardedAgainstNonArrays() {
            String len = "CASE WHEN jsonb_typeof(" + tags + ") = 'array' THEN jsonb_array_length(" + tags + ") END";
            assertSql(m("tags", m("lenEq", 2)), len + " = ?::int", 2);
            assertSql(m("tags", m("lenGt", 2)), len + " > ?::int", 2);
            assertSql(m("tags", m("lenGte", 2)), len + " >= ?::int", 2);
            assertSql(m("tags", m("lenLt", 2)), len + " < ?::int", 2);
            assertSql(m("tags", m("lenLte", 2)), len + " <= ?::int", 2);
        }

        @Test
        void anyEqAndAllEq() {
            assertSql(m("tags", m("anyEq", "a")), tags + " @> ?::jsonb", "[\"a\"]");
            assertSql(m("tags", m("allEq", "a")), tags + " <@ ?::jsonb", "[\"a\"]");
            assertSql(m("tags", m("isnull", true)), D + "->>'tags' IS NULL");
        }
    }

    @Nested
    class Json {
        private final String md = D + "->'metadata'";

        @Test
        void jsonOperatorsNeverEmitABareQuestionMarkOperator() {
            assertSql(m("metadata", m("eq", m("a", 1))), md + " = ?::jsonb", "{\"a\":1}");
            assertSql(m("metadata", m("contains", m("a", List.of(true, "x")))), md + " @> ?::jsonb",
                    "{\"a\":[true,\"x\"]}");
            assertSql(m("metadata", m("containedBy", m())), md + " <@ ?::jsonb", "{}");
            assertSql(m("metadata", m("hasKey", "a")), "jsonb_exists(" + md + ", ?)", "a");
            assertSql(m("metadata", m("hasAnyKeys", List.of("a", "b"))), "jsonb_exists_any(" + md + ", ?::text[])",
                    (Object) new String[] {"a", "b"});
            assertSql(m("metadata", m("hasAllKeys", List.of("a"))), "jsonb_exists_all(" + md + ", ?::text[])",
                    (Object) new String[] {"a"});
            assertSql(m("metadata", m("isnull", false)), D + "->>'metadata' IS NOT NULL");
        }
    }

    @Nested
    class Network {
        private final String ip = "(" + D + "->>'ip')::inet";

        @Test
        void inetOperators() {
            assertSql(m("ip", m("eq", "10.0.0.1")), ip + " = ?::inet", "10.0.0.1");
            assertSql(m("ip", m("neq", "::1")), ip + " <> ?::inet", "::1");
            assertSql(m("ip", m("in", List.of("10.0.0.1"))), ip + " = ANY(?::inet[])", (Object) new String[] {"10.0.0.1"});
            assertSql(m("ip", m("nin", List.of("10.0.0.1"))), ip + " <> ALL(?::inet[])",
                    (Object) new String[] {"10.0.0.1"});
            assertSql(m("ip", m("inSubnet", "192.168.0.0/16")), ip + " <<= ?::inet", "192.168.0.0/16");
            assertSql(m("ip", m("isPrivate", true)), ip + " <<= ANY (" + WhereRenderer.PRIVATE_NETWORKS + ")");
            assertSql(m("ip", m("isPublic", true)), "NOT (" + ip + " <<= ANY (" + WhereRenderer.PRIVATE_NETWORKS + "))");
            assertSql(m("ip", m("isPrivate", false)), "NOT (" + ip + " <<= ANY (" + WhereRenderer.PRIVATE_NETWORKS + "))");
            assertSql(m("ip", m("isIPv4", true)), "family(" + ip + ") = 4");
            assertSql(m("ip", m("isIPv6", true)), "family(" + ip + ") = 6");
            assertSql(m("ip", m("isIPv6", false)), "family(" + ip + ") <> 6");
            assertSql(m("ip", m("isnull", true)), D + "->>'ip' IS NULL");
        }

        @Test
        void cidrAndMacaddr() {
            assertSql(m("network", m("eq", "10.0.0.0/8")), "(" + D + "->>'network')::cidr = ?::cidr", "10.0.0.0/8");
            assertSql(m("mac", m("eq", "08:00:2B:01:02:03")), "(" + D + "->>'mac')::macaddr = ?::macaddr",
                    "08:00:2b:01:02:03");
            assertSql(m("mac", m("in", List.of("08-00-2b-01-02-03"))), "(" + D + "->>'mac')::macaddr = ANY(?::macaddr[])",
                    (Object) new String[] {"08-00-2b-01-02-03"});
        }
    }

    @Nested
    class LtreeRangesAndFullText {
        @Test
        void ltreeOperators() {
            String c = "(" + D + "->>'category')::ltree";
            assertSql(m("category", m("eq", "top.science")), c + " = ?::ltree", "top.science");
            assertSql(m("category", m("ancestorOf", "top.science.physics")), c + " @> ?::ltree", "top.science.physics");
            assertSql(m("category", m("descendantOf", "top")), c + " <@ ?::ltree", "top");
            assertSql(m("category", m("matchesLquery", "*.science.*")), c + " ~ ?::lquery", "*.science.*");
        }

        @Test
        void daterangeOperators() {
            String p = "(" + D + "->>'period')::daterange";
            assertSql(m("period", m("eq", "[2024-01-01,2024-02-01)")), p + " = ?::daterange", "[2024-01-01,2024-02-01)");
            assertSql(m("period", m("containsDate", "2024-01-15")), p + " @> ?::date", "2024-01-15");
            assertSql(m("period", m("overlaps", "[2024-01-01,)")), p + " && ?::daterange", "[2024-01-01,)");
            assertSql(m("period", m("adjacent", "[2024-02-01,2024-03-01)")), p + " -|- ?::daterange",
                    "[2024-02-01,2024-03-01)");
            assertSql(m("period", m("strictlyLeft", "empty")), p + " << ?::daterange", "empty");
            assertSql(m("period", m("strictlyRight", "(,2023-12-31]")), p + " >> ?::daterange", "(,2023-12-31]");
        }

        @Test
        void fullTextOperators() {
            assertSql(m("search", m("matches", "cat & dog")), "\"t\".\"search\" @@ to_tsquery(?)", "cat & dog");
            assertSql(m("search", m("plainQuery", "cat dog")), "\"t\".\"search\" @@ plainto_tsquery(?)", "cat dog");
            assertSql(m("search", m("phraseQuery", "cat dog")), "\"t\".\"search\" @@ phraseto_tsquery(?)", "cat dog");
            assertSql(m("search", m("websearchQuery", "\"cat\" -dog")), "\"t\".\"search\" @@ websearch_to_tsquery(?)",
                    "\"cat\" -dog");
            assertSql(m("summary", m("plainQuery", "cat")), "to_tsvector(" + D + "->>'summary') @@ plainto_tsquery(?)",
                    "cat");
        }
    }

    @Nested
    class LogicAndNesting {
        @Test
        void emptyFilterIsTrue() {
            assertSql(m(), "TRUE");
            assertSql(null, "TRUE");
        }

        @Test
        void entriesOfOneObjectAreAndedInParentheses() {
            assertSql(m("title", m("eq", "a"), "publishedYear", m("gt", 1, "lt", 5)),
                    "(" + D + "->>'title' = ? AND ((" + D + "->>'published_year')::int > ?::int AND ("
                            + D + "->>'published_year')::int < ?::int))", "a", 1, 5);
        }

        @Test
        void orAndNotKeepTheirParentheses() {
            assertSql(m("OR", List.of(m("title", m("eq", "a")), m("title", m("eq", "b"), "pages", m("gt", 1))),
                            "NOT", m("available", m("eq", true))),
                    "((" + D + "->>'title' = ? OR (" + D + "->>'title' = ? AND \"t\".\"pages\" > ?::int)) AND NOT (("
                            + D + "->>'available')::boolean = ?::boolean))", "a", "b", 1, true);
        }

        @Test
        void emptyAndIsTrueAndEmptyOrIsFalse() {
            assertSql(m("AND", List.of()), "TRUE");
            assertSql(m("OR", List.of()), "FALSE");
            assertSql(m("NOT", m()), "NOT (TRUE)");
        }

        @Test
        void nullEntriesAreIgnoredAsAbsentInputs() {
            assertSql(m("title", null, "pages", m("eq", 3)), "\"t\".\"pages\" = ?::int", 3);
        }

        @Test
        void nestedObjectsFollowTheJsonbPath() {
            assertSql(m("author", m("name", m("eq", "Le Guin"))), D + "->'author'->>'name' = ?", "Le Guin");
            assertSql(m("author", m("address", m("city", m("startswith", "Port")))),
                    D + "->'author'->'address'->>'city' LIKE ?", "Port%");
            assertSql(m("author", m("birthYear", m("lt", 1950), "OR", List.of(m("name", m("isnull", true))))),
                    "((" + D + "->'author'->>'birth_year')::int < ?::int AND " + D + "->'author'->>'name' IS NULL)",
                    1950);
        }

        @Test
        void deeplyNestedAndOrRendersBalancedParentheses() {
            Map<String, Object> f = m("title", m("eq", "x"));
            for (int i = 0; i < 40; i++) {
                f = m(i % 2 == 0 ? "AND" : "OR", List.of(f, m("pages", m("eq", i))));
            }
            SqlStatement s = where(f);
            long open = s.text().chars().filter(c -> c == '(').count();
            long close = s.text().chars().filter(c -> c == ')').count();
            assertThat(open).isEqualTo(close).isEqualTo(40);
            assertThat(s.parameters()).hasSize(41);
            assertThat(s.text()).startsWith("(((((").endsWith(" OR \"t\".\"pages\" = ?::int)");
            assertThat(Arrays.asList(s.parameters().get(0), s.parameters().get(40))).containsExactly("x", 39);
        }
    }

    @Nested
    class ListsOfObjects {

        private static final String ELEMENTS = "jsonb_array_elements(CASE jsonb_typeof(" + D + "->'reviews') WHEN 'array'"
                + " THEN " + D + "->'reviews' END) AS \"e1\"(value)";

        @Test
        void someWithOnlyEqualitiesIsAContainmentTestThatAGinIndexServes() {
            assertSql(m("reviews", m("some", m("stars", m("eq", 5), "reviewer", m("eq", "Ann \"A\"")))),
                    D + " @> ?::jsonb", "{\"reviews\":[{\"stars\":5,\"reviewer\":\"Ann \\\"A\\\"\"}]}");
            assertSql(m("reviews", m("none", m("reviewer", m("eq", "Bob")))),
                    "(" + D + " @> ?::jsonb) IS NOT TRUE", "{\"reviews\":[{\"reviewer\":\"Bob\"}]}");
        }

        @Test
        void containmentFollowsTheNestedObjectsLeadingToTheList() {
            assertSql(m("author", m("prizes", m("some", m("text", m("eq", "Hugo"))))),
                    D + " @> ?::jsonb", "{\"author\":{\"prizes\":[{\"text\":\"Hugo\"}]}}");
            assertSql(m("author", m("prizes", m("some", m("text", m("startswith", "H"))))),
                    "EXISTS (SELECT 1 FROM jsonb_array_elements(CASE jsonb_typeof(" + D + "->'author'->'prizes')"
                            + " WHEN 'array' THEN " + D + "->'author'->'prizes' END) AS \"e1\"(value)"
                            + " WHERE \"e1\".\"value\"->>'text' LIKE ?)", "H%");
        }

        @Test
        void someWithAnyOtherOperatorIsAnExistsOverTheElementsWithTypedComparisons() {
            assertSql(m("reviews", m("some", m("stars", m("gte", 4)))),
                    "EXISTS (SELECT 1 FROM " + ELEMENTS + " WHERE (\"e1\".\"value\"->>'stars')::int >= ?::int)", 4);
            assertSql(m("reviews", m("some", m("postedOn", m("eq", "2024-05-01")))),
                    "EXISTS (SELECT 1 FROM " + ELEMENTS + " WHERE (\"e1\".\"value\"->>'posted_on')::date = ?::date)",
                    "2024-05-01");
        }

        @Test
        void everyFailsOnAnElementTheFilterRejectsOrCannotJudge() {
            assertSql(m("reviews", m("every", m("stars", m("gte", 4), "reviewer", m("eq", "Ann")))),
                    "NOT EXISTS (SELECT 1 FROM " + ELEMENTS + " WHERE (((\"e1\".\"value\"->>'stars')::int >= ?::int"
                            + " AND \"e1\".\"value\"->>'reviewer' = ?)) IS NOT TRUE)", 4, "Ann");
        }

        @Test
        void noneWithARangeIsANotExists() {
            assertSql(m("reviews", m("none", m("stars", m("lt", 2)))),
                    "NOT EXISTS (SELECT 1 FROM " + ELEMENTS + " WHERE (\"e1\".\"value\"->>'stars')::int < ?::int)", 2);
        }

        @Test
        void anEmptyElementFilterAsksWhetherTheListHasElements() {
            assertSql(m("reviews", m("some", m())), "EXISTS (SELECT 1 FROM " + ELEMENTS + " WHERE TRUE)");
            assertSql(m("reviews", m("none", m())), "NOT EXISTS (SELECT 1 FROM " + ELEMENTS + " WHERE TRUE)");
            assertSql(m("reviews", m("every", m())), "NOT EXISTS (SELECT 1 FROM " + ELEMENTS + " WHERE (TRUE) IS NOT TRUE)");
        }

        @Test
        void quantifiersCombineWithEachOtherAndWithAndOrNot() {
            assertSql(m("reviews", m("some", m("stars", m("eq", 5)), "every", m("stars", m("gt", 1))),
                    "OR", List.of(m("title", m("eq", "x")), m("NOT", m("reviews", m("some", m("stars", m("eq", 1))))))),
                    "((" + D + " @> ?::jsonb AND NOT EXISTS (SELECT 1 FROM " + ELEMENTS
                            + " WHERE ((\"e1\".\"value\"->>'stars')::int > ?::int) IS NOT TRUE)) AND (" + D
                            + "->>'title' = ? OR NOT (" + D + " @> ?::jsonb)))",
                    "{\"reviews\":[{\"stars\":5}]}", 1, "x", "{\"reviews\":[{\"stars\":1}]}");
        }

        @Test
        void nestedListsNameEachLevelsElementsAndCompareInsideWithAnExists() {
            assertSql(m("reviews", m("some", m("stars", m("gt", 3), "replies", m("some", m("text", m("eq", "yes")))))),
                    "EXISTS (SELECT 1 FROM " + ELEMENTS + " WHERE ((\"e1\".\"value\"->>'stars')::int > ?::int AND"
                            + " EXISTS (SELECT 1 FROM jsonb_array_elements(CASE jsonb_typeof(\"e1\".\"value\"->'replies')"
                            + " WHEN 'array' THEN \"e1\".\"value\"->'replies' END) AS \"e2\"(value)"
                            + " WHERE \"e2\".\"value\"->>'text' = ?)))",
                    3, "yes");
        }

        @Test
        void aNullQuantifierIsAnAbsentInput() {
            assertSql(m("reviews", m("some", null)), "TRUE");
        }
    }
}
