package dev.fraiseql.graphql.internal.fetch;

import dev.fraiseql.core.json.ByteSink;
import dev.fraiseql.core.query.ConnectionPage;
import dev.fraiseql.core.query.PageInfo;
import dev.fraiseql.core.schema.FieldDef;
import dev.fraiseql.core.schema.ScalarKind;
import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.schema.TypeRegistry;
import graphql.execution.MergedField;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** Which connection selections the fast path writes itself, read from the document as graphql-java would collect them. */
class ConnectionSelectionTest {

    private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
            type Query { books: BookConnection! odd: OddConnection }
            type BookConnection { edges: [BookEdge!]! pageInfo: PageInfo! totalCount: Int! }
            type BookEdge { cursor: String! node: Book! }
            type PageInfo { hasPreviousPage: Boolean! hasNextPage: Boolean! startCursor: String endCursor: String }
            type Book { id: ID! title: String }
            type OddConnection { edges: [BookEdge!]! totalCount: String extra: Int }
            """), RuntimeWiring.newRuntimeWiring().build());
    private static final TypeDef BOOK = TypeDef.of("Book", "v_book", FieldDef.scalar("id", ScalarKind.ID),
            FieldDef.scalar("title", ScalarKind.STRING));

    private static Optional<ConnectionShape> shape(String query, Map<String, Object> variables) {
        Document document = new Parser().parseDocument(query);
        Field root = (Field) document.getDefinitionsOfType(OperationDefinition.class).get(0).getSelectionSet()
                .getSelections().get(0);
        GraphQLFieldDefinition definition = SCHEMA.getQueryType().getFieldDefinition(root.getName());
        DataFetchingEnvironment env = DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
                .graphQLSchema(SCHEMA).mergedField(MergedField.newMergedField(root).build())
                .fieldDefinition(definition).fieldType(definition.getType()).variables(variables)
                .fragmentsByName(document.getDefinitionsOfType(FragmentDefinition.class).stream()
                        .collect(Collectors.toMap(FragmentDefinition::getName, Function.identity())))
                .build();
        return new SelectionTranslator(TypeRegistry.builder().type(BOOK).build()).connection(BOOK, env);
    }

    private static String written(ConnectionShape shape) {
        ConnectionPage page = new ConnectionPage(0, 1, List.of("Yw"), new PageInfo(true, false, "Yw", "Yw"));
        ByteSink out = new ByteSink(8);
        assertThat(shape.write(page, 5, (edge, sink) -> {
            sink.write("{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8));
            return true;
        }, out)).isTrue();
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void aliasesFragmentsMergedKeysTypenamesAndSkippedMembersAreWrittenInResponseOrder() {
        ConnectionShape shape = shape("""
                query ($skip: Boolean!) { books { t: __typename ... on BookConnection { edges { cursor } }
                ...Info edges { __typename node { id } } n: totalCount @skip(if: $skip) }
                } fragment Info on BookConnection { pageInfo { hasNextPage end: endCursor __typename } }""",
                Map.of("skip", false)).orElseThrow();
        assertThat(written(shape)).isEqualTo("{\"t\":\"BookConnection\",\"edges\":[{\"cursor\":\"Yw\",\"__typename\":"
                + "\"BookEdge\",\"node\":{\"id\":\"1\"}}],\"pageInfo\":{\"hasNextPage\":true,\"end\":\"Yw\",\"__typename\":"
                + "\"PageInfo\"},\"n\":5}");
        assertThat(shape.withTotal()).isTrue();
        assertThat(shape.node().selection()).hasSize(1);
        ConnectionShape skipped = shape("query ($skip: Boolean!) { books { n: totalCount @skip(if: $skip) edges { cursor } } }",
                Map.of("skip", true)).orElseThrow();
        assertThat(skipped.withTotal()).isFalse();
        assertThat(skipped.node()).isNull();
        assertThat(written(skipped)).isEqualTo("{\"edges\":[{\"cursor\":\"Yw\"}]}");
    }

    @Test
    void aNodeUnderTwoKeysOrAMemberTheShapeDoesNotKnowIsLeftToGraphQlJava() {
        assertThat(shape("{ books { edges { a: node { id } b: node { title } } } }", Map.of())).isEmpty();
        assertThat(shape("{ odd { extra } }", Map.of())).isEmpty();
        assertThat(shape("{ odd { totalCount } }", Map.of())).as("a totalCount that is not an Int").isEmpty();
        assertThat(shape("{ odd { edges { cursor } } }", Map.of())).isPresent();
    }
}
