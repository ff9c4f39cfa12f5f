package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.core.config.DbSettings;
import dev.fraiseql.core.error.RetryPolicy;
import dev.fraiseql.core.execution.ConnectionSource;
import dev.fraiseql.core.execution.ExecutorSettings;
import dev.fraiseql.core.execution.QueryExecutor;
import dev.fraiseql.graphql.DirectExecution;
import dev.fraiseql.graphql.FraiseqlExceptionResolver;
import dev.fraiseql.graphql.FraiseqlGraphQl;
import dev.fraiseql.graphql.FraiseqlGraphQlCustomizer;
import dev.fraiseql.graphql.FraiseqlRequestContext;
import dev.fraiseql.graphql.PersistedQueryMode;
import graphql.GraphQL;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.graphql.data.method.HandlerMethodArgumentResolver;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.observation.DataFetcherObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.graphql.server.webmvc.GraphQlRequestPredicates;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Makes the application a GraphQL server over PostgreSQL views: builds the {@link FraiseqlGraphQl} binding from the
 * {@code fraiseql.graphql.*} properties and every {@link FraiseqlGraphQlCustomizer}, and installs it into Spring for
 * GraphQL. Each bean backs off when the application defines its own.
 */
@AutoConfiguration(afterName = {"dev.fraiseql.autoconfigure.FraiseqlDataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"},
        before = GraphQlAutoConfiguration.class)
