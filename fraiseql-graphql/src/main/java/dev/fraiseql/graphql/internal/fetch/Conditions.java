package dev.fraiseql.graphql.internal.fetch;

import graphql.language.Argument;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.Value;
import graphql.language.VariableReference;
import java.util.List;
import java.util.Map;

/**
 * Applies {@code @skip} and {@code @include} as the GraphQL spec's CollectFields does, and remembers whether a variable
 * decided any of them, so that whatever was worked out from a parsed document is kept only when it holds for every
 * request of that document.
 */
public final class Conditions {

    private final Map<String, Object> variables;
    private boolean usedVariables;

    /** @param variables the request's coerced variables */
    public Conditions(Map<String, Object> variables) {
        this.variables = variables;
    }

    /** Whether a selection carrying {@code directives} is selected. */
    public boolean included(List<Directive> directives) {
        for (Directive directive : directives) {
            boolean skip = directive.getName().equals("skip");
            if (skip || directive.getName().equals("include")) {
                Argument condition = directive.getArgument("if");
                boolean value = condition != null && isTrue(condition.getValue());
                if (value == skip) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether a variable decided one of the conditions seen so far. */
    public boolean usedVariables() {
        return usedVariables;
    }

    private boolean isTrue(Value<?> value) {
        if (value instanceof BooleanValue b) {
            return b.isValue();
        }
        if (value instanceof VariableReference ref) {
            usedVariables = true;
            return Boolean.TRUE.equals(variables.get(ref.getName()));
        }
        return false;
    }
}
