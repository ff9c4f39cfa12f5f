package dev.fraiseql.graphql;

import dev.fraiseql.core.catalog.ColumnCatalog;
import dev.fraiseql.core.catalog.ColumnCatalog.Column;
import dev.fraiseql.core.error.DatabaseException;
import dev.fraiseql.core.execution.QueryExecutor;
import dev.fraiseql.core.json.JsonProjector;
import dev.fraiseql.core.json.SelectionNode;
import dev.fraiseql.core.query.SelectRenderer;
import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.schema.TypeRegistry;
import dev.fraiseql.core.where.WhereRenderer;
import dev.fraiseql.graphql.internal.controller.ControllerMappings;
import dev.fraiseql.graphql.internal.controller.ViewQueryArgumentResolver;
import dev.fraiseql.graphql.internal.execution.DirectExecutor;
import dev.fraiseql.graphql.internal.execution.DocumentCache;
import dev.fraiseql.graphql.internal.execution.FieldReach;
import dev.fraiseql.graphql.internal.execution.PersistedDocuments;
import dev.fraiseql.graphql.internal.execution.QueryLimits;
import dev.fraiseql.graphql.internal.execution.RawJsonExecutionStrategy;
import dev.fraiseql.graphql.internal.execution.RawJsonSerialExecutionStrategy;
import dev.fraiseql.graphql.internal.fetch.Bindings;
import dev.fraiseql.graphql.internal.schema.BoundTypes;
import dev.fraiseql.graphql.internal.schema.ControllerMapping;
import dev.fraiseql.graphql.internal.schema.FieldBinding;
import dev.fraiseql.graphql.internal.schema.FraiseqlScalars;
import dev.fraiseql.graphql.internal.schema.FraiseqlSchema;
import dev.fraiseql.graphql.internal.schema.SchemaReader;
import dev.fraiseql.graphql.internal.schema.ViewCatalog;
import graphql.GraphQL;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionStrategy;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.schema.GraphQLScalarType;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.data.method.HandlerMethodArgumentResolver;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.execution.TypeDefinitionConfigurer;

/**
 * The binding of a GraphQL schema to PostgreSQL views and functions, for Spring for GraphQL: {@link #configure}
 * installs it into a {@link GraphQlSource} builder, and {@link #argumentResolver()} gives {@code @FraiseqlMapping}
 * controller methods their {@link ViewQuery} and {@link FunctionCall}. Spring Boot's auto-configuration does both;
 * without Boot, build one with {@link #builder(QueryExecutor)}.
 *
 * <p>The schema is read once, when the {@code GraphQlSource} is built: the bound fields, their types, the view
 * columns and the generated inputs become one immutable set of bindings, shared by the runtime wiring and the
 * argument resolver.
 */
public final class FraiseqlGraphQl {

    private static final Logger log = LoggerFactory.getLogger(FraiseqlGraphQl.class);

    private final QueryExecutor executor;
    private final FraiseqlGraphQlSettings settings;
    private final boolean readViewColumns;
    private final Supplier<List<ControllerMapping>> controllers;
    private final Function<TypeRegistry, SelectRenderer> selectRenderer;
    private final Function<List<SelectionNode>, RowProjector> projector;
    private final Function<TypeRegistry, RowConverter> rowConverter;
    private final Map<String, GraphQLScalarType> scalars;
    private final Function<DataFetcherExceptionHandler, ExecutionStrategy> queryStrategy;
    private final Function<DataFetcherExceptionHandler, ExecutionStrategy> mutationStrategy;
    private final FraiseqlExceptionResolver exceptionResolver;
    private final PreparsedDocumentProvider documentProvider;
    private final ObservationRegistry observations;
    private final AtomicReference<Bindings> bindings = new AtomicReference<>();
    private volatile Map<String, FieldReach> reaches = Map.of();

