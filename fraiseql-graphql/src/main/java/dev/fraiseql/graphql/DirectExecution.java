package dev.fraiseql.graphql;

import java.util.Locale;
import java.util.Map;

/**
 * Answers a query operation whose root fields are all bound to views (lists, single rows, aggregates) or are
 * {@code __typename} without graphql-java's execution, writing PostgreSQL's JSON straight into the response; any
 * other request, and any request that would answer with an error, is declined and goes through graphql-java as before.
 * Get one from {@link FraiseqlGraphQl#directExecution}; Spring Boot's auto-configuration puts it in front of the
 * GraphQL endpoint ({@code fraiseql.graphql.direct-execution}).
 */
public interface DirectExecution {

    /** Why this never answers a request (a setting or a part of the application it cannot honour), {@code null} if it can. */
    String unavailable();

    /**
     * The response to a request, {@code {"data":{...}}}, or {@code null} when graphql-java must answer it: the
     * document has not been parsed and validated by an earlier request, the operation is not a query of view-bound
     * fields, a variable or argument is invalid, a limit refuses it, or a field fails or breaks a non-null promise.
     * Declining may happen after some fields were read: reads have no effect, so graphql-java reads them again.
     *
     * @param query the request's document, {@code null} when it names a persisted one by hash
     * @param operationName the operation to run, {@code null} for the only one
     * @param variables the request's variables as JSON values, {@code null} for none
     * @param extensions the request's extensions ({@code persistedQuery.sha256Hash} or {@code documentId} name a
     *     persisted document; a request with both a hash and a query is declined, as it registers or checks the
     *     document), {@code null} for none
     * @param context entries for the request's GraphQL context, as an interceptor would put them (such as
     *     {@link FraiseqlRequestContext#LOCAL_SETTINGS}); empty for none
     * @param locale the request's locale, which the document cache and the coercion of values use
     */
    DirectResponse execute(String query, String operationName, Map<String, Object> variables, Map<String, Object> extensions,
            Map<String, Object> context, Locale locale);

    /** How many requests {@link #execute} answered. */
    long answered();

    /** How many requests {@link #execute} declined, so that graphql-java answered them. */
    long declined();
}
