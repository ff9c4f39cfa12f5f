package dev.fraiseql.graphql.internal.schema;

import dev.fraiseql.core.catalog.ColumnCatalog.Column;
import dev.fraiseql.graphql.FraiseqlSchemaException;
import graphql.language.AstPrinter;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The schema reader on its own: type definitions, controller mappings and view columns in, an immutable result out. */
class SchemaReaderTest {

    private static final String SCHEMA = """
            type Query {
              books: [Book!]! @fraiseql(view: "app.v_book")
              book(id: Int!): Book @fraiseql(view: "app.v_book")
              shelf: [Book!]!
            }
            type Mutation {
              addBook(title: String!): Book @fraiseql(function: "app.add_book")
            }
            type Book { id: Int! title: String published: Date }
            """;

    private static TypeDefinitionRegistry registry(String sdl) {
        return new SchemaParser().parse(sdl);
    }

    /** Every definition of {@code registry}, printed in name order. */
    private static String printed(TypeDefinitionRegistry registry) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(registry.getDirectiveDefinitions()).values().forEach(d -> out.append(AstPrinter.printAst(d)).append('\n'));
        new TreeMap<>(registry.scalars()).values().forEach(d -> out.append(AstPrinter.printAst(d)).append('\n'));
        new TreeMap<>(registry.types()).values().forEach(d -> out.append(AstPrinter.printAst(d)).append('\n'));
        return out.toString();
    }

    @Test
    void theBindingsListTheSchemasFieldsInOrderThenTheControllerMethods() {
        List<FieldBinding> bindings = SchemaReader.bindings(registry(SCHEMA),
                List.of(new ControllerMapping("Query", "shelf", "app.v_shelf", "", "doc", "ShelfController.shelf")));

        assertThat(bindings).containsExactly(
                new FieldBinding("Query", "books", FieldBinding.Kind.LIST, "app.v_book", "data", "Book", List.of(), false),
                new FieldBinding("Query", "book", FieldBinding.Kind.SINGLE, "app.v_book", "data", "Book", List.of("id"),
                        false),
                new FieldBinding("Mutation", "addBook", FieldBinding.Kind.MUTATION, "app.add_book", null, "Book",
                        List.of(), false),
                new FieldBinding("Query", "shelf", FieldBinding.Kind.LIST, "app.v_shelf", "doc", "Book", List.of(), true));
    }

    @Test
    void readingLeavesTheRegistryAsItWasAndListsWhatToAdd() {
        TypeDefinitionRegistry registry = registry(SCHEMA);
        String before = printed(registry);

        FraiseqlSchema schema = SchemaReader.read(registry, SchemaReader.bindings(registry, List.of()), Map.of());

        assertThat(printed(registry)).isEqualTo(before);
        assertThat(schema.addedScalars()).containsExactlyInAnyOrder("Date", "BigInt");
        assertThat(schema.definitions()).extracting(d -> ((graphql.language.NamedNode<?>) d).getName())
                .containsExactly("fraiseql", "Date", "BigInt", "IntFilter", "StringFilter", "DateFilter",
                        "BookWhereInput", "OrderDirection", "BookOrderByInput", "BookAggregate", "BookAggregateKey",
                        "BookAggregateCountDistinct", "BookAggregateCountDistinctOrderBy", "BookAggregateSum",
                        "BookAggregateSumOrderBy", "BookAggregateAvg", "BookAggregateAvgOrderBy", "BookAggregateMin",
                        "BookAggregateMinOrderBy", "BookAggregateMax", "BookAggregateMaxOrderBy", "BookGroupField",
                        "BookAggregateOrderBy", "Query");
    }

    @Test
    void theGeneratedDefinitionsAddFilterOrderAndPageArgumentsToListFieldsOnly() {
        TypeDefinitionRegistry registry = registry(SCHEMA);
        FraiseqlSchema schema = SchemaReader.read(registry, SchemaReader.bindings(registry, List.of()), Map.of());
        schema.applyTo(registry);

        assertThat(AstPrinter.printAst(registry.getType("Query").orElseThrow())).isEqualTo("""
                type Query {
                  books(where: BookWhereInput, orderBy: [BookOrderByInput!], limit: Int, offset: Int): [Book!]! @fraiseql(view: "app.v_book")
                  book(id: Int!): Book @fraiseql(view: "app.v_book")
                  shelf: [Book!]!
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
        assertThat(schema.generatedSdl()).contains("""
                \"""
                Filter on Book: every given condition must hold.
                \"""
                input BookWhereInput {
                  id: IntFilter
                  title: StringFilter
                  published: DateFilter
                  AND: [BookWhereInput!]
                  OR: [BookWhereInput!]
                  NOT: BookWhereInput
                }""");
    }

    @Test
    void aListOfObjectsIsFilteredBySomeEveryOrNoneOfItsElements() {
        TypeDefinitionRegistry registry = registry("""
                type Query { books: [Book!]! @fraiseql(view: "v_book") }
                type Book { title: String reviews: [Review!]! }
                type Review { stars: Int replies: [Review] }
                """);
        FraiseqlSchema schema = SchemaReader.read(registry, SchemaReader.bindings(registry, List.of()), Map.of());

        assertThat(schema.generatedSdl()).contains("""
                input BookWhereInput {
                  title: StringFilter
                  reviews: ReviewListFilter
                  AND: [BookWhereInput!]
                  OR: [BookWhereInput!]
                  NOT: BookWhereInput
                }""", """
                \"""
                Filter on a list of Review: whether some, every or no element passes.
                \"""
                input ReviewListFilter {
                  \"""
                  At least one element passes.
                  \"""
                  some: ReviewWhereInput
                  \"""
                  Every element passes (true for an empty or missing list).
                  \"""
                  every: ReviewWhereInput
                  \"""
                  No element passes (true for an empty or missing list).
                  \"""
                  none: ReviewWhereInput
                }""", """
                input ReviewWhereInput {
                  stars: IntFilter
                  replies: ReviewListFilter
                  AND: [ReviewWhereInput!]""");
    }

    @Test
    void aViewsColumnsBindTheFieldsThatCompareAlikeAndTheRestReadTheJsonb() {
        TypeDefinitionRegistry registry = registry(SCHEMA);
        FraiseqlSchema schema = SchemaReader.read(registry, SchemaReader.bindings(registry, List.of()),
                Map.of("app.v_book", Map.of("id", new Column("int4", true), "title", new Column("int4", false),
                        "data", new Column("jsonb", false))));

        assertThat(schema.columnsRead()).isTrue();
        assertThat(schema.boundTypes().get("Query.books").fields().get("id").column()).isEqualTo("id");
        assertThat(schema.boundTypes().get("Query.books").fields().get("title").column())
                .as("an int column cannot hold a String field").isNull();
        assertThat(schema.boundTypes().get("Query.books").view()).isEqualTo("app.v_book");
    }

    @Test
    void columnsThatCouldNotBeReadLeaveEveryFieldOnTheJsonbAndSaySo() {
        TypeDefinitionRegistry registry = registry(SCHEMA);
        FraiseqlSchema schema = SchemaReader.read(registry, SchemaReader.bindings(registry, List.of()), null);

        assertThat(schema.columnsRead()).isFalse();
        assertThat(schema.boundTypes().get("Query.books").fields().get("id").column()).isNull();
    }

    @Test
    void aMutationBoundToAViewFailsNamingTheFieldAndTheFix() {
        assertThatThrownBy(() -> SchemaReader.bindings(registry("""
                type Query { x: Int }
                type Mutation { addBook: Book @fraiseql(view: "v_book") }
                type Book { id: Int }"""), List.of()))
                .isInstanceOf(FraiseqlSchemaException.class)
                .hasMessage("Mutation.addBook is a mutation field, which calls a function. Bind it with"
                        + " @fraiseql(function: \"schema.fn\"), not view.");
    }

    @Test
    void aNameWithAnEmptyPartFailsAtStartUpRatherThanOnEveryRequest() {
        assertThatThrownBy(() -> SchemaReader.bindings(registry("""
                type Query { x: Int }
                type Mutation { addBook: Book @fraiseql(function: "app.") }
                type Book { id: Int }"""), List.of()))
                .isInstanceOf(FraiseqlSchemaException.class)
                .hasMessageStartingWith("Mutation.addBook is bound to 'app.', which is not a name: ")
                .hasMessageEndingWith(" Fix the name in @fraiseql or @FraiseqlMapping.");
    }

    @Test
    void aDirectiveOnANestedFieldFailsInsteadOfBeingIgnored() {
        assertThatThrownBy(() -> SchemaReader.bindings(registry("""
                type Query { books: [Book!]! @fraiseql(view: "v_book") }
                type Book { id: Int author: Author @fraiseql(view: "v_author") }
                type Author { name: String }"""), List.of()))
                .isInstanceOf(FraiseqlSchemaException.class)
                .hasMessage("Book.author has @fraiseql, but only fields of the query and mutation types can be bound:"
                        + " nested fields come from the parent's JSONB data. Remove @fraiseql from Book.author, or move"
                        + " the field to the query type.");
    }

    @Test
    void aControllerMappingOfAFieldTheSchemaLacksFailsNamingTheMethod() {
        assertThatThrownBy(() -> SchemaReader.bindings(registry(SCHEMA),
                List.of(new ControllerMapping("Query", "nothing", "v_book", "", "data", "BookController.nothing"))))
                .isInstanceOf(FraiseqlSchemaException.class)
                .hasMessage("@FraiseqlMapping on BookController.nothing maps Query.nothing, which the schema does not"
                        + " declare. Declare the field in the schema, or fix the field name of @QueryMapping or"
                        + " @SchemaMapping.");
    }

    @Test
    void aFieldBoundTwiceFailsAskingToKeepOne() {
        assertThatThrownBy(() -> SchemaReader.bindings(registry(SCHEMA),
                List.of(new ControllerMapping("Query", "books", "v_book", "", "data", "BookController.books"))))
                .isInstanceOf(FraiseqlSchemaException.class)
                .hasMessage("Query.books is bound twice: by @fraiseql in the schema and by @FraiseqlMapping on"
                        + " BookController.books. Keep one of them.");
    }
}
