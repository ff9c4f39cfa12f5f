package dev.fraiseql.graphql.internal.execution;

import dev.fraiseql.core.query.PageSettings;
import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.CoercedVariables;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import dev.fraiseql.graphql.internal.fetch.Conditions;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLSchema;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Rejects operations nested deeper than {@code fraiseql.graphql.max-query-depth} ({@code QUERY_TOO_DEEP}), with more
 * aliases than {@code max-aliases} ({@code TOO_MANY_ALIASES}) or more root fields than {@code max-root-fields}
 * ({@code TOO_MANY_ROOT_FIELDS}), whose estimated cost in rows is over {@code max-cost} ({@code QUERY_TOO_COSTLY}, see
 * {@link QueryCost}), and documents longer than {@code max-document-size} ({@code DOCUMENT_TOO_LARGE}). Fragments are
 * counted where they are spread, and a selection that {@code @skip} or {@code @include} leaves out does not count. The
 * measures of an operation whose directives and page sizes use no variables are worked out once per parsed document and
 * then read from a cache: walking the query on every request cost a third of a small request's time.
 */
public class QueryLimits extends SimplePerformantInstrumentation {

    /** The {@code extensions.code} of a query nested too deep. */
    public static final String TOO_DEEP = "QUERY_TOO_DEEP";
    /** The {@code extensions.code} of a query with too many aliases. */
    public static final String TOO_MANY_ALIASES = "TOO_MANY_ALIASES";
    /** The {@code extensions.code} of a query with too many root fields. */
    public static final String TOO_MANY_ROOT_FIELDS = "TOO_MANY_ROOT_FIELDS";
    /** The {@code extensions.code} of a document too long to parse. */
    public static final String DOCUMENT_TOO_LARGE = "DOCUMENT_TOO_LARGE";
    /** The {@code extensions.code} of a query whose estimated cost is over the maximum. */
    public static final String TOO_COSTLY = "QUERY_TOO_COSTLY";

    /** Operations whose depth is remembered; the cache is cleared when full, like the document cache. */
    private static final int CACHE_SIZE = 1000;

    /** What an operation measures. */
    private record Measures(int depth, int aliases, int rootFields, long cost) {
    }

    private final int maxDepth;
    private final int maxAliases;
    private final int maxRootFields;
    private final int maxDocumentSize;
    private final long maxCost;
    private final PageSettings pages;
    private final Function<String, FieldReach> reaches;
    private final Map<OperationDefinition, Measures> measures = new ConcurrentHashMap<>();

    /**
     * @param maxDepth the deepest nesting accepted, 0 for no limit
     * @param maxAliases the most aliases accepted, 0 for no limit
     * @param maxRootFields the most root fields accepted, 0 for no limit
     * @param maxDocumentSize the longest document accepted, in characters, 0 for no limit
     */
    public QueryLimits(int maxDepth, int maxAliases, int maxRootFields, int maxDocumentSize) {
        this(maxDepth, maxAliases, maxRootFields, maxDocumentSize, 0, PageSettings.DEFAULT, coordinate -> null);
    }

    /**
     * @param maxDepth the deepest nesting accepted, 0 for no limit
     * @param maxAliases the most aliases accepted, 0 for no limit
     * @param maxRootFields the most root fields accepted, 0 for no limit
     * @param maxDocumentSize the longest document accepted, in characters, 0 for no limit
     * @param maxCost the highest estimated cost accepted, in rows, 0 for no limit
     * @param pages the page sizes that price a list or connection without a size of its own
     * @param reaches what a root field ({@code Query.books}) can read, {@code null} for a field that costs 1
     */
    public QueryLimits(int maxDepth, int maxAliases, int maxRootFields, int maxDocumentSize, long maxCost,
            PageSettings pages, Function<String, FieldReach> reaches) {
        this.maxDepth = maxDepth;
        this.maxAliases = maxAliases;
        this.maxRootFields = maxRootFields;
        this.maxDocumentSize = maxDocumentSize;
        this.maxCost = maxCost;
        this.pages = pages;
        this.reaches = reaches;
    }