    private FraiseqlGraphQl(Builder b) {
        this.executor = b.executor;
        this.settings = b.settings;
        this.readViewColumns = b.catalog;
        this.controllers = b.controllers;
        Function<TypeRegistry, WhereRenderer> where = b.whereRenderer;
        this.selectRenderer = b.selectRenderer != null ? b.selectRenderer
                : types -> new SelectRenderer(types, b.settings.pages(), where.apply(types));
        this.projector = b.projector;
        this.rowConverter = b.rowConverter;
        this.scalars = Map.copyOf(b.scalars);
        this.queryStrategy = b.queryStrategy;
        this.mutationStrategy = b.mutationStrategy;
        this.exceptionResolver = b.exceptionResolver;
        this.observations = b.observations;
        int cacheSize = b.settings.documentCacheSize();
        PreparsedDocumentProvider parsed = b.documentProvider != null ? b.documentProvider
                : cacheSize > 0 ? new DocumentCache(cacheSize) : null;
        // Persisted documents are resolved first, then parsed and cached like any other document.
        PersistedQueries persisted = b.settings.persistedQueries();
        this.documentProvider = new PersistedDocuments(persisted.mode(), persisted.cacheSize(), persisted.documents(),
                parsed);
    }

    /** A builder of a binding whose statements {@code executor} runs. */
    public static Builder builder(QueryExecutor executor) {
        return new Builder(executor);
    }

    /** The settings the binding runs with. */
    public FraiseqlGraphQlSettings settings() {
        return settings;
    }

    /**
     * Installs the binding: reads the schema and adds the generated definitions, wires the data fetchers and
     * scalars, and sets the execution strategies (passing {@code resolvers} on, since replacing a strategy drops
     * Spring's exception handling otherwise) and the {@linkplain #documentProvider() document provider}.
     *
     * @param resolvers the application's exception resolvers, this binding's own {@link #exceptionResolver()} among
     *     them
     */
    public void configure(GraphQlSource.SchemaResourceBuilder builder, List<DataFetcherExceptionResolver> resolvers) {
        builder.configureTypeDefinitions(typeDefinitions()).configureRuntimeWiring(runtimeWiring());
        DataFetcherExceptionHandler handler = DataFetcherExceptionResolver.createExceptionHandler(resolvers);
        PreparsedDocumentProvider documents = documentProvider;
        builder.configureGraphQl(graphQl -> {
            graphQl.queryExecutionStrategy(queryStrategy.apply(handler))
                    .mutationExecutionStrategy(mutationStrategy.apply(handler));
            graphQl.preparsedDocumentProvider(documents);
        });
    }

    /** Reads the schema and adds the generated definitions; the first half of {@link #configure}. */
    public TypeDefinitionConfigurer typeDefinitions() {
        return this::read;
    }

    /** Wires the data fetchers and scalars of the schema read by {@link #typeDefinitions()}. */
    public RuntimeWiringConfigurer runtimeWiring() {
        return wiring -> bindings().wire(wiring, name -> scalars.getOrDefault(name, FraiseqlScalars.scalar(name)));
    }

    /** Gives {@code @FraiseqlMapping} controller methods their {@link ViewQuery} and {@link FunctionCall}. */
    public HandlerMethodArgumentResolver argumentResolver() {
        return new ViewQueryArgumentResolver(this::bindings);
    }

    /** Turns the binding's exceptions into GraphQL errors; pass it to Spring for GraphQL with the others. */
    public FraiseqlExceptionResolver exceptionResolver() {
        return exceptionResolver;
    }

    /**
     * Rejects operations deeper, with more aliases or root fields, estimated to read more rows, or documents longer,
     * than the settings allow.
     */
    public Instrumentation limits() {
        return new QueryLimits(settings.maxQueryDepth(), settings.maxAliases(), settings.maxRootFields(),
                settings.maxDocumentSize(), settings.maxCost(), settings.pages(), coordinate -> reaches.get(coordinate));
    }

    /**
     * Answers the view-bound queries {@code graphQl} runs without its field execution (see {@link DirectExecution});
     * {@code graphQl} must be the instance this binding was {@linkplain #configure installed} into, and the answer is
     * {@linkplain DirectExecution#unavailable() unavailable} when the instance has parts a request must pass through.
     *
     * @throws IllegalStateException before the schema is read
     */
    public DirectExecution directExecution(GraphQL graphQl) {
        Bindings current = bindings();
        return DirectExecutor.create(graphQl, settings.fast(), current::rawQueryFetcher, observations);
    }

