package dev.fraiseql.graphql.internal.execution;

import dev.fraiseql.graphql.DirectExecution;
import dev.fraiseql.graphql.DirectResponse;
import dev.fraiseql.graphql.internal.fetch.Conditions;
import dev.fraiseql.graphql.internal.fetch.DirectAttempt;
import dev.fraiseql.graphql.internal.fetch.RawJson;
import graphql.ErrorClassification;
import graphql.ExecutionInput;
import graphql.ExecutionResultImpl;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.GraphqlErrorBuilder;
import graphql.execution.CoercedVariables;
import graphql.execution.ExecutionContextBuilder;
import graphql.execution.ExecutionId;
import graphql.execution.MergedField;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Directive;
import graphql.language.ArrayValue;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;
import org.springframework.graphql.observation.GraphQlObservationDocumentation;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;
import org.springframework.util.AlternativeJdkIdGenerator;
import org.springframework.util.IdGenerator;

/**
 * The {@link DirectExecution} of one {@link GraphQL} instance: for a document the cache already holds, it works out
 * once per operation whether every root field is {@code __typename} or read by a fetcher that answers with raw JSON,
 * and then answers each request of that operation by coercing its variables and arguments with graphql-java's own
 * resolver, applying the same limits, calling the fetchers and joining their JSON; everything else is declined.
 */
public final class DirectExecutor implements DirectExecution {

    private static final Logger log = LoggerFactory.getLogger(DirectExecutor.class);

    /** Operations whose plan is remembered; cleared when full, like the document cache. */
    private static final int CACHE_SIZE = 1000;
    private static final byte[] DATA = "{\"data\":{".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END = "}}".getBytes(StandardCharsets.UTF_8);

    /** The remembered answer for an operation that must go through graphql-java. */
    private static final Plan DECLINED = new Plan(List.of(), Map.of());
    /** The execution ids of observed requests, made the way Spring for GraphQL makes its request ids. */
    private static final IdGenerator IDS = new AlternativeJdkIdGenerator();
    private static final DefaultExecutionRequestObservationConvention REQUEST_CONVENTION =
            new DefaultExecutionRequestObservationConvention();

    private final String unavailable;
    private final GraphQLSchema schema;
    private final PersistedDocuments documents;
    private final List<QueryLimits> limits;
    private final Function<String, DataFetcher<?>> fetchers;
    private final ObservationRegistry observations;
    private final Map<OperationDefinition, Plan> plans = new ConcurrentHashMap<>();
    private final LongAdder answered = new LongAdder();
    private final LongAdder declined = new LongAdder();

    private DirectExecutor(String unavailable, GraphQLSchema schema, PersistedDocuments documents,
            List<QueryLimits> limits, Function<String, DataFetcher<?>> fetchers, ObservationRegistry observations) {
        this.unavailable = unavailable;
        this.observations = observations;
        this.schema = schema;
        this.documents = documents;
        this.limits = limits;
        this.fetchers = fetchers;
    }

