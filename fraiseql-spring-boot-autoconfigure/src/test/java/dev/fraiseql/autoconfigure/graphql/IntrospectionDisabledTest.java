package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.autoconfigure.graphql.testapp.LibraryTestApplication;
import graphql.introspection.Introspection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import static org.assertj.core.api.Assertions.assertThat;

/** A public API can hide its schema with Spring for GraphQL's own property; the starter's strategies keep that working. */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.graphql.schema.introspection.enabled=false")
class IntrospectionDisabledTest {

    static final LibraryDatabase db = LibraryDatabase.create("gql_introspection");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        db.properties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @LocalServerPort
    int port;

    /** Spring Boot turns introspection off for the whole JVM, so the other test classes get it back. */
    @AfterAll
    static void enableIntrospectionAgain() {
        Introspection.enabledJvmWide(true);
    }

    @Test
    void theSchemaIsHiddenWhileBoundFieldsStillAnswer() {
        GraphQlHttp http = new GraphQlHttp(port);
        assertThat(http.exchange("{ __schema { queryType { name } } }", java.util.Map.of(), java.util.Map.of()).body())
                .isEqualTo("{\"errors\":[{\"message\":\"Introspection has been disabled for this request\",\"locations\":"
                        + "[{\"line\":1,\"column\":3}],\"extensions\":{\"classification\":\"IntrospectionDisabled\"}}]}");
        assertThat(http.post("{ book(id: 2) { title } }")).isEqualTo("{\"data\":{\"book\":{\"title\":\"Solaris\"}}}");
    }
}
