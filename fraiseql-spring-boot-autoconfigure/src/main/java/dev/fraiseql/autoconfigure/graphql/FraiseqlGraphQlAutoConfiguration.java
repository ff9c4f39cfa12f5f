package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.core.execution.ExecutorSettings;
import dev.fraiseql.core.execution.QueryExecutor;
import dev.fraiseql.core.config.DbSettings;
import dev.fraiseql.core.error.RetryPolicy;
import dev.fraiseql.core.pool.PoolFactory;
import graphql.GraphQL;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * Makes the application a GraphQL server over PostgreSQL views: declares {@code @fraiseql} and the
 * generated inputs, wires data fetchers for bound fields, and installs the execution strategies
 * that splice PostgreSQL's JSON into responses.
 */
@AutoConfiguration(afterName = {"dev.fraiseql.autoconfigure.FraiseqlDataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"},
        before = GraphQlAutoConfiguration.class)
@ConditionalOnClass({GraphQL.class, GraphQlSource.class})
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(FraiseqlGraphQlProperties.class)
public final class FraiseqlGraphQlAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    QueryExecutor fraiseqlQueryExecutor(DataSource dataSource, ObjectProvider<DbSettings> dbSettings) {
        DbSettings db = dbSettings.getIfAvailable();
        ExecutorSettings settings = db == null ? ExecutorSettings.DEFAULT : new ExecutorSettings(
                new RetryPolicy(db.maxRetries(), db.initialBackoff(), db.maxBackoff()), db.queryTimeout(),
                // The pool already times every statement when it is FraiseQL's own: log each slow one once.
                db.performanceLog() && !PoolFactory.timesStatements(dataSource), db.performanceThreshold(),
                ExecutorSettings.DEFAULT_FETCH_SIZE);
        return new QueryExecutor(dataSource, settings);
    }

    /** Checks the bound views, so it waits for schema.sql and migrations to have run. */
    @Bean
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    FraiseqlSchemaConfigurer fraiseqlSchemaConfigurer(DataSource dataSource, FraiseqlGraphQlProperties properties,
            ApplicationContext context) {
        return new FraiseqlSchemaConfigurer(new ViewCatalog(dataSource, properties.isValidateViews()),
                () -> ControllerMapping.scan(context));
    }

    @Bean
    @ConditionalOnMissingBean
    ViewQueryArgumentResolver fraiseqlViewQueryArgumentResolver(FraiseqlRuntimeWiring wiring) {
        return new ViewQueryArgumentResolver(wiring);
    }

    @Bean
    @ConditionalOnMissingBean
    FraiseqlRuntimeWiring fraiseqlRuntimeWiring(FraiseqlSchemaConfigurer schemaConfigurer,
            FraiseqlGraphQlProperties properties, QueryExecutor executor) {
        return new FraiseqlRuntimeWiring(schemaConfigurer, properties, executor);
    }

    @Bean
    @ConditionalOnMissingBean
    FraiseqlExceptionResolver fraiseqlExceptionResolver() {
        return new FraiseqlExceptionResolver();
    }

    @Bean
    GraphQlSourceBuilderCustomizer fraiseqlGraphQlSourceBuilderCustomizer(FraiseqlSchemaConfigurer schemaConfigurer,
            ObjectProvider<DataFetcherExceptionResolver> resolvers, ObjectProvider<PreparsedDocumentProvider> documents,
            FraiseqlGraphQlProperties properties) {
        // An application's own provider wins; otherwise repeated queries skip parsing and validation.
        int cacheSize = properties.getDocumentCacheSize();
        PreparsedDocumentProvider documentProvider = documents.getIfAvailable(
                () -> cacheSize > 0 ? new DocumentCache(cacheSize) : null);
        return builder -> {
            builder.configureTypeDefinitions(schemaConfigurer);
            // Replacing the strategies drops Spring's exception handling unless it is passed on.
            DataFetcherExceptionHandler handler = DataFetcherExceptionResolver
                    .createExceptionHandler(resolvers.orderedStream().toList());
            builder.configureGraphQl(graphQl -> {
                graphQl.queryExecutionStrategy(new RawJsonExecutionStrategy(handler))
                        .mutationExecutionStrategy(new RawJsonSerialExecutionStrategy(handler));
                if (documentProvider != null) {
                    graphQl.preparsedDocumentProvider(documentProvider);
                }
            });
        };
    }

    @Bean
    @ConditionalOnMissingBean
    QueryDepthLimit fraiseqlQueryDepthLimit(FraiseqlGraphQlProperties properties) {
        int depth = properties.getMaxQueryDepth();
        return new QueryDepthLimit(depth == 0 ? Integer.MAX_VALUE : depth);
    }
}
