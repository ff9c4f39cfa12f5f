package dev.fraiseql.graphql.internal.execution;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.parser.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentCacheTest {

    private final List<String> parsed = new ArrayList<>();
    private final Function<ExecutionInput, PreparsedDocumentEntry> parse = input -> {
        parsed.add(input.getQuery());
        Document document = Parser.parse(input.getQuery());
        return new PreparsedDocumentEntry(document);
    };

    private static ExecutionInput input(String query, Locale locale) {
        return ExecutionInput.newExecutionInput(query).locale(locale).build();
    }

    @Test
    void aRepeatedQueryIsParsedAndValidatedOnce() throws Exception {
        DocumentCache cache = new DocumentCache(10);
        PreparsedDocumentEntry first = cache.getDocumentAsync(input("{ a }", Locale.ROOT), parse).get();
        PreparsedDocumentEntry second = cache.getDocumentAsync(input("{ a }", Locale.ROOT), parse).get();

        assertThat(second).isSameAs(first);
        assertThat(parsed).containsExactly("{ a }");
    }

    @Test
    void theSameQueryInAnotherLocaleIsValidatedAgainBecauseMessagesAreLocalized() throws Exception {
        DocumentCache cache = new DocumentCache(10);
        cache.getDocumentAsync(input("{ a }", Locale.ROOT), parse).get();
        cache.getDocumentAsync(input("{ a }", Locale.GERMAN), parse).get();

        assertThat(parsed).containsExactly("{ a }", "{ a }");
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void aFullCacheStartsAgainRatherThanGrowing() throws Exception {
        DocumentCache cache = new DocumentCache(2);
        for (String q : List.of("{ a }", "{ b }", "{ c }")) {
            cache.getDocumentAsync(input(q, Locale.ROOT), parse).get();
        }

        assertThat(cache.size()).isEqualTo(1);
        cache.getDocumentAsync(input("{ c }", Locale.ROOT), parse).get();
        assertThat(parsed).containsExactly("{ a }", "{ b }", "{ c }");
    }

    @Test
    void aCacheWithoutRoomIsRejectedNamingTheSize() {
        assertThatThrownBy(() -> new DocumentCache(0))
                .hasMessage("A document cache needs room for at least 1 document, was 0");
    }
}
