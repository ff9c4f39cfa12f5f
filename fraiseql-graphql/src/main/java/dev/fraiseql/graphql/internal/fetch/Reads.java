package dev.fraiseql.graphql.internal.fetch;

import dev.fraiseql.core.execution.QueryExecutor;
import dev.fraiseql.core.execution.ResultSetReader;
import dev.fraiseql.core.execution.RowHandler;
import dev.fraiseql.core.sql.SqlStatement;
import dev.fraiseql.graphql.FraiseqlRequestContext;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;

/**
 * Runs the reads of view-bound fields: inside a read-only transaction carrying the request's local
 * settings when it has any (so row-level security and {@code current_setting} see the tenant), as one
 * autocommit statement otherwise: a GraphQL response holds the whole page anyway, so a cursor would only
 * cost a COMMIT round trip.
 */
final class Reads {

    private Reads() {
    }

    static long stream(QueryExecutor executor, DataFetchingEnvironment env, SqlStatement sql, RowHandler handler) {
        Map<String, String> settings = FraiseqlRequestContext.localSettings(env.getGraphQlContext());
        return settings.isEmpty() ? executor.fetch(sql, handler)
                : executor.inReadTransaction(settings, tx -> tx.stream(sql, handler));
    }

    static <T> T query(QueryExecutor executor, DataFetchingEnvironment env, SqlStatement sql, ResultSetReader<T> reader) {
        Map<String, String> settings = FraiseqlRequestContext.localSettings(env.getGraphQlContext());
        return settings.isEmpty() ? executor.fetchResult(sql, reader)
                : executor.inReadTransaction(settings, tx -> tx.query(sql, reader));
    }
}
