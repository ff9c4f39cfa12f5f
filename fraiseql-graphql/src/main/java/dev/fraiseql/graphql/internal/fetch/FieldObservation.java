package dev.fraiseql.graphql.internal.fetch;

import dev.fraiseql.core.error.DatabaseException;
import dev.fraiseql.core.where.FilterException;
import dev.fraiseql.graphql.FraiseqlInputException;
import dev.fraiseql.graphql.internal.schema.FieldBinding;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.function.Supplier;

/**
 * Observes the database work of one bound field as {@code fraiseql.query} (views) or {@code fraiseql.mutation}
 * (functions), with the field, the view or function, the outcome and the error code as low-cardinality key values,
 * so that metrics and traces show each root field's database time. The SQL is never a key value: it would make
 * every filter a new metric. With no registry (the default) nothing is recorded and nothing is allocated.
 */
final class FieldObservation {

    /** The name of a view-bound field's observation. */
    static final String QUERY = "fraiseql.query";
    /** The name of a function-bound field's observation. */
    static final String MUTATION = "fraiseql.mutation";

    private FieldObservation() {
    }

    static <T> T observe(ObservationRegistry registry, FieldBinding binding, Supplier<T> work) {
        if (registry == null || registry.isNoop()) {
            return work.get();
        }
        boolean mutation = binding.kind() == FieldBinding.Kind.MUTATION;
        Observation observation = Observation.createNotStarted(mutation ? MUTATION : QUERY, registry)
                .contextualName((mutation ? "mutation " : "query ") + binding.coordinate())
                .lowCardinalityKeyValue("fraiseql.field", binding.coordinate())
                .lowCardinalityKeyValue(mutation ? "fraiseql.function" : "fraiseql.view", binding.target())
                .start();
        try (Observation.Scope ignored = observation.openScope()) {
            T result = work.get();
            observation.lowCardinalityKeyValue("outcome", "SUCCESS").lowCardinalityKeyValue("error.code", "none");
            return result;
        } catch (RuntimeException e) {
            observation.lowCardinalityKeyValue("outcome", "ERROR").lowCardinalityKeyValue("error.code", code(e));
            observation.error(e);
            throw e;
        } finally {
            observation.stop();
        }
    }

    /** The code a client sees in {@code extensions.code} for {@code e}. */
    private static String code(RuntimeException e) {
        if (e instanceof DatabaseException db) {
            return db.code();
        }
        if (e instanceof FilterException || e instanceof FraiseqlInputException) {
            return "BAD_USER_INPUT";
        }
        return "INTERNAL_ERROR";
    }
}
