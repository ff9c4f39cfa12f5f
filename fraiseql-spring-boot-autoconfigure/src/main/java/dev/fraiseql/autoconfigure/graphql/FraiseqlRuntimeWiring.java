package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.core.execution.QueryExecutor;
import dev.fraiseql.core.query.PageSettings;
import dev.fraiseql.core.query.SelectRenderer;
import graphql.schema.idl.RuntimeWiring;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Wires the starter's scalars and a data fetcher for every field bound by {@code @fraiseql}. */
public final class FraiseqlRuntimeWiring implements RuntimeWiringConfigurer {

    private final FraiseqlSchemaConfigurer schemaConfigurer;
    private final FraiseqlGraphQlProperties properties;
    private final QueryExecutor executor;
    private final Map<String, ViewDataFetcher> controllerFetchers = new ConcurrentHashMap<>();
    private final Map<String, FunctionDataFetcher> controllerFunctions = new ConcurrentHashMap<>();

    public FraiseqlRuntimeWiring(FraiseqlSchemaConfigurer schemaConfigurer, FraiseqlGraphQlProperties properties,
            QueryExecutor executor) {
        this.schemaConfigurer = schemaConfigurer;
        this.properties = properties;
        this.executor = executor;
    }

    /** The fetcher behind a {@link FraiseqlMapping} controller field such as {@code Query.books}, or null. */
    ViewDataFetcher controllerFetcher(String coordinate) {
        return controllerFetchers.get(coordinate);
    }

    /** The fetcher behind a {@link FraiseqlMapping} controller mutation such as {@code Mutation.addBook}, or null. */
    FunctionDataFetcher controllerFunction(String coordinate) {
        return controllerFunctions.get(coordinate);
    }

    @Override
    public void configure(RuntimeWiring.Builder builder) {
        FraiseqlSchema schema = schemaConfigurer.schema();
        schema.addedScalars().forEach(name -> builder.scalar(FraiseqlScalars.scalar(name)));
        SelectRenderer renderer = new SelectRenderer(schema.types(),
                new PageSettings(properties.getDefaultPageSize(), properties.getMaxPageSize()));
        SelectionTranslator translator = new SelectionTranslator(schema.types());
        RowConverter converter = new RowConverter(schema.types());
        Set<String> resolvedUnions = new HashSet<>();
        for (FieldBinding binding : schema.bindings()) {
            switch (binding.kind()) {
                case LIST, SINGLE -> {
                    ViewDataFetcher fetcher = new ViewDataFetcher(binding, schema.boundTypes().get(binding.coordinate()),
                            properties, renderer, executor, translator, converter);
                    if (binding.controller()) {
                        controllerFetchers.put(binding.coordinate(), fetcher);
                    } else {
                        builder.type(binding.parentType(), type -> type.dataFetcher(binding.field(), fetcher));
                    }
                }
                case MUTATION -> {
                    MutationResultType result = schema.mutationResults().get(binding.coordinate());
                    FunctionDataFetcher fetcher = new FunctionDataFetcher(binding, result, schema.types(), executor,
                            converter);
                    if (binding.controller()) {
                        controllerFunctions.put(binding.coordinate(), fetcher);
                    } else {
                        builder.type(binding.parentType(), type -> type.dataFetcher(binding.field(), fetcher));
                    }
                    if (result.isUnion() && resolvedUnions.add(result.resultType())) {
                        builder.type(result.resultType(), type -> type.typeResolver(env -> env.getSchema().getObjectType(
                                (String) ((Map<?, ?>) env.getObject()).get("__typename"))));
                    }
                }
                case CONNECTION -> builder.type(binding.parentType(), type -> type.dataFetcher(binding.field(),
                        new ConnectionDataFetcher(schema.boundTypes().get(binding.coordinate()), properties, renderer,
                                executor, translator, converter)));
            }
        }
    }
}