@ConditionalOnClass({GraphQL.class, GraphQlSource.class, FraiseqlGraphQl.class})
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(FraiseqlGraphQlProperties.class)
public final class FraiseqlGraphQlAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    QueryExecutor fraiseqlQueryExecutor(DataSource dataSource, ObjectProvider<DbSettings> dbSettings,
            ObjectProvider<ConnectionSource> connectionSource) {
        DbSettings db = dbSettings.getIfAvailable();
        // The executor leaves slow-statement logging to FraiseQL's own pool when it is the data source.
        ExecutorSettings settings = db == null ? ExecutorSettings.DEFAULT : new ExecutorSettings(
                new RetryPolicy(db.maxRetries(), db.initialBackoff(), db.maxBackoff()), db.queryTimeout(),
                db.performanceLog(), db.performanceThreshold(), ExecutorSettings.DEFAULT_FETCH_SIZE);
        return new QueryExecutor(dataSource, settings,
                connectionSource.getIfAvailable(() -> ConnectionSource.of(dataSource)));
    }

    @Bean
    @ConditionalOnMissingBean
    FraiseqlExceptionResolver fraiseqlExceptionResolver() {
        return new FraiseqlExceptionResolver();
    }

    /** Reads the bound views when the schema is built, so it waits for schema.sql and migrations to have run. */
    @Bean
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    FraiseqlGraphQl fraiseqlGraphQl(QueryExecutor executor, FraiseqlGraphQlProperties properties,
            FraiseqlExceptionResolver exceptionResolver, ObjectProvider<PreparsedDocumentProvider> documents,
            ObjectProvider<FraiseqlGraphQlCustomizer> customizers, ObjectProvider<ObservationRegistry> observations,
            ApplicationContext context) {
        // An application's own document provider wins over the binding's cache.
        FraiseqlGraphQl.Builder builder = FraiseqlGraphQl.builder(executor).settings(properties.toSettings())
                .controllers(context).exceptionResolver(exceptionResolver)
                .documentProvider(documents.getIfAvailable())
                .observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    @Bean
    HandlerMethodArgumentResolver fraiseqlArgumentResolver(FraiseqlGraphQl fraiseql) {
        return fraiseql.argumentResolver();
    }

    @Bean
    GraphQlSourceBuilderCustomizer fraiseqlGraphQlSourceBuilderCustomizer(FraiseqlGraphQl fraiseql,
            ObjectProvider<DataFetcherExceptionResolver> resolvers) {
        return builder -> fraiseql.configure(builder, resolvers.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean(name = "fraiseqlQueryLimits")
    Instrumentation fraiseqlQueryLimits(FraiseqlGraphQl fraiseql) {
        return fraiseql.limits();
    }

    /**
     * The POST route of the GraphQL endpoint, ahead of Spring for GraphQL's own: answers view-bound queries directly
     * ({@code fraiseql.graphql.direct-execution}), moves a top-level {@code documentId} into the extensions in the
     * allow-list mode, and hands everything else to Spring's handler.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass({RouterFunction.class, GraphQlHttpHandler.class})
    static class PostRouteConfiguration {

        /** FraiseQL's own interceptors: GET requests, and the request settings, which the direct path applies too. */
        private static final Set<String> OWN_INTERCEPTORS = Set.of("fraiseqlQueriesOnlyOverGet",
                "fraiseqlRequestSettingsInterceptor");

        @Bean
        GraphQlPostHandler fraiseqlGraphQlPostHandler(ObjectProvider<GraphQlHttpHandler> handler,
                ObjectProvider<GraphQlSource> source, FraiseqlGraphQl fraiseql, FraiseqlGraphQlProperties properties,
                ObjectProvider<FraiseqlRequestSettings> settings, ListableBeanFactory beans) {
            List<FraiseqlRequestSettings> requestSettings = settings.orderedStream().toList();
            boolean allowList = properties.getPersistedQueries().getMode() == PersistedQueryMode.ALLOW_LIST;
            DocumentIdRequests documentIds = new DocumentIdRequests(handler::getObject);
            HandlerFunction<ServerResponse> next = allowList ? documentIds::post
                    : request -> handler.getObject().handleRequest(request);
            GraphQlPostHandler.ReadRoute nextRead = allowList ? documentIds::post
                    : GraphQlPostHandler.spring(handler::getObject);
            return new GraphQlPostHandler(() -> properties.isDirectExecution() ? direct(fraiseql, source, beans) : null,
                    next, nextRead, allowList, request -> context(requestSettings, request));
        }

        /** The binding's direct execution, or one that is off, naming the application's part it cannot honour. */
        private static DirectExecution direct(FraiseqlGraphQl fraiseql, ObjectProvider<GraphQlSource> source,
                ListableBeanFactory beans) {
            List<String> interceptors = Arrays.stream(beans.getBeanNamesForType(WebGraphQlInterceptor.class))
                    .filter(name -> !OWN_INTERCEPTORS.contains(name)).toList();
            if (!interceptors.isEmpty()) {
                return GraphQlPostHandler.off("the application's WebGraphQlInterceptor beans ("
                        + String.join(", ", interceptors) + ") must see every request");
            }
            List<String> conventions = Stream.of(ExecutionRequestObservationConvention.class,
                    DataFetcherObservationConvention.class)
                    .flatMap(type -> Arrays.stream(beans.getBeanNamesForType(type))).toList();
            if (!conventions.isEmpty()) {
                return GraphQlPostHandler.off("it records graphql.request with Spring for GraphQL's default"
                        + " convention, not the application's (" + String.join(", ", conventions) + ")");
            }
            return fraiseql.directExecution(source.getObject().graphQl());
        }

        /** Copies each request's {@link FraiseqlRequestSettings} into its GraphQL context on the graphql-java path. */
        @Bean
        @ConditionalOnBean(FraiseqlRequestSettings.class)
        WebGraphQlInterceptor fraiseqlRequestSettingsInterceptor(ObjectProvider<FraiseqlRequestSettings> settings) {
            List<FraiseqlRequestSettings> requestSettings = settings.orderedStream().toList();
            return (request, chain) -> {
                // Spring MVC runs interceptors on the thread that holds the servlet request.
                Map<String, Object> context = RequestContextHolder.getRequestAttributes()
                        instanceof ServletRequestAttributes servlet ? context(requestSettings, servlet.getRequest())
                        : Map.of();
                if (!context.isEmpty()) {
                    request.configureExecutionInput((input, builder) -> builder.graphQLContext(context).build());
                }
                return chain.next(request);
            };
        }

        /** The GraphQL context entries of {@code request}: its settings, merged in the beans' order. */
        private static Map<String, Object> context(List<FraiseqlRequestSettings> settings, HttpServletRequest request) {
            if (settings.isEmpty()) {
                return Map.of();
            }
            Map<String, String> merged = new LinkedHashMap<>();
            for (FraiseqlRequestSettings each : settings) {
                Map<String, String> some = each.settings(request);
                if (some != null) {
                    // A setting without a value (a missing header) is left out rather than set to an empty string.
                    some.forEach((name, value) -> {
                        if (value != null) {
                            merged.put(name, value);
                        }
                    });
                }
            }
            return merged.isEmpty() ? Map.of() : Map.of(FraiseqlRequestContext.LOCAL_SETTINGS, Map.copyOf(merged));
        }

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        RouterFunction<ServerResponse> fraiseqlGraphQlPostRoute(GraphQlPostHandler handler, Environment environment) {
            return RouterFunctions.route(GraphQlRequestPredicates.graphQlHttp(
                    environment.getProperty("spring.graphql.http.path", "/graphql")), handler::handle);
        }

        /** Counts the requests the direct path answered and handed on, as {@code fraiseql.graphql.direct}. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(MeterBinder.class)
        static class DirectExecutionMetricsConfiguration {

            @Bean
            MeterBinder fraiseqlDirectExecutionMetrics(GraphQlPostHandler handler) {
                return registry -> {
                    FunctionCounter.builder("fraiseql.graphql.direct", handler, GraphQlPostHandler::answered)
                            .tag("outcome", "answered")
                            .description("GraphQL requests answered without graphql-java's execution")
                            .register(registry);
                    FunctionCounter.builder("fraiseql.graphql.direct", handler, GraphQlPostHandler::declined)
                            .tag("outcome", "declined")
                            .description("GraphQL requests the direct path handed on to graphql-java")
                            .register(registry);
                };
            }
        }
    }

    /** With spring-jdbc, FraiseQL's statements join the Spring-managed transaction active on the data source. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(DataSourceUtils.class)
    static class SpringTransactionConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ConnectionSource fraiseqlConnectionSource(DataSource dataSource) {
            return new SpringTransactionConnectionSource(dataSource);
        }
    }
}
