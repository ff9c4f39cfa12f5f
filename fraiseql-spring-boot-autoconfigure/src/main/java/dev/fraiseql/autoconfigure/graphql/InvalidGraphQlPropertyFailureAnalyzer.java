package dev.fraiseql.autoconfigure.graphql;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a start-up failure caused by a {@code fraiseql.graphql.*} property: what is wrong and how to fix it. */
public class InvalidGraphQlPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidGraphQlPropertyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidGraphQlPropertyException cause) {
        return new FailureAnalysis("The GraphQL setting " + cause.property() + " is set to '" + cause.value()
                + "', which cannot work: " + cause.problem() + ".", cause.fix(), cause);
    }
}
