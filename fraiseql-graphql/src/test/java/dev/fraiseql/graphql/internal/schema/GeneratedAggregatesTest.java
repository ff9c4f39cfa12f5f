package dev.fraiseql.graphql.internal.schema;

import graphql.language.AstPrinter;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The aggregate fields and types generated beside list fields bound to views. */
class GeneratedAggregatesTest {

    private static final String TYPES = """
            type Book { id: ID! title: String! pages: Int price: Float publishedOn: Date genre: Genre
                        tags: [String!] author: Author reviews: [Review!]! }
            type Author { name: String country: String address: Address }
            type Address { city: String }
            type Review { stars: Int }
            enum Genre { FICTION HISTORY }
            """;

    private static TypeDefinitionRegistry applied(String sdl, List<ControllerMapping> controllers) {
        TypeDefinitionRegistry registry = new SchemaParser().parse(sdl);
        FraiseqlSchema schema = SchemaReader.read(registry, SchemaReader.bindings(registry, controllers), Map.of());
        schema.applyTo(registry);
        return registry;
    }

    private static String printed(TypeDefinitionRegistry registry, String type) {
        return AstPrinter.printAst(registry.getType(type).orElseThrow());
    }

    @Test
    void aListFieldGetsAnAggregateFieldWithTheSameWhereAndItsOwnGroupingOrderAndPaging() {
        TypeDefinitionRegistry registry = applied("type Query { books: [Book!]! @fraiseql(view: \"tv_book\")"
                + " book(id: ID!): Book @fraiseql(view: \"tv_book\") }" + TYPES, List.of());
        assertThat(printed(registry, "Query")).endsWith("""
                  \"""
                  Aggregates of the Book rows of books: one element per group, or exactly one without groupBy. Same view and where as books.
                  \"""
                  booksAggregate(
                  where: BookWhereInput
                  groupBy: [BookGroupField!]
                  orderBy: [BookAggregateOrderBy!]
                  limit: Int
                  offset: Int): [BookAggregate!]!
                }""");
        assertThat(printed(registry, "Query")).doesNotContain("bookAggregate");
        assertThat(printed(registry, "BookGroupField")).endsWith("""
                enum BookGroupField {
                  id
                  title
                  pages
                  price
                  publishedOn
                  genre
                  author_name
                  author_country
                  author_address_city
                }""");
        assertThat(printed(registry, "BookAggregateKey")).endsWith("""
                type BookAggregateKey {
                  id: ID
                  title: String
                  pages: Int
                  price: Float
                  publishedOn: Date
                  genre: Genre
                  author: AuthorAggregateKey
                }""");
        assertThat(printed(registry, "BookAggregateSum")).isEqualTo("type BookAggregateSum {\n  pages: BigInt\n"
                + "  price: Float\n}");
        assertThat(printed(registry, "BookAggregateAvg")).isEqualTo("type BookAggregateAvg {\n  pages: Float\n"
                + "  price: Float\n}");
        assertThat(printed(registry, "BookAggregateMin")).isEqualTo("type BookAggregateMin {\n  title: String\n"
                + "  pages: Int\n  price: Float\n  publishedOn: Date\n  author: AuthorAggregateMin\n}");
        assertThat(printed(registry, "AuthorAggregateMin")).isEqualTo("type AuthorAggregateMin {\n  name: String\n"
                + "  country: String\n  address: AddressAggregateMin\n}");
        assertThat(printed(registry, "AuthorAggregateMinOrderBy")).isEqualTo("input AuthorAggregateMinOrderBy {\n"
                + "  name: OrderDirection\n  country: OrderDirection\n  address: AddressAggregateMinOrderBy\n}");
        assertThat(printed(registry, "BookAggregateCountDistinct")).isEqualTo("type BookAggregateCountDistinct {\n"
                + "  id: Int\n  title: Int\n  pages: Int\n  price: Int\n  publishedOn: Int\n  genre: Int\n"
                + "  author: AuthorAggregateCountDistinct\n}");
        assertThat(registry.getType("ReviewAggregateSum")).as("lists of objects are not aggregated").isEmpty();
        assertThat(printed(registry, "BookAggregateOrderBy")).endsWith("""
                input BookAggregateOrderBy {
                  key: BookOrderByInput
                  count: OrderDirection
                  countDistinct: BookAggregateCountDistinctOrderBy
                  sum: BookAggregateSumOrderBy
                  avg: BookAggregateAvgOrderBy
                  min: BookAggregateMinOrderBy
                  max: BookAggregateMaxOrderBy
                }""");
        assertThat(registry.scalars()).containsKey("BigInt");
    }

    @Test
    void aTypeWithoutNumbersGetsNoSumsAndNoBigInt() {
        TypeDefinitionRegistry registry = applied("type Query { authors: [Author!]! @fraiseql(view: \"v_author\") }"
                + TYPES, List.of());
        assertThat(printed(registry, "AuthorAggregate")).doesNotContain("sum", "avg").contains("min:", "count: Int!");
        assertThat(registry.getType("AuthorAggregateSum")).isEmpty();
        assertThat(registry.scalars()).doesNotContainKey("BigInt");
    }

    @Test
    void aControllerBoundFieldGetsNoneSinceItsMethodMayAddFiltersAnAggregateWouldBypass() {
        TypeDefinitionRegistry registry = applied("type Query { tenantBooks: [Book!]! }" + TYPES,
                List.of(new ControllerMapping("Query", "tenantBooks", "v_book", "", "data", "C.tenantBooks")));
        assertThat(printed(registry, "Query")).doesNotContain("tenantBooksAggregate");
        assertThat(registry.getType("BookAggregate")).isEmpty();
    }

    @Test
    void aSchemaThatDeclaresTheFieldOrATypeOfTheSameNameKeepsItsOwn() {
        TypeDefinitionRegistry declared = applied("type Query { books: [Book!]! @fraiseql(view: \"tv_book\")"
                + " booksAggregate: Int }" + TYPES, List.of());
        assertThat(printed(declared, "Query")).contains("booksAggregate: Int\n");
        assertThat(declared.getType("BookAggregate")).isEmpty();
        TypeDefinitionRegistry named = applied("type Query { books: [Book!]! @fraiseql(view: \"tv_book\") }"
                + " type BookAggregate { total: Int }" + TYPES, List.of());
        assertThat(printed(named, "Query")).doesNotContain("booksAggregate");
        assertThat(printed(named, "BookAggregate")).isEqualTo("type BookAggregate {\n  total: Int\n}");
    }
}