    /**
     * What the cost limit charges for a bound root field: this is where each kind of binding gets its price, so a new
     * kind of bound field must be priced here (the switch has no default, so the compiler asks for it). Generated
     * aggregate fields cost a scan; fields bound to nothing cost 1.
     */
    private static FieldReach reach(FieldBinding binding) {
        return switch (binding.kind()) {
            case LIST -> FieldReach.PAGE;
            case CONNECTION -> FieldReach.CONNECTION;
            case SINGLE, MUTATION -> FieldReach.ROW;
        };
    }

    /**
     * Resolves documents named by hash (as {@link FraiseqlGraphQlSettings#persistedQueries()} allows) and keeps parsed
     * and validated documents in the builder's provider, or else in a cache of the settings' size (none when the
     * settings turn the cache off).
     */
    public PreparsedDocumentProvider documentProvider() {
        return documentProvider;
    }

    /**
     * The object types the bound fields return, as read from the schema.
     *
     * @throws IllegalStateException before the schema is read
     */
    public TypeRegistry types() {
        return bindings().schema().types();
    }

    /**
     * The type of the bound read field {@code coordinate} ({@code Query.books}) with its view's columns, or
     * {@code null} when no such field is bound.
     *
     * @throws IllegalStateException before the schema is read
     */
    public TypeDef boundType(String coordinate) {
        return bindings().schema().boundTypes().get(coordinate);
    }

    private Bindings bindings() {
        Bindings current = bindings.get();
        if (current == null) {
            throw new IllegalStateException("FraiseQL has not read the GraphQL schema yet: install it with"
                    + " FraiseqlGraphQl.configure(builder, ...) (or its typeDefinitions()) before the runtime wiring");
        }
        return current;
    }

    private void read(TypeDefinitionRegistry registry) {
        List<FieldBinding> found = SchemaReader.bindings(registry, controllers.get());
        ViewCatalog views = readViewColumns ? new ViewCatalog(new ColumnCatalog(executor), settings.validateViews()) : null;
        Map<String, Map<String, Column>> columns = Map.of();
        if (views != null) {
            try {
                columns = views.columns(found);
            } catch (DatabaseException e) {
                log.warn("Could not read the views bound by @fraiseql ({}): the database is not reachable; filters and"
                        + " sorts use the JSONB data until it is", e.getMessage());
                columns = null;
            }
        }
        FraiseqlSchema schema = SchemaReader.read(registry, found, columns);
        schema.applyTo(registry);
        TypeRegistry types = schema.types();
        BoundTypes bound = new BoundTypes(schema, views == null ? b -> Map.of() : views::columns, System::nanoTime);
        bindings.set(Bindings.create(schema, settings, executor, selectRenderer.apply(types), projector,
                rowConverter.apply(types), bound, observations));
        Map<String, FieldReach> priced = new LinkedHashMap<>();
        found.forEach(binding -> priced.put(binding.coordinate(), reach(binding)));
        // An aggregate reads every row its where matches, as a count does.
        schema.aggregates().values().forEach(aggregate -> priced.put(aggregate.coordinate(), FieldReach.SCAN));
        reaches = Map.copyOf(priced);
    }

    /** Collects what a {@link FraiseqlGraphQl} is built from; every part has a default. */
    public static final class Builder {

        private final QueryExecutor executor;
        private FraiseqlGraphQlSettings settings = FraiseqlGraphQlSettings.DEFAULTS;
        private boolean catalog = true;
        private Supplier<List<ControllerMapping>> controllers = List::of;
        private Function<TypeRegistry, WhereRenderer> whereRenderer = WhereRenderer::new;
        private Function<TypeRegistry, SelectRenderer> selectRenderer;
        private Function<List<SelectionNode>, RowProjector> projector = selection -> new JsonProjector(selection)::project;
        private Function<TypeRegistry, RowConverter> rowConverter = RowConverter::new;
        private final Map<String, GraphQLScalarType> scalars = new LinkedHashMap<>();
        private Function<DataFetcherExceptionHandler, ExecutionStrategy> queryStrategy = RawJsonExecutionStrategy::new;
        private Function<DataFetcherExceptionHandler, ExecutionStrategy> mutationStrategy =
                RawJsonSerialExecutionStrategy::new;
        private FraiseqlExceptionResolver exceptionResolver = new FraiseqlExceptionResolver();
        private PreparsedDocumentProvider documentProvider;
        private ObservationRegistry observations = ObservationRegistry.NOOP;