    /**
     * The direct execution of {@code graphQl}, unavailable (with the reason) when the instance has parts a request
     * must pass through: another execution strategy, document provider or instrumentation than the binding's.
     *
     * @param fast whether view-bound fields answer with raw JSON (the fast path)
     * @param fetchers the fetcher of a query field ({@code Query.books}) that can be called outside graphql-java's
     *     execution, {@code null} for any other
     * @param observations the registry of Spring for GraphQL's {@link GraphQlObservationInstrumentation}, when the
     *     instance has one: each answered request is then observed as {@code graphql.request}, as that instrumentation
     *     would observe it
     */
    public static DirectExecutor create(GraphQL graphQl, boolean fast, Function<String, DataFetcher<?>> fetchers,
            ObservationRegistry observations) {
        boolean observed = false;
        List<QueryLimits> limits = new ArrayList<>();
        List<String> others = new ArrayList<>();
        Instrumentation instrumentation = graphQl.getInstrumentation();
        List<Instrumentation> all = instrumentation instanceof ChainedInstrumentation chained
                ? chained.getInstrumentations() : List.of(instrumentation);
        for (Instrumentation each : all) {
            if (each instanceof QueryLimits l) {
                limits.add(l);
            } else if (each != null && each.getClass() == GraphQlObservationInstrumentation.class) {
                observed = true;
            } else if (each != null && each.getClass() != SimplePerformantInstrumentation.class) {
                others.add(each.getClass().getName());
            }
        }
        PersistedDocuments documents = graphQl.getPreparsedDocumentProvider() instanceof PersistedDocuments p ? p : null;
        String unavailable = null;
        if (!fast) {
            unavailable = "fraiseql.graphql.execution is standard, so graphql-java completes every field";
        } else if (documents == null || !(documents.next() instanceof DocumentCache)) {
            unavailable = "the document cache is off (fraiseql.graphql.document-cache-size is 0) or replaced by the"
                    + " application's own PreparsedDocumentProvider";
        } else if (graphQl.getQueryStrategy().getClass() != RawJsonExecutionStrategy.class) {
            unavailable = "the query execution strategy is replaced by " + graphQl.getQueryStrategy().getClass().getName();
        } else if (!others.isEmpty()) {
            unavailable = "the GraphQL instrumentation " + String.join(", ", others) + " must see every request";
        } else if (observed && observations.isNoop()) {
            unavailable = "Spring for GraphQL's observations are on, but the binding was given no ObservationRegistry"
                    + " to record them in (FraiseqlGraphQl.Builder.observationRegistry)";
        }
        return new DirectExecutor(unavailable, graphQl.getGraphQLSchema(), documents, List.copyOf(limits), fetchers,
                observed ? observations : null);
    }

    @Override
    public String unavailable() {
        return unavailable;
    }

    @Override
    public long answered() {
        return answered.sum();
    }

    @Override
    public long declined() {
        return declined.sum();
    }

    @Override
    public DirectResponse execute(String query, String operationName, Map<String, Object> variables,
            Map<String, Object> extensions, Map<String, Object> context, Locale locale) {
        DirectResponse response = unavailable == null
                ? answer(query, operationName, variables, extensions, context, locale) : null;
        (response != null ? answered : declined).increment();
        return response;
    }

    private DirectResponse answer(String query, String operationName, Map<String, Object> variables,
            Map<String, Object> extensions, Map<String, Object> context, Locale locale) {
        PersistedDocuments.Cached cached = documents.cached(query, extensions, locale);
        PreparsedDocumentEntry entry = cached == null ? null : cached.entry();
        if (entry == null || entry.hasErrors()) {
            return null;
        }
        OperationDefinition operation = operation(entry.getDocument(), operationName);
        if (operation == null || operation.getOperation() != OperationDefinition.Operation.QUERY) {
            return null;
        }
        Plan plan = plans.get(operation);
        if (plan == null) {
            plan = plan(entry.getDocument(), operation);
            if (plans.size() >= CACHE_SIZE) {
                plans.clear();
            }
            plans.put(operation, plan);
        }
        if (plan == DECLINED) {
            return null;
        }
        try {
            return run(plan, operation, cached.query(), operationName, variables == null ? Map.of() : variables,
                    context, locale);
        } catch (Exception e) {
            // graphql-java answers it again, with the error where the specification puts it.
            log.debug("Declined a request that failed on the direct path: {}", e.toString());
            return null;
        }
    }

    private DirectResponse run(Plan plan, OperationDefinition operation, String query, String operationName,
            Map<String, Object> variables, Map<String, Object> entries, Locale locale) throws Exception {
        GraphQLContext context = DirectAttempt.mark(GraphQLContext.newContext().of(entries)).build();
        CoercedVariables coerced = ValuesResolver.coerceVariableValues(schema, operation.getVariableDefinitions(),
                RawVariables.of(variables), context, locale);
        for (QueryLimits l : limits) {
            l.check(operation, plan.fragments(), schema, coerced);
        }
        Conditions conditions = new Conditions(coerced.toMap());
        List<Root> included = new ArrayList<>(plan.roots().size());
        List<DataFetchingEnvironment> environments = new ArrayList<>(plan.roots().size());
        for (Root root : plan.roots()) {
            if (root.included(conditions)) {
                included.add(root);
                // Arguments are coerced before anything is read or observed, so a bad one declines at no cost.
                environments.add(root.fetcher == null ? null
                        : environment(root, plan, operation, coerced, context, locale));
            }
        }
        if (observations == null) {
            return fetch(included, environments);
        }
        ExecutionInput input = ExecutionInput.newExecutionInput(query).operationName(operationName)
                .variables(variables).locale(locale).executionId(ExecutionId.from(IDS.generateId().toString())).build();
        ExecutionRequestObservationContext observed = new ExecutionRequestObservationContext(input);
        observed.setExecutionContext(ExecutionContextBuilder.newExecutionContextBuilder().executionInput(input)
                .executionId(input.getExecutionIdNonNull()).graphQLSchema(schema).operationDefinition(operation).build());
        Observation observation = GraphQlObservationDocumentation.EXECUTION_REQUEST.observation(null,
                REQUEST_CONVENTION, () -> observed, observations).start();
        DirectResponse response = null;
        try {
            response = fetch(included, environments);
            return response;
        } finally {
            ExecutionResultImpl.Builder<?> result = ExecutionResultImpl.newExecutionResult();
            if (response == null) {
                // graphql-java answers again and observes the request itself; this attempt counts as a request error.
                result.addError(GraphqlErrorBuilder.newError().message("Declined by the direct path")
                        .errorType(Declined.DECLINED).build());
            }
            observed.setExecutionResult(result.build());
            observation.stop();
        }
    }