    /** Refuses a document too long before it is parsed (a document the cache holds was checked when it was parsed). */
    @Override
    public InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        String query = parameters.getQuery();
        if (maxDocumentSize > 0 && query != null && query.length() > maxDocumentSize) {
            throw new Refused(DOCUMENT_TOO_LARGE, "The query document has " + query.length() + " characters, more"
                    + " than the maximum of " + maxDocumentSize + " (fraiseql.graphql.max-document-size): send a"
                    + " shorter document, or register it as a persisted query");
        }
        return super.beginParse(parameters, state);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters
            parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        check(context.getOperationDefinition(), context.getFragmentsByName(), context.getGraphQLSchema(),
                context.getCoercedVariables());
        return super.beginExecuteOperation(parameters, state);
    }

    /**
     * Refuses {@code operation} when it is deeper, has more aliases or root fields, or is estimated to cost more than the
     * limits allow.
     *
     * @throws AbortExecutionException naming the limit, with its code in the extensions
     */
    public void check(OperationDefinition operation, Map<String, FragmentDefinition> fragments, GraphQLSchema schema,
            CoercedVariables variables) {
        if (maxDepth > 0 || maxAliases > 0 || maxRootFields > 0 || maxCost > 0) {
            Measures m = measure(operation, fragments, schema, variables);
            if (maxDepth > 0 && m.depth() > maxDepth) {
                throw new Refused(TOO_DEEP, "Query depth " + m.depth() + " exceeds the maximum of " + maxDepth
                        + " (fraiseql.graphql.max-query-depth): select fewer nested levels");
            }
            if (maxAliases > 0 && m.aliases() > maxAliases) {
                throw new Refused(TOO_MANY_ALIASES, "The query has " + m.aliases() + " aliases, more than the maximum"
                        + " of " + maxAliases + " (fraiseql.graphql.max-aliases): send fewer aliased fields, or split"
                        + " the query");
            }
            if (maxRootFields > 0 && m.rootFields() > maxRootFields) {
                throw new Refused(TOO_MANY_ROOT_FIELDS, "The query selects " + m.rootFields() + " root fields, more"
                        + " than the maximum of " + maxRootFields + " (fraiseql.graphql.max-root-fields): split it"
                        + " into several requests");
            }
            if (maxCost > 0 && m.cost() > maxCost) {
                throw new Refused(TOO_COSTLY, "The query could read about " + m.cost() + " rows (its estimated cost),"
                        + " more than the maximum cost of " + maxCost + " (fraiseql.graphql.max-cost): ask for smaller"
                        + " pages with limit, first or last, select fewer nested lists, or split the query");
            }
        }
    }

    private Measures measure(OperationDefinition operation, Map<String, FragmentDefinition> fragments,
            GraphQLSchema schema, CoercedVariables variables) {
        Measures known = measures.get(operation);
        if (known != null) {
            return known;
        }
        Walk walk = new Walk(fragments, variables);
        int depth = walk.depth(operation.getSelectionSet(), 0);
        long cost = 0;
        boolean costUsedVariables = false;
        if (maxCost > 0) {
            GraphQLCompositeType root = switch (operation.getOperation()) {
                case MUTATION -> schema.getMutationType();
                case SUBSCRIPTION -> schema.getSubscriptionType();
                default -> schema.getQueryType();
            };
            QueryCost estimate = new QueryCost(schema, fragments, walk.conditions, variables.toMap(), pages, reaches);
            cost = estimate.root(operation.getSelectionSet(), root);
            costUsedVariables = estimate.usedVariables();
        }
        Measures m = new Measures(depth, walk.aliases, walk.rootFields, cost);
        if (!walk.conditions.usedVariables() && !costUsedVariables) {
            if (measures.size() >= CACHE_SIZE) {
                measures.clear();
            }
            measures.put(operation, m);
        }
        return m;
    }

    /** One walk of an operation, counting aliases and root fields. */
    private static final class Walk {
        private final Map<String, FragmentDefinition> fragments;
        private final Conditions conditions;
        private int aliases;
        private int rootFields;

        Walk(Map<String, FragmentDefinition> fragments, CoercedVariables variables) {
            this.fragments = fragments;
            this.conditions = new Conditions(variables.toMap());
        }

        /** The depth below {@code set} when its parent field is at {@code level}. */
        int depth(SelectionSet set, int level) {
            if (set == null || level > 10_000) {
                return level;
            }
            int deepest = level;
            for (Selection<?> selection : set.getSelections()) {
                if (selection instanceof Field field && conditions.included(field.getDirectives())) {
                    aliases += field.getAlias() != null ? 1 : 0;
                    rootFields += level == 0 ? 1 : 0;
                    deepest = Math.max(deepest, depth(field.getSelectionSet(), level + 1));
                } else if (selection instanceof InlineFragment inline && conditions.included(inline.getDirectives())) {
                    deepest = Math.max(deepest, depth(inline.getSelectionSet(), level));
                } else if (selection instanceof FragmentSpread spread && conditions.included(spread.getDirectives())) {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    if (fragment != null) {
                        deepest = Math.max(deepest, depth(fragment.getSelectionSet(), level));
                    }
                }
            }
            return deepest;
        }
    }

    /** Aborts the operation before it runs, with its code in {@code extensions}. */
    private static final class Refused extends AbortExecutionException {
        private final String code;

        Refused(String code, String message) {
            super(message);
            this.code = code;
        }

        @Override
        public Map<String, Object> getExtensions() {
            return Map.of("code", code);
        }
    }
}
