package dev.fraiseql.graphql.internal.fetch;

import dev.fraiseql.core.execution.QueryExecutor;
import dev.fraiseql.core.json.SelectionNode;
import dev.fraiseql.core.query.SelectRenderer;
import dev.fraiseql.graphql.FraiseqlGraphQlSettings;
import dev.fraiseql.graphql.FunctionCall;
import dev.fraiseql.graphql.RowConverter;
import dev.fraiseql.graphql.RowProjector;
import dev.fraiseql.graphql.ViewQuery;
import dev.fraiseql.graphql.internal.schema.AggregateField;
import dev.fraiseql.graphql.internal.schema.BoundTypes;
import dev.fraiseql.graphql.internal.schema.FieldBinding;
import dev.fraiseql.graphql.internal.schema.FraiseqlSchema;
import dev.fraiseql.graphql.internal.schema.MutationResultType;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLScalarType;
import graphql.schema.idl.RuntimeWiring;
import io.micrometer.observation.ObservationRegistry;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The data fetcher of every bound field of one schema, built once and never changed: the runtime wiring installs
 * those of {@code @fraiseql} fields, and the controller argument resolver hands out the queries and calls of
 * {@code @FraiseqlMapping} methods.
 */
public final class Bindings {

    private final FraiseqlSchema schema;
    private final Map<String, DataFetcher<?>> schemaFetchers;
    private final Map<String, ViewDataFetcher> controllerViews;
    private final Map<String, FunctionDataFetcher> controllerFunctions;

    private Bindings(FraiseqlSchema schema, Map<String, DataFetcher<?>> schemaFetchers,
            Map<String, ViewDataFetcher> controllerViews, Map<String, FunctionDataFetcher> controllerFunctions) {
        this.schema = schema;
        this.schemaFetchers = Map.copyOf(schemaFetchers);
        this.controllerViews = Map.copyOf(controllerViews);
        this.controllerFunctions = Map.copyOf(controllerFunctions);
    }

    /**
     * The fetchers of {@code schema}'s bindings.
     *
     * @param projectors makes the JVM projector of a selection
     * @param converter parses rows on the standard path
     * @param boundTypes per read field, its type bound to its view
     * @param observations records each field's database work
     */
    public static Bindings create(FraiseqlSchema schema, FraiseqlGraphQlSettings settings, QueryExecutor executor,
            SelectRenderer renderer, Function<List<SelectionNode>, RowProjector> projectors, RowConverter converter,
            BoundTypes boundTypes, ObservationRegistry observations) {
        Engine engine = new Engine(settings, executor, renderer, projectors, converter, schema.types(),
                new SelectionTranslator(schema.types()), boundTypes, observations);
        Map<String, DataFetcher<?>> schemaFetchers = new LinkedHashMap<>();
        Map<String, ViewDataFetcher> views = new LinkedHashMap<>();
        Map<String, FunctionDataFetcher> functions = new LinkedHashMap<>();
        for (FieldBinding binding : schema.bindings()) {
            switch (binding.kind()) {
                case LIST, SINGLE -> {
                    ViewDataFetcher fetcher = new ViewDataFetcher(binding, engine);
                    if (binding.controller()) {
                        views.put(binding.coordinate(), fetcher);
                    } else {
                        schemaFetchers.put(binding.coordinate(), fetcher);
                    }
                }
                case MUTATION -> {
                    FunctionDataFetcher fetcher = new FunctionDataFetcher(binding,
                            schema.mutationResults().get(binding.coordinate()), engine);
                    if (binding.controller()) {
                        functions.put(binding.coordinate(), fetcher);
                    } else {
                        schemaFetchers.put(binding.coordinate(), fetcher);
                    }
                }
                case CONNECTION -> schemaFetchers.put(binding.coordinate(), new ConnectionDataFetcher(binding, engine));
            }
        }
        for (AggregateField aggregate : schema.aggregates().values()) {
            schemaFetchers.put(aggregate.coordinate(), new AggregateDataFetcher(aggregate, engine));
        }
        return new Bindings(schema, schemaFetchers, views, functions);
    }

    /** What the fetchers serve. */
    public FraiseqlSchema schema() {
        return schema;
    }

    /**
     * Installs the fetchers of the schema's {@code @fraiseql} fields, the scalars the binding declared, and the type
     * resolvers of mutation result unions.
     *
     * @param scalars the implementation of a scalar, by name
     */
    public void wire(RuntimeWiring.Builder builder, Function<String, GraphQLScalarType> scalars) {
        schema.addedScalars().forEach(name -> builder.scalar(scalars.apply(name)));
        for (FieldBinding binding : schema.bindings()) {
            DataFetcher<?> fetcher = schemaFetchers.get(binding.coordinate());
            if (fetcher != null) {
                builder.type(binding.parentType(), type -> type.dataFetcher(binding.field(), fetcher));
            }
        }
        for (AggregateField aggregate : schema.aggregates().values()) {
            DataFetcher<?> fetcher = schemaFetchers.get(aggregate.coordinate());
            builder.type(aggregate.source().parentType(), type -> type.dataFetcher(aggregate.field(), fetcher));
        }
        Set<String> unions = new LinkedHashSet<>();
        for (MutationResultType result : schema.mutationResults().values()) {
            if (result.isUnion() && unions.add(result.resultType())) {
                builder.type(result.resultType(), type -> type.typeResolver(env -> env.getSchema().getObjectType(
                        (String) ((Map<?, ?>) env.getObject()).get("__typename"))));
            }
        }
    }

    /**
     * The fetcher of the query field {@code coordinate} ({@code Query.books}) when it reads a view, pages through one or
     * aggregates one and needs from graphql-java only the field's arguments, selection, variables and context, so that
     * it can be called outside graphql-java's execution; {@code null} for any other field (controller methods,
     * mutations). A connection whose selection only graphql-java can complete declines such a call before it reads.
     */
    public DataFetcher<?> rawQueryFetcher(String coordinate) {
        DataFetcher<?> fetcher = schemaFetchers.get(coordinate);
        return fetcher instanceof ViewDataFetcher || fetcher instanceof AggregateDataFetcher
                || fetcher instanceof ConnectionDataFetcher ? fetcher : null;
    }

    /** The query of the {@code @FraiseqlMapping(view = ...)} method serving {@code coordinate}, or {@code null}. */
    public ViewQuery viewQuery(String coordinate, DataFetchingEnvironment env) {
        ViewDataFetcher fetcher = controllerViews.get(coordinate);
        return fetcher == null ? null : fetcher.query(env);
    }

    /** The call of the {@code @FraiseqlMapping(function = ...)} method serving {@code coordinate}, or {@code null}. */
    public FunctionCall functionCall(String coordinate, DataFetchingEnvironment env) {
        FunctionDataFetcher fetcher = controllerFunctions.get(coordinate);
        return fetcher == null ? null : fetcher.call(env);
    }
}
