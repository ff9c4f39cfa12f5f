package dev.fraiseql.core.where;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static dev.fraiseql.core.where.Fixtures.m;
import static dev.fraiseql.core.where.Fixtures.where;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


class FilterErrorsTest {

    private static void fails(Map<String, Object> filter, String path, Object value, String message) {
        assertThatThrownBy(() -> where(filter))
                .isInstanceOfSatisfying(FilterException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.path()).isEqualTo(path);
                    org.assertj.core.api.Assertions.assertThat(e.value()).isEqualTo(value);
                })
                .hasMessage(message);
    }

    @Test
    void malformedUuid() {
        fails(m("id", m("eq", "abc")), "where.id.eq", "abc", "Invalid value for where.id.eq: \"abc\" is not a UUID");
        for (String bad : new String[] {"123e4567e89b-12d3-a456-4266141740000", "123e4567-e89b-12d3-a456-42661417400g",
                "123e4567-e89b-12d3-a456-42661417400", "123e4567-e89b-12d3-a456-4266141740000", "{123e4567-e89b-12d3-a456-4266}"}) {
            fails(m("id", m("eq", bad)), "where.id.eq", bad, "Invalid value for where.id.eq: \"" + bad + "\" is not a UUID");
        }
    }

    @Test
    void malformedDateAndDateTime() {
        fails(m("publishedOn", m("gt", "2024-13-01")), "where.publishedOn.gt", "2024-13-01",
                "Invalid value for where.publishedOn.gt: \"2024-13-01\" is not a date (expected YYYY-MM-DD, for example 2024-05-31)");
        fails(m("updatedAt", m("lt", "2024-01-01T10:00")), "where.updatedAt.lt", "2024-01-01T10:00",
                "Invalid value for where.updatedAt.lt: \"2024-01-01T10:00\" is not a date-time with offset"
                        + " (expected ISO-8601, for example 2024-05-31T12:00:00Z)");
    }

    @Test
    void malformedInetCidrAndMacaddr() {
        fails(m("ip", m("eq", "256.1.1.1")), "where.ip.eq", "256.1.1.1",
                "Invalid value for where.ip.eq: \"256.1.1.1\" is not an IP address (for example 192.168.1.1 or 10.0.0.0/8 or ::1)");
        fails(m("ip", m("inSubnet", "example.com")), "where.ip.inSubnet", "example.com",
                "Invalid value for where.ip.inSubnet: \"example.com\" is not an IP address (for example 192.168.1.1 or 10.0.0.0/8 or ::1)");
        fails(m("network", m("eq", "10.0.0.1/8")), "where.network.eq", "10.0.0.1/8",
                "Invalid value for where.network.eq: \"10.0.0.1/8\" is not a CIDR network (for example 10.0.0.0/8; host bits must be zero)");
        fails(m("mac", m("eq", "08:00:2b")), "where.mac.eq", "08:00:2b",
                "Invalid value for where.mac.eq: \"08:00:2b\" is not a MAC address (for example 08:00:2b:01:02:03)");
    }

    @Test
    void aNumberWithAHugeExponentIsRejectedWithoutExpandingIt() {
        java.math.BigDecimal huge = new java.math.BigDecimal("1e40000000");
        fails(m("publishedYear", m("gt", huge)), "where.publishedYear.gt", huge,
                "Invalid value for where.publishedYear.gt: 1E+40000000 is not an Int (a whole number from -2147483648 to 2147483647)");
    }

    @Test
    void wrongJavaType() {
        fails(m("publishedYear", m("gt", "9")), "where.publishedYear.gt", "9",
                "Invalid value for where.publishedYear.gt: \"9\" is not an Int (a whole number from -2147483648 to 2147483647)");
        fails(m("publishedYear", m("gt", 3_000_000_000L)), "where.publishedYear.gt", 3_000_000_000L,
                "Invalid value for where.publishedYear.gt: 3000000000 is not an Int (a whole number from -2147483648 to 2147483647)");
        fails(m("title", m("eq", 5)), "where.title.eq", 5,
                "Invalid value for where.title.eq: 5 is not a String (got a number)");
        fails(m("available", m("eq", "yes")), "where.available.eq", "yes",
                "Invalid value for where.available.eq: \"yes\" is not a Boolean (true or false)");
        fails(m("title", m("in", "a")), "where.title.in", "a", "Invalid value for where.title.in: \"a\" is not a list (got a String)");
        fails(m("title", "Dune"), "where.title", "Dune",
                "Invalid value for where.title: \"Dune\" is not an operator object such as {eq: ...}");
    }

    @Test
    void nullOperandPointsAtIsnull() {
        fails(m("title", m("eq", null)), "where.title.eq", null,
                "Invalid value for where.title.eq: null is not a valid operand; to test for a missing value use {isnull: true}");
        fails(m("title", m("in", java.util.Arrays.asList("a", null))), "where.title.in[1]", null,
                "Invalid value for where.title.in[1]: null is not a valid operand; to test for a missing value use {isnull: true}");
    }

    @Test
    void unknownOperatorListsTheAcceptedOnes() {
        fails(m("available", m("gt", true)), "where.available.gt", true,
                "Unknown operator where.available.gt: a BOOLEAN field accepts eq, neq, isnull");
        fails(m("tags", m("like", "a")), "where.tags.like", "a",
                "Unknown operator where.tags.like: a [STRING] field accepts eq, neq, contains, containedBy, overlaps,"
                        + " lenEq, lenGt, lenGte, lenLt, lenLte, anyEq, allEq, isnull");
    }

    @Test
    void unknownFieldListsTheFieldsOfTheType() {
        fails(m("author", m("nom", m("eq", "x"))), "where.author.nom", m("eq", "x"),
                "Unknown field where.author.nom: type Author has no field nom (fields: name, birthYear, address, prizes, AND, OR, NOT)");
    }

    @Test
    void errorsInsideLogicalListsNameTheIndex() {
        fails(m("OR", List.of(m("pages", m("eq", 1)), m("pages", m("eq", "x")))), "where.OR[1].pages.eq", "x",
                "Invalid value for where.OR[1].pages.eq: \"x\" is not an Int (a whole number from -2147483648 to 2147483647)");
    }

    @Test
    void errorPathsKeepTheOriginalIndexWhenNullItemsAreSkipped() {
        fails(m("AND", java.util.Arrays.asList(null, m("pages", m("eq", "x")))), "where.AND[1].pages.eq", "x",
                "Invalid value for where.AND[1].pages.eq: \"x\" is not an Int (a whole number from -2147483648 to 2147483647)");
        fails(m("OR", List.of("x")), "where.OR[0]", "x", "Invalid value for where.OR[0]: \"x\" is not a filter object");
    }

    @Test
    void aListOfObjectsTakesOnlyQuantifiersEachWithAFilterObject() {
        fails(m("reviews", m("stars", m("gt", 3))), "where.reviews.stars", m("gt", 3),
                "Unknown operator where.reviews.stars: a list of Review accepts some, every, none, each taking a"
                        + " Review filter");
        fails(m("reviews", m("some", 4)), "where.reviews.some", 4,
                "Invalid value for where.reviews.some: 4 is not a Review filter object");
        fails(m("reviews", m("some", m("stars", m("gt", "many")))), "where.reviews.some.stars.gt", "many",
                "Invalid value for where.reviews.some.stars.gt: \"many\" is not an Int (a whole number from"
                        + " -2147483648 to 2147483647)");
        fails(m("reviews", m("every", m("title", m("eq", "x")))), "where.reviews.every.title", m("eq", "x"),
                "Unknown field where.reviews.every.title: type Review has no field title (fields: stars, reviewer,"
                        + " postedOn, replies, AND, OR, NOT)");
    }

    @Test
    void malformedRangesAndPaths() {
        fails(m("period", m("overlaps", "[2024-02-01,2024-01-01)")), "where.period.overlaps", "[2024-02-01,2024-01-01)",
                "Invalid value for where.period.overlaps: \"[2024-02-01,2024-01-01)\" is not a daterange"
                        + " (for example [2024-01-01,2024-02-01) or empty): its lower bound is after its upper bound");
        fails(m("category", m("descendantOf", "a..b")), "where.category.descendantOf", "a..b",
                "Invalid value for where.category.descendantOf: \"a..b\" is not an ltree path"
                        + " (labels of letters, digits, _ and - separated by dots, for example top.science)");
    }
}