    /** Calls the fetchers and puts their JSON under {@code data}; {@code null} when a value needs graphql-java. */
    private DirectResponse fetch(List<Root> roots, List<DataFetchingEnvironment> environments) throws Exception {
        List<byte[]> parts = new ArrayList<>(2 * roots.size() + 2);
        parts.add(DATA);
        for (int i = 0; i < roots.size(); i++) {
            Root root = roots.get(i);
            parts.add(i == 0 ? root.key : root.nextKey);
            if (root.fetcher == null) {
                parts.add(root.typename);
                continue;
            }
            Object value = root.fetcher.get(environments.get(i));
            if (value instanceof RawJson raw) {
                parts.add(raw.bytes());
            } else if (value == null && !GraphQLTypeUtil.isNonNull(root.definition.getType())) {
                parts.add(NULL);
            } else {
                // Parsed rows (a row that broke a promise) or a null where the schema promised a value.
                return null;
            }
        }
        parts.add(END);
        return new DirectResponse(parts);
    }

    private DataFetchingEnvironment environment(Root root, Plan plan, OperationDefinition operation,
            CoercedVariables variables, GraphQLContext context, Locale locale) {
        GraphQLFieldDefinition definition = root.definition;
        Map<String, Object> arguments = root.arguments(schema, variables, context, locale);
        return DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
                .arguments(arguments)
                .mergedField(root.merged)
                .fieldDefinition(definition)
                .fieldType(definition.getType())
                .parentType(schema.getQueryType())
                .graphQLSchema(schema)
                .fragmentsByName(plan.fragments())
                .variables(variables.toMap())
                .graphQLContext(context)
                .operationDefinition(operation)
                .locale(locale)
                .build();
    }

