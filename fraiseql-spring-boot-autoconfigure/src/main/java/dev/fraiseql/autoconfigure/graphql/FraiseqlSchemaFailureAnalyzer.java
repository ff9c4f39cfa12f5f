package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.graphql.FraiseqlSchemaException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a start-up failure caused by the GraphQL schema's bindings: the field, view or type at fault and the fix. */
public class FraiseqlSchemaFailureAnalyzer extends AbstractFailureAnalyzer<FraiseqlSchemaException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, FraiseqlSchemaException cause) {
        return new FailureAnalysis("The GraphQL schema cannot be served from PostgreSQL: " + cause.problem(), cause.fix(),
                cause);
    }
}