        private Builder(QueryExecutor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
        }

        /** Execution, projection, page sizes and limits; {@link FraiseqlGraphQlSettings#DEFAULTS} otherwise. */
        public Builder settings(FraiseqlGraphQlSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Whether to read the bound views' columns when the schema is read (the default), so that filters and sorts
         * use real (indexable) columns and the views are checked when the settings ask to; without it every field
         * uses the JSONB data and the database is not touched until the first request.
         */
        public Builder readViewColumns(boolean readColumns) {
            this.catalog = readColumns;
            return this;
        }

        /** Binds the {@code @FraiseqlMapping} methods of the {@code @Controller} beans of {@code context}. */
        public Builder controllers(ApplicationContext context) {
            Objects.requireNonNull(context, "context");
            this.controllers = () -> ControllerMappings.scan(context);
            return this;
        }

        /** Renders WHERE clauses; used by the default SELECT renderer. */
        public Builder whereRenderer(Function<TypeRegistry, WhereRenderer> whereRenderer) {
            this.whereRenderer = Objects.requireNonNull(whereRenderer, "whereRenderer");
            return this;
        }

        /** Renders SELECT statements (and, through the WHERE renderer it is given, their filters). */
        public Builder selectRenderer(Function<TypeRegistry, SelectRenderer> selectRenderer) {
            this.selectRenderer = Objects.requireNonNull(selectRenderer, "selectRenderer");
            return this;
        }

        /** Projects rows onto a selection in the JVM, on the fast path with JVM projection. */
        public Builder projector(Function<List<SelectionNode>, RowProjector> projector) {
            this.projector = Objects.requireNonNull(projector, "projector");
            return this;
        }

        /** Parses rows into maps on the standard path, and for controller methods that read rows. */
        public Builder rowConverter(Function<TypeRegistry, RowConverter> rowConverter) {
            this.rowConverter = Objects.requireNonNull(rowConverter, "rowConverter");
            return this;
        }

        /** Uses {@code scalar} for the scalar of its name that the binding declares ({@code UUID}, {@code Date}, ...). */
        public Builder scalar(GraphQLScalarType scalar) {
            this.scalars.put(scalar.getName(), scalar);
            return this;
        }

        /**
         * The strategy of queries. The default writes view-bound fields as PostgreSQL's JSON; a replacement that
         * does not extend it loses the fast path (set the execution to standard then).
         */
        public Builder queryExecutionStrategy(Function<DataFetcherExceptionHandler, ExecutionStrategy> strategy) {
            this.queryStrategy = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /** The strategy of mutations, which run one after another; see {@link #queryExecutionStrategy}. */
        public Builder mutationExecutionStrategy(Function<DataFetcherExceptionHandler, ExecutionStrategy> strategy) {
            this.mutationStrategy = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /** Turns the binding's exceptions into GraphQL errors. */
        public Builder exceptionResolver(FraiseqlExceptionResolver exceptionResolver) {
            this.exceptionResolver = Objects.requireNonNull(exceptionResolver, "exceptionResolver");
            return this;
        }

        /** Keeps parsed documents instead of the binding's own cache (an application's provider, for example). */
        public Builder documentProvider(PreparsedDocumentProvider documentProvider) {
            this.documentProvider = documentProvider;
            return this;
        }

        /**
         * Records each bound field's database work as the observation {@code fraiseql.query} or
         * {@code fraiseql.mutation} (tagged with the field, the view or function, the outcome and the error code);
         * {@link ObservationRegistry#NOOP}, the default, records nothing.
         */
        public Builder observationRegistry(ObservationRegistry observations) {
            this.observations = Objects.requireNonNull(observations, "observations");
            return this;
        }

        /** The binding. */
        public FraiseqlGraphQl build() {
            return new FraiseqlGraphQl(this);
        }
    }
}