    /**
     * The operation graphql-java would run: the named one, else the only one; {@code null} when there is none, and for
     * an empty name, which is left to graphql-java to judge.
     */
    private static OperationDefinition operation(Document document, String operationName) {
        OperationDefinition found = null;
        int count = 0;
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            count++;
            if (operationName != null && operationName.equals(operation.getName())) {
                return operation;
            }
            found = operation;
        }
        return operationName == null && count == 1 ? found : null;
    }

    /** The root fields of {@code operation}, or {@link #DECLINED} when one of them needs graphql-java. */
    private Plan plan(Document document, OperationDefinition operation) {
        Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
        for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
            fragments.put(fragment.getName(), fragment);
        }
        List<Root> roots = new ArrayList<>();
        boolean direct = collect(operation.getSelectionSet(), List.of(), fragments, roots, new HashSet<>());
        return direct ? new Plan(List.copyOf(roots), Map.copyOf(fragments)) : DECLINED;
    }

    private boolean collect(SelectionSet set, List<List<Directive>> enclosing, Map<String, FragmentDefinition> fragments,
            List<Root> roots, Set<String> keys) {
        GraphQLObjectType query = schema.getQueryType();
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                String key = field.getResultKey();
                // The same key twice is merged by graphql-java; that is left to it.
                if (!keys.add(key)) {
                    return false;
                }
                List<List<Directive>> conditions = with(enclosing, field.getDirectives());
                if (field.getName().equals("__typename")) {
                    roots.add(new Root(key, field, conditions, null, null, query.getName()));
                    continue;
                }
                GraphQLFieldDefinition definition = query.getFieldDefinition(field.getName());
                DataFetcher<?> fetcher = definition == null || field.getName().startsWith("__") ? null
                        : fetchers.apply(query.getName() + "." + field.getName());
                if (fetcher == null) {
                    return false;
                }
                roots.add(new Root(key, field, conditions, definition, fetcher, null));
            } else if (selection instanceof InlineFragment inline) {
                if (inline.getTypeCondition() != null && !inline.getTypeCondition().getName().equals(query.getName())
                        || !collect(inline.getSelectionSet(), with(enclosing, inline.getDirectives()), fragments, roots,
                        keys)) {
                    return false;
                }
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (fragment == null || !fragment.getTypeCondition().getName().equals(query.getName())
                        || !collect(fragment.getSelectionSet(), with(enclosing, spread.getDirectives()), fragments,
                        roots, keys)) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return true;
    }

    private static List<List<Directive>> with(List<List<Directive>> enclosing, List<Directive> directives) {
        if (directives.isEmpty()) {
            return enclosing;
        }
        List<List<Directive>> all = new ArrayList<>(enclosing);
        all.add(directives);
        return List.copyOf(all);
    }

    /** The classification of the error a declined attempt is observed with. */
    private enum Declined implements ErrorClassification {
        DECLINED
    }

    /** What an operation selects at its root, and the document's fragments its fields' selections may spread. */
    private record Plan(List<Root> roots, Map<String, FragmentDefinition> fragments) {
    }

    /**
     * One root field: its response key written as {@code "key":} and as {@code ,"key":}, the node, the directives of
     * the field and the fragments around it, and either its definition and fetcher or, for {@code __typename}, the
     * type's name as JSON. Arguments written without variables are coerced once and kept: graphql-java's coercion of a
     * generated filter input walks the whole input type (its {@code @oneOf} check among the rest), a sixth of a short
     * list's request.
     */
    private static final class Root {
        final byte[] key;
        final byte[] nextKey;
        final Field field;
        final List<List<Directive>> conditions;
        final GraphQLFieldDefinition definition;
        final DataFetcher<?> fetcher;
        final byte[] typename;
        final MergedField merged;
        final boolean literal;
        private volatile Map<String, Object> literalArguments;

        Root(String key, Field field, List<List<Directive>> conditions, GraphQLFieldDefinition definition,
                DataFetcher<?> fetcher, String typename) {
            // GraphQL names need no escaping in JSON.
            this.key = ("\"" + key + "\":").getBytes(StandardCharsets.UTF_8);
            this.nextKey = (",\"" + key + "\":").getBytes(StandardCharsets.UTF_8);
            this.field = field;
            this.conditions = conditions;
            this.definition = definition;
            this.fetcher = fetcher;
            this.typename = typename == null ? null : ("\"" + typename + "\"").getBytes(StandardCharsets.UTF_8);
            this.merged = MergedField.newMergedField(field).build();
            this.literal = field.getArguments().stream().noneMatch(argument -> usesVariables(argument.getValue()));
        }

        boolean included(Conditions decide) {
            for (List<Directive> directives : conditions) {
                if (!decide.included(directives)) {
                    return false;
                }
            }
            return true;
        }

        /** The field's coerced arguments: kept after the first coercion when they use no variable. */
        Map<String, Object> arguments(GraphQLSchema schema, CoercedVariables variables, GraphQLContext context,
                Locale locale) {
            Map<String, Object> known = literalArguments;
            if (known != null) {
                return known;
            }
            Map<String, Object> coerced = ValuesResolver.getArgumentValues(schema.getCodeRegistry(),
                    definition.getArguments(), field.getArguments(), variables, context, locale);
            if (literal) {
                literalArguments = Collections.unmodifiableMap(coerced);
            }
            return coerced;
        }

        private static boolean usesVariables(Value<?> value) {
            if (value instanceof VariableReference) {
                return true;
            }
            if (value instanceof ObjectValue object) {
                return object.getObjectFields().stream().anyMatch(f -> usesVariables(f.getValue()));
            }
            return value instanceof ArrayValue array && array.getValues().stream().anyMatch(Root::usesVariables);
        }
    }
}
