package dev.fraiseql.core.where;

import dev.fraiseql.core.schema.FieldDef;
import dev.fraiseql.core.schema.ScalarKind;
import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.schema.TypeRegistry;
import dev.fraiseql.core.sql.SqlBuilder;
import dev.fraiseql.core.testing.Jdbc;
import dev.fraiseql.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import static dev.fraiseql.core.where.Fixtures.m;
import static org.assertj.core.api.Assertions.assertThat;


/** Every operator family run on a real PostgreSQL over small data sets whose expected rows are stated per test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhereIntegrationTest {

    private static final TypeRegistry REGISTRY = TypeRegistry.builder()
            .type("Server", "tv_server", FieldDef.scalar("id", ScalarKind.UUID).withColumn("id"),
                    FieldDef.scalar("name", ScalarKind.STRING), FieldDef.scalar("cpu", ScalarKind.INT),
                    FieldDef.scalar("status", ScalarKind.STRING))
            .type("ServerByColumn", "tv_server", FieldDef.scalar("id", ScalarKind.UUID).withColumn("id"),
                    FieldDef.scalar("name", ScalarKind.STRING), FieldDef.scalar("cpu", ScalarKind.INT).withColumn("cpu"),
                    FieldDef.scalar("status", ScalarKind.STRING))
            .type("Host", "tv_host", FieldDef.scalar("name", ScalarKind.STRING), FieldDef.scalar("ip", ScalarKind.INET))
            .type("Product", "tv_product", FieldDef.scalar("name", ScalarKind.STRING),
                    FieldDef.scalarList("tags", ScalarKind.STRING))
            .type("Item", "public.tv_item",
                    FieldDef.scalar("id", ScalarKind.UUID).withColumn("id"),
                    FieldDef.scalar("position", ScalarKind.INT).withColumn("pos"),
                    FieldDef.scalar("name", ScalarKind.STRING),
                    FieldDef.scalar("title", ScalarKind.STRING),
                    FieldDef.scalar("year", ScalarKind.INT),
                    FieldDef.scalar("price", ScalarKind.FLOAT),
                    FieldDef.scalar("rating", ScalarKind.DECIMAL),
                    FieldDef.scalar("sold", ScalarKind.BIGINT),
                    FieldDef.scalar("available", ScalarKind.BOOLEAN),
                    FieldDef.scalar("on", ScalarKind.DATE),
                    FieldDef.scalar("at", ScalarKind.DATETIME),
                    FieldDef.scalar("opens", ScalarKind.TIME),
                    FieldDef.scalar("status", ScalarKind.ENUM),
                    FieldDef.scalar("code", ScalarKind.ID),
                    FieldDef.scalar("mac", ScalarKind.MACADDR),
                    FieldDef.scalar("category", ScalarKind.LTREE),
                    FieldDef.scalar("period", ScalarKind.DATERANGE),
                    FieldDef.scalar("summary", ScalarKind.TSVECTOR),
                    FieldDef.scalar("search", ScalarKind.TSVECTOR).withColumn("search"),
                    FieldDef.scalar("meta", ScalarKind.JSON),
                    FieldDef.scalar("net", ScalarKind.CIDR),
                    FieldDef.scalarList("scores", ScalarKind.INT),
                    FieldDef.object("author", "Author"))
            .type("Author", null, FieldDef.scalar("name", ScalarKind.STRING), FieldDef.object("address", "Address"))
            .type("Address", null, FieldDef.scalar("city", ScalarKind.STRING))
            .type("Shelf", "tv_shelf", FieldDef.scalar("name", ScalarKind.STRING),
                    FieldDef.object("books", "Entry").asList())
            // Entry is also a view's root type with a real column: inside a shelf's list it is read from the JSON.
            .type("Entry", "tv_entry", FieldDef.scalar("title", ScalarKind.STRING),
                    FieldDef.scalar("stars", ScalarKind.INT).withColumn("stars"),
                    FieldDef.object("notes", "Note").asList())
            .type("Note", null, FieldDef.scalar("text", ScalarKind.STRING))
            .build();

    private Connection connection;

    @BeforeAll
    void createData() throws Exception {
        TestPostgres pg = TestPostgres.shared();
        connection = pg.connect(pg.createDatabase("where_it"));
        Jdbc.exec(connection, """
                CREATE EXTENSION IF NOT EXISTS ltree;
                CREATE TABLE tv_server (id uuid PRIMARY KEY, cpu int, data jsonb NOT NULL);
                INSERT INTO tv_server (id, cpu, data)
                SELECT gen_random_uuid(), (v->>'cpu')::int, v FROM jsonb_array_elements('[
                  {"name": "prod-server-01", "cpu": 8, "status": "active"},
                  {"name": "prod-server-02", "cpu": 16, "status": "active"},
                  {"name": "dev-server-01", "cpu": 4, "status": "active"},
                  {"name": "test-server-01", "cpu": 8, "status": "inactive"},
                  {"name": "staging-server-01", "cpu": 12, "status": "active"}]') AS v;
                CREATE TABLE tv_host (data jsonb NOT NULL);
                INSERT INTO tv_host SELECT v FROM jsonb_array_elements('[
                  {"name": "h1", "ip": "192.168.1.1"}, {"name": "h2", "ip": "10.0.0.1"},
                  {"name": "h3", "ip": "172.16.1.10"}, {"name": "h4", "ip": "8.8.8.8"},
                  {"name": "h5", "ip": "1.1.1.1"}]') AS v;
                CREATE TABLE tv_product (data jsonb NOT NULL);
                INSERT INTO tv_product SELECT v FROM jsonb_array_elements('[
                  {"name": "p1", "tags": ["electronics", "gadget"]},
                  {"name": "p2", "tags": ["electronics", "tool"]},
                  {"name": "p3", "tags": ["book", "education"]},
                  {"name": "p4", "tags": ["tool", "hardware"]},
                  {"name": "p5", "tags": ["electronics", "gadget", "premium"]}]') AS v;
                CREATE TABLE tv_item (id uuid PRIMARY KEY, pos int, search tsvector, data jsonb NOT NULL);
                CREATE TABLE tv_shelf (data jsonb);
                INSERT INTO tv_shelf SELECT v FROM jsonb_array_elements('[
                  {"name": "s1", "books": [{"title": "Dune", "stars": 5}, {"title": "Emma", "stars": 3}]},
                  {"name": "s2", "books": [{"title": "Dune", "stars": 4}]},
                  {"name": "s3", "books": []},
                  {"name": "s4"},
                  {"name": "s5", "books": [{"title": "Odd"}]},
                  {"name": "s6", "books": [{"title": "Mixed", "stars": 5, "notes": [{"text": "great"}]}]},
                  {"name": "s7", "books": {"title": "not a list"}}]') AS v;
                INSERT INTO tv_shelf VALUES (NULL);
                """);
        item("00000000-0000-0000-0000-00000000000a", 1, """
                {"name":"a","title":"Alpha 50% off","year":9,"price":9.5,"rating":4.50,"sold":10000000000,
                 "available":true,"on":"2024-01-09","at":"2024-01-09T10:00:00+00:00","opens":"09:00:00",
                 "status":"ACTIVE","code":"A-1","mac":"08:00:2b:01:02:03","category":"top.science.physics",
                 "period":"[2024-01-01,2024-02-01)","summary":"the quick brown fox","meta":{"color":"red","size":1},
                 "author":{"name":"Le Guin","address":{"city":"Portland"}},"scores":[1,2],"net":"10.0.0.0/8"}""");
        item("00000000-0000-0000-0000-00000000000b", 2, """
                {"name":"b","title":"beta_test","year":10,"price":10.25,"rating":3.00,"sold":5,
                 "available":false,"on":"2024-01-10","at":"2024-01-10T09:00:00-05:00","opens":"10:30:00",
                 "status":"DRAFT","code":"B-2","mac":"08:00:2b:01:02:04","category":"top.science",
                 "period":"[2024-02-01,2024-03-01)","summary":"lazy dogs sleep","meta":{"color":"blue"},
                 "author":{"name":"Herbert","address":{"city":"Tacoma"}},"scores":[3],"net":"192.168.0.0/16"}""");
        item("00000000-0000-0000-0000-00000000000c", 3, """
                {"name":"c","title":"Gamma \\\\ back'quote","year":100,"price":100.0,"rating":10.00,"sold":7,
                 "available":true,"on":"2023-12-31","at":"2024-01-10T15:00:00+00:00","opens":"23:59:00",
                 "status":"ACTIVE","code":"C-3","mac":"08:00:2b:01:02:05","category":"top.arts",
                 "period":"[2023-06-01,2023-07-01)","summary":"quick dogs","meta":{"size":2},
                 "author":{"name":"Le Guin","address":null},"scores":[],"net":"10.1.0.0/16"}""");
        item("00000000-0000-0000-0000-00000000000d", 4, """
                {"name":"d","title":null,"author":null}""");
    }

    private void item(String id, int pos, String json) throws Exception {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO tv_item (id, pos, search, data) VALUES (?::uuid, ?, to_tsvector(?::jsonb->>'summary'), ?::jsonb)")) {
            ps.setString(1, id);
            ps.setInt(2, pos);
            ps.setString(3, json);
            ps.setString(4, json);
            ps.executeUpdate();
        }
    }

    @AfterAll
    void close() throws Exception {
        connection.close();
    }

    private List<String> names(String type, Map<String, Object> where) throws Exception {
        TypeDef t = REGISTRY.type(type);
        SqlBuilder sql = new SqlBuilder().append("SELECT ").identifier("t").append(".").identifier("data")
                .append("->>'name' FROM ").qualifiedName(t.view()).append(" AS ").identifier("t").append(" WHERE ");
        new WhereRenderer(REGISTRY).render(t, where, "t", sql);
        sql.append(" ORDER BY 1");
        return Jdbc.strings(connection, sql.build(), 1);
    }

    private List<String> items(Map<String, Object> where) throws Exception {
        return names("Item", where);
    }

    @Nested
    class IssueDataSets {
        @Test
        void prodServersWithAtLeastEightCpusThatAreActive() throws Exception {
            Map<String, Object> f = m("name", m("startswith", "prod"), "cpu", m("gte", 8), "status", m("eq", "active"));
            assertThat(names("Server", f)).containsExactly("prod-server-01", "prod-server-02");
            assertThat(names("ServerByColumn", f)).containsExactly("prod-server-01", "prod-server-02");
        }

        @Test
        void serversWithMoreThanTenCpus() throws Exception {
            Map<String, Object> f = m("name", m("contains", "server"), "cpu", m("gt", 10));
            assertThat(names("Server", f)).containsExactly("prod-server-02", "staging-server-01");
            assertThat(names("ServerByColumn", f)).containsExactly("prod-server-02", "staging-server-01");
        }

        @Test
        void privateAndPublicAddresses() throws Exception {
            assertThat(names("Host", m("ip", m("isPrivate", true)))).containsExactly("h1", "h2", "h3");
            assertThat(names("Host", m("ip", m("isPublic", true)))).containsExactly("h4", "h5");
            assertThat(names("Host", m("ip", m("isIPv4", true)))).hasSize(5);
            assertThat(names("Host", m("ip", m("isIPv6", true)))).isEmpty();
            assertThat(names("Host", m("ip", m("inSubnet", "10.0.0.0/8")))).containsExactly("h2");
            assertThat(names("Host", m("ip", m("eq", "8.8.8.8")))).containsExactly("h4");
            assertThat(names("Host", m("ip", m("nin", List.of("8.8.8.8", "1.1.1.1"))))).containsExactly("h1", "h2", "h3");
        }

        @Test
        void tagArrays() throws Exception {
            assertThat(names("Product", m("tags", m("contains", List.of("electronics"))))).containsExactly("p1", "p2", "p5");
            assertThat(names("Product", m("tags", m("containedBy", List.of("electronics", "gadget", "premium")))))
                    .containsExactly("p1", "p5");
            assertThat(names("Product", m("tags", m("overlaps", List.of("tool", "hardware"))))).containsExactly("p2", "p4");
            assertThat(names("Product", m("tags", m("lenEq", 2)))).containsExactly("p1", "p2", "p3", "p4");
            assertThat(names("Product", m("tags", m("lenGt", 2)))).containsExactly("p5");
            assertThat(names("Product", m("tags", m("anyEq", "electronics")))).containsExactly("p1", "p2", "p5");
            assertThat(names("Product", m("tags", m("allEq", "electronics")))).isEmpty();
            assertThat(names("Product", m("tags", m("eq", List.of("electronics", "gadget"))))).containsExactly("p1");
            assertThat(names("Product", m("tags", m("neq", List.of("electronics", "gadget")))))
                    .containsExactly("p2", "p3", "p4", "p5");
            assertThat(names("Product", m("tags", m("lenGte", 3)))).containsExactly("p5");
            assertThat(names("Product", m("tags", m("lenLt", 3)))).containsExactly("p1", "p2", "p3", "p4");
            assertThat(names("Product", m("tags", m("lenLte", 1)))).isEmpty();
        }
    }

    @Nested
    class ListsOfObjects {

        private List<String> shelves(Map<String, Object> where) throws Exception {
            return names("Shelf", where);
        }

        @Test
        void someMatchesAShelfWithAtLeastOneBookPassingTheFilter() throws Exception {
            assertThat(shelves(m("books", m("some", m("stars", m("eq", 5)))))).containsExactly("s1", "s6");
            assertThat(shelves(m("books", m("some", m("stars", m("gte", 4)))))).containsExactly("s1", "s2", "s6");
            assertThat(shelves(m("books", m("some", m())))).containsExactly("s1", "s2", "s5", "s6");
        }

        @Test
        void someAppliesAllItsConditionsToTheSameElement() throws Exception {
            assertThat(shelves(m("books", m("some", m("title", m("eq", "Dune"), "stars", m("eq", 4))))))
                    .containsExactly("s2");
            assertThat(shelves(m("books", m("some", m("title", m("eq", "Emma"), "stars", m("eq", 5)))))).isEmpty();
            assertThat(shelves(m("books", m("some", m("title", m("eq", "Emma"), "stars", m("gte", 5)))))).isEmpty();
        }

        @Test
        void containmentAndExistsAnswerTheSameRows() throws Exception {
            assertThat(shelves(m("books", m("some", m("stars", m("eq", 5, "gte", 0))))))
                    .isEqualTo(shelves(m("books", m("some", m("stars", m("eq", 5))))));
            assertThat(shelves(m("books", m("none", m("title", m("eq", "Dune", "isnull", false))))))
                    .isEqualTo(shelves(m("books", m("none", m("title", m("eq", "Dune"))))))
                    .containsExactly("s3", "s4", "s5", "s6", "s7", null);
        }

        @Test
        void everyHoldsForEmptyAndMissingListsAndFailsOnAnElementItCannotJudge() throws Exception {
            assertThat(shelves(m("books", m("every", m("stars", m("gte", 4))))))
                    .containsExactly("s2", "s3", "s4", "s6", "s7", null);
        }

        @Test
        void aRowWithoutDataHasNoElementsForEitherFormOfNone() throws Exception {
            String count = "SELECT count(*) FROM tv_shelf AS t WHERE t.data IS NULL AND ";
            for (Map<String, Object> none : List.of(m("stars", m("eq", 5)), m("stars", m("gte", 4)))) {
                SqlBuilder sql = new SqlBuilder().append(count);
                new WhereRenderer(REGISTRY).render(REGISTRY.type("Shelf"), m("books", m("none", none)), "t", sql);
                assertThat(Jdbc.strings(connection, sql.build(), 1)).as("none: %s", none).containsExactly("1");
            }
        }

        @Test
        void noneHoldsWhenNoElementPasses() throws Exception {
            assertThat(shelves(m("books", m("none", m("stars", m("eq", 5)))))).containsExactly("s2", "s3", "s4", "s5", "s7", null);
            assertThat(shelves(m("books", m("none", m("stars", m("gte", 4)))))).containsExactly("s3", "s4", "s5", "s7",
                    null);
        }

        @Test
        void listsNestInsideElementsAndCombineWithNot() throws Exception {
            assertThat(shelves(m("books", m("some", m("notes", m("some", m("text", m("eq", "great"))))))))
                    .containsExactly("s6");
            assertThat(shelves(m("books", m("some", m("notes", m("some", m("text", m("startswith", "gr"))))))))
                    .containsExactly("s6");
            assertThat(shelves(m("NOT", m("books", m("some", m("stars", m("gte", 4))))))).containsExactly("s3", "s4", "s5",
                    "s7", null);
        }
    }

    @Nested
    class Strings {
        @Test
        void equality() throws Exception {
            assertThat(items(m("title", m("eq", "beta_test")))).containsExactly("b");
            assertThat(items(m("title", m("neq", "beta_test")))).containsExactly("a", "c");
            assertThat(items(m("title", m("in", List.of("beta_test", "nope"))))).containsExactly("b");
            assertThat(items(m("title", m("nin", List.of("beta_test"))))).containsExactly("a", "c");
            assertThat(items(m("title", m("in", List.of())))).isEmpty();
            assertThat(items(m("title", m("nin", List.of())))).containsExactly("a", "b", "c", "d");
        }

        @Test
        void wildcardsInTheValueMatchLiterally() throws Exception {
            assertThat(items(m("title", m("contains", "50%")))).containsExactly("a");
            assertThat(items(m("title", m("contains", "%")))).containsExactly("a");
            assertThat(items(m("title", m("contains", "_")))).containsExactly("b");
            assertThat(items(m("title", m("contains", "\\")))).containsExactly("c");
            assertThat(items(m("title", m("contains", "'")))).containsExactly("c");
            assertThat(items(m("title", m("endswith", "%")))).isEmpty();
        }

        @Test
        void prefixesSuffixesAndCase() throws Exception {
            assertThat(items(m("title", m("icontains", "ALPHA")))).containsExactly("a");
            assertThat(items(m("title", m("startswith", "Al")))).containsExactly("a");
            assertThat(items(m("title", m("istartswith", "al")))).containsExactly("a");
            assertThat(items(m("title", m("endswith", "test")))).containsExactly("b");
            assertThat(items(m("title", m("iendswith", "OFF")))).containsExactly("a");
        }

        @Test
        void likePatternsAndRegexes() throws Exception {
            assertThat(items(m("title", m("like", "B%")))).isEmpty();
            assertThat(items(m("title", m("ilike", "b%")))).containsExactly("b");
            assertThat(items(m("title", m("like", "%t")))).containsExactly("b");
            assertThat(items(m("title", m("matches", "^[AB]")))).containsExactly("a");
            assertThat(items(m("title", m("imatches", "^[ab]")))).containsExactly("a", "b");
            assertThat(items(m("title", m("notMatches", "^A")))).containsExactly("b", "c");
        }

        @Test
        void isnullCoversMissingKeysAndJsonNull() throws Exception {
            assertThat(items(m("title", m("isnull", true)))).containsExactly("d");
            assertThat(items(m("title", m("isnull", false)))).containsExactly("a", "b", "c");
            assertThat(items(m("year", m("isnull", true)))).containsExactly("d");
        }
    }

    @Nested
    class NumbersDatesAndTimes {
        @Test
        void numbersCompareAsNumbersNotText() throws Exception {
            assertThat(items(m("year", m("gt", 9)))).containsExactly("b", "c");
            assertThat(items(m("year", m("lt", 10)))).containsExactly("a");
            assertThat(items(m("year", m("gte", 10)))).containsExactly("b", "c");
            assertThat(items(m("year", m("lte", 9)))).containsExactly("a");
            assertThat(items(m("year", m("eq", 100)))).containsExactly("c");
            assertThat(items(m("year", m("neq", 9)))).containsExactly("b", "c");
            assertThat(items(m("year", m("in", List.of(9, 100))))).containsExactly("a", "c");
            assertThat(items(m("year", m("nin", List.of(9))))).containsExactly("b", "c");
        }

        @Test
        void floatsDecimalsBigintsAndColumns() throws Exception {
            assertThat(items(m("price", m("gt", 9.75)))).containsExactly("b", "c");
            assertThat(items(m("rating", m("gte", new java.math.BigDecimal("4.5"))))).containsExactly("a", "c");
            assertThat(items(m("sold", m("gt", 6)))).containsExactly("a", "c");
            assertThat(items(m("sold", m("in", List.of(5L, 10_000_000_000L))))).containsExactly("a", "b");
            assertThat(items(m("position", m("gt", 2)))).containsExactly("c", "d");
        }

        @Test
        void datesDateTimesAndTimes() throws Exception {
            assertThat(items(m("on", m("gt", "2024-01-01")))).containsExactly("a", "b");
            assertThat(items(m("on", m("lt", "2024-01-01")))).containsExactly("c");
            assertThat(items(m("on", m("in", List.of("2023-12-31"))))).containsExactly("c");
            assertThat(items(m("at", m("gt", "2024-01-10T14:30:00Z")))).containsExactly("c");
            assertThat(items(m("at", m("lte", "2024-01-10T14:00:00Z")))).containsExactly("a", "b");
            assertThat(items(m("opens", m("gte", "10:00")))).containsExactly("b", "c");
        }
    }

    @Nested
    class BooleansIdsEnumsAndMacaddr {
        @Test
        void booleans() throws Exception {
            assertThat(items(m("available", m("eq", true)))).containsExactly("a", "c");
            assertThat(items(m("available", m("neq", true)))).containsExactly("b");
            assertThat(items(m("available", m("isnull", true)))).containsExactly("d");
        }

        @Test
        void uuidsIdsAndEnums() throws Exception {
            assertThat(items(m("id", m("eq", "00000000-0000-0000-0000-00000000000B")))).containsExactly("b");
            assertThat(items(m("id", m("nin", List.of("00000000-0000-0000-0000-00000000000a"))))).containsExactly("b", "c", "d");
            assertThat(items(m("code", m("eq", "B-2")))).containsExactly("b");
            assertThat(items(m("status", m("eq", "ACTIVE")))).containsExactly("a", "c");
            assertThat(items(m("status", m("in", List.of("DRAFT"))))).containsExactly("b");
            assertThat(items(m("status", m("nin", List.of("ACTIVE"))))).containsExactly("b");
        }

        @Test
        void macAddressesCompareInAnyNotation() throws Exception {
            assertThat(items(m("mac", m("eq", "08-00-2B-01-02-04")))).containsExactly("b");
            assertThat(items(m("mac", m("in", List.of("08:00:2b:01:02:03", "08002b010205"))))).containsExactly("a", "c");
            assertThat(items(m("mac", m("neq", "08:00:2b:01:02:03")))).containsExactly("b", "c");
        }
    }

    @Nested
    class JsonArraysAndNetworks {
        @Test
        void jsonOperators() throws Exception {
            assertThat(items(m("meta", m("hasKey", "color")))).containsExactly("a", "b");
            assertThat(items(m("meta", m("hasAnyKeys", List.of("size", "nope"))))).containsExactly("a", "c");
            assertThat(items(m("meta", m("hasAllKeys", List.of("color", "size"))))).containsExactly("a");
            assertThat(items(m("meta", m("contains", m("color", "red"))))).containsExactly("a");
            assertThat(items(m("meta", m("containedBy", m("color", "blue", "size", 9))))).containsExactly("b");
            assertThat(items(m("meta", m("eq", m("size", 2))))).containsExactly("c");
            assertThat(items(m("meta", m("isnull", true)))).containsExactly("d");
        }

        @Test
        void integerArrays() throws Exception {
            assertThat(items(m("scores", m("contains", List.of(1))))).containsExactly("a");
            assertThat(items(m("scores", m("lenEq", 0)))).containsExactly("c");
            assertThat(items(m("scores", m("anyEq", 3)))).containsExactly("b");
            assertThat(items(m("scores", m("allEq", 3)))).containsExactly("b", "c");
            assertThat(items(m("scores", m("eq", List.of(1, 2))))).containsExactly("a");
            assertThat(items(m("scores", m("overlaps", List.of(2, 3))))).containsExactly("a", "b");
            assertThat(items(m("scores", m("isnull", true)))).containsExactly("d");
        }

        @Test
        void cidrNetworks() throws Exception {
            assertThat(items(m("net", m("inSubnet", "10.0.0.0/8")))).containsExactly("a", "c");
            assertThat(items(m("net", m("eq", "10.0.0.0/8")))).containsExactly("a");
            assertThat(items(m("net", m("isPrivate", true)))).containsExactly("a", "b", "c");
        }
    }

    @Nested
    class LtreeRangesAndFullText {
        @Test
        void ltreePaths() throws Exception {
            assertThat(items(m("category", m("descendantOf", "top.science")))).containsExactly("a", "b");
            assertThat(items(m("category", m("ancestorOf", "top.science.physics")))).containsExactly("a", "b");
            assertThat(items(m("category", m("matchesLquery", "*.arts")))).containsExactly("c");
            assertThat(items(m("category", m("eq", "top.arts")))).containsExactly("c");
            assertThat(items(m("category", m("neq", "top.arts")))).containsExactly("a", "b");
        }

        @Test
        void dateRanges() throws Exception {
            assertThat(items(m("period", m("containsDate", "2024-01-15")))).containsExactly("a");
            assertThat(items(m("period", m("overlaps", "[2024-01-15,2024-02-15)")))).containsExactly("a", "b");
            assertThat(items(m("period", m("adjacent", "[2024-03-01,2024-04-01)")))).containsExactly("b");
            assertThat(items(m("period", m("strictlyLeft", "[2024-01-01,)")))).containsExactly("c");
            assertThat(items(m("period", m("strictlyRight", "[2023-01-01,2023-12-31)")))).containsExactly("a", "b");
            assertThat(items(m("period", m("eq", "[2023-06-01,2023-07-01)")))).containsExactly("c");
            assertThat(items(m("period", m("isnull", true)))).containsExactly("d");
        }

        @Test
        void fullTextOnJsonbTextAndOnATsvectorColumn() throws Exception {
            assertThat(items(m("summary", m("plainQuery", "quick")))).containsExactly("a", "c");
            assertThat(items(m("summary", m("websearchQuery", "quick -fox")))).containsExactly("c");
            assertThat(items(m("summary", m("phraseQuery", "quick brown")))).containsExactly("a");
            assertThat(items(m("summary", m("matches", "quick & dogs")))).containsExactly("c");
            assertThat(items(m("search", m("plainQuery", "dogs")))).containsExactly("b", "c");
            assertThat(items(m("search", m("matches", "lazy | fox")))).containsExactly("a", "b");
        }
    }

    @Nested
    class HostileInput {
        @Test
        void fortyThousandValuesInAnInListRunAsOneArrayParameter() throws Exception {
            List<Object> names = new java.util.ArrayList<>();
            for (int i = 0; i < 40_000; i++) {
                names.add("server-" + i);
            }
            names.add("dev-server-01");
            assertThat(names("Server", m("name", m("in", names)))).containsExactly("dev-server-01");
            assertThat(names("Server", m("name", m("nin", names)))).hasSize(4);
        }

        @Test
        void theDeepestAcceptedFilterRuns() throws Exception {
            Map<String, Object> f = m("cpu", m("gt", 10));
            for (int i = 0; i < WhereRenderer.MAX_DEPTH; i++) {
                f = i % 2 == 0 ? m("AND", List.of(f, m("cpu", m("lt", 100)))) : m("OR", List.of(f, m("cpu", m("lt", 0))));
            }
            assertThat(names("Server", f)).containsExactly("prod-server-02", "staging-server-01");
        }

        @Test
        void hostileStringsAreOnlyData() throws Exception {
            for (String hostile : List.of("'", "\"", "?", "$$", "--", "/*", "%", "_", "\\", "'; DROP TABLE tv_server; --",
                    "x".repeat(1_000_000))) {
                assertThat(names("Server", m("name", m("contains", hostile)))).as(hostile).isEmpty();
                assertThat(names("Server", m("name", m("eq", hostile)))).as(hostile).isEmpty();
                assertThat(names("Server", m("name", m("like", hostile.equals("\\") ? "\\\\" : hostile)))).as(hostile)
                        .allMatch(n -> hostile.equals("%"));
            }
            assertThat(names("Server", m())).hasSize(5);
        }
    }

    @Nested
    class LogicAndNesting {
        @Test
        void nestedObjects() throws Exception {
            assertThat(items(m("author", m("name", m("eq", "Le Guin"))))).containsExactly("a", "c");
            assertThat(items(m("author", m("address", m("city", m("eq", "Portland")))))).containsExactly("a");
            assertThat(items(m("author", m("address", m("city", m("isnull", true)))))).containsExactly("c", "d");
        }

        @Test
        void andOrNot() throws Exception {
            assertThat(items(m("OR", List.of(m("year", m("lt", 10)), m("status", m("eq", "DRAFT"))))))
                    .containsExactly("a", "b");
            assertThat(items(m("NOT", m("year", m("gt", 9))))).containsExactly("a");
            assertThat(items(m("AND", List.of(m("year", m("gt", 9)), m("available", m("eq", true))))))
                    .containsExactly("c");
            assertThat(items(m("OR", List.of()))).isEmpty();
            assertThat(items(m("AND", List.of()))).containsExactly("a", "b", "c", "d");
            assertThat(items(m("year", m("gt", 1), "OR", List.of(m("title", m("contains", "a")),
                    m("NOT", m("available", m("eq", true))))))).containsExactly("a", "b", "c");
        }
    }
}
