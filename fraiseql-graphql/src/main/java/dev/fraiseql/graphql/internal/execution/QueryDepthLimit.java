package dev.fraiseql.graphql.internal.execution;

import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.CoercedVariables;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rejects queries nested deeper than {@code fraiseql.graphql.max-query-depth}, with code {@code QUERY_TOO_DEEP}. A
 * field's depth is the number of fields on its path, fragments inlined, and a selection that {@code @skip} or
 * {@code @include} leaves out does not count. The depth of an operation whose directives use no variables is worked
 * out once per parsed document and then read from a cache: walking the query on every request cost a third of a small
 * request's time.
 */
public class QueryDepthLimit extends SimplePerformantInstrumentation {

    /** The {@code extensions.code} of the error. */
    public static final String CODE = "QUERY_TOO_DEEP";

    /** Operations whose depth is remembered; the cache is cleared when full, like the document cache. */
    private static final int CACHE_SIZE = 1000;

    private final int maxDepth;
    private final Map<OperationDefinition, Integer> depths = new ConcurrentHashMap<>();

    /** @param maxDepth the deepest nesting accepted */
    public QueryDepthLimit(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters
            parameters, InstrumentationState state) {
        if (maxDepth != Integer.MAX_VALUE) {
            int depth = depth(parameters.getExecutionContext());
            if (depth > maxDepth) {
                throw new TooDeep("Query depth " + depth + " exceeds the maximum of " + maxDepth
                        + " (fraiseql.graphql.max-query-depth): select fewer nested levels");
            }
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private int depth(ExecutionContext context) {
        OperationDefinition operation = context.getOperationDefinition();
        Integer known = depths.get(operation);
        if (known != null) {
            return known;
        }
        Walk walk = new Walk(context.getFragmentsByName(), context.getCoercedVariables());
        int depth = walk.depth(operation.getSelectionSet(), 0);
        if (!walk.usedVariables) {
            if (depths.size() >= CACHE_SIZE) {
                depths.clear();
            }
            depths.put(operation, depth);
        }
        return depth;
    }

    /** One walk of an operation, noting whether a directive's variable decided what counted. */
    private static final class Walk {
        private final Map<String, FragmentDefinition> fragments;
        private final CoercedVariables variables;
        private boolean usedVariables;

        Walk(Map<String, FragmentDefinition> fragments, CoercedVariables variables) {
            this.fragments = fragments;
            this.variables = variables;
        }

        /** The depth below {@code set} when its parent field is at {@code level}. */
        int depth(SelectionSet set, int level) {
            if (set == null || level > 10_000) {
                return level;
            }
            int deepest = level;
            for (Selection<?> selection : set.getSelections()) {
                if (selection instanceof Field field && included(field.getDirectives())) {
                    deepest = Math.max(deepest, depth(field.getSelectionSet(), level + 1));
                } else if (selection instanceof InlineFragment inline && included(inline.getDirectives())) {
                    deepest = Math.max(deepest, depth(inline.getSelectionSet(), level));
                } else if (selection instanceof FragmentSpread spread && included(spread.getDirectives())) {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    if (fragment != null) {
                        deepest = Math.max(deepest, depth(fragment.getSelectionSet(), level));
                    }
                }
            }
            return deepest;
        }

        private boolean included(List<Directive> directives) {
            for (Directive directive : directives) {
                boolean skip = directive.getName().equals("skip");
                if (skip || directive.getName().equals("include")) {
                    boolean condition = condition(directive);
                    if (skip == condition) {
                        return false;
                    }
                }
            }
            return true;
        }

        private boolean condition(Directive directive) {
            Value<?> value = directive.getArgument("if") == null ? null : directive.getArgument("if").getValue();
            if (value instanceof BooleanValue literal) {
                return literal.isValue();
            }
            if (value instanceof VariableReference reference) {
                usedVariables = true;
                return Boolean.TRUE.equals(variables.get(reference.getName()));
            }
            return true;
        }
    }

    private static final class TooDeep extends AbortExecutionException {
        TooDeep(String message) {
            super(message);
        }

        @Override
        public Map<String, Object> getExtensions() {
            return Map.of("code", CODE);
        }
    }
}
