package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.core.config.DbSettings;
import dev.fraiseql.core.execution.ConnectionSource;
import dev.fraiseql.core.execution.ExecutorSettings;
import dev.fraiseql.core.execution.QueryExecutor;
import dev.fraiseql.core.pool.PoolFactory;
import dev.fraiseql.graphql.ExecutionMode;
import dev.fraiseql.graphql.FraiseqlExceptionResolver;
import dev.fraiseql.graphql.FraiseqlGraphQl;
import dev.fraiseql.graphql.internal.execution.DocumentCache;
import dev.fraiseql.graphql.internal.execution.PersistedDocuments;
import dev.fraiseql.graphql.internal.execution.QueryLimits;
import graphql.GraphQL;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.data.method.HandlerMethodArgumentResolver;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import static org.assertj.core.api.Assertions.assertThat;

class FraiseqlGraphQlAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FraiseqlGraphQlAutoConfiguration.class));

    private final ApplicationContextRunner withDataSource = runner
            .withBean(DataSource.class, SimpleDriverDataSource::new);

    @Test
    void providesTheGraphQlBeansWhenThereIsADataSource() {
        withDataSource.run(context -> {
            assertThat(context).hasSingleBean(QueryExecutor.class).hasSingleBean(FraiseqlGraphQl.class)
                    .hasSingleBean(FraiseqlExceptionResolver.class).hasSingleBean(HandlerMethodArgumentResolver.class)
                    .hasBean("fraiseqlQueryLimits");
            assertThat(context.getBean("fraiseqlQueryLimits")).isInstanceOf(QueryLimits.class);
            assertThat(context.getBean(QueryExecutor.class).settings()).isEqualTo(ExecutorSettings.DEFAULT);
        });
    }

    /** The provider behind the persisted documents, which resolve a hash before anything is parsed. */
    private static PreparsedDocumentProvider parsedDocuments(ApplicationContext context) {
        assertThat(graphQl(context).getPreparsedDocumentProvider()).isInstanceOf(PersistedDocuments.class);
        return ((PersistedDocuments) graphQl(context).getPreparsedDocumentProvider()).next();
    }

    @Test
    void repeatedQueriesSkipParsingThroughTheDocumentCacheByDefault() {
        withDataSource.run(context -> assertThat(parsedDocuments(context)).isInstanceOf(DocumentCache.class));
    }

    @Test
    void aDocumentCacheSizeOfZeroLeavesGraphQlJavasDefault() {
        withDataSource.withPropertyValues("fraiseql.graphql.document-cache-size=0")
                .run(context -> assertThat(parsedDocuments(context)).isNull());
    }

    @Test
    void anApplicationsOwnDocumentProviderWins() {
        PreparsedDocumentProvider own = (input, parse) -> CompletableFuture.completedFuture(parse.apply(input));
        withDataSource.withBean(PreparsedDocumentProvider.class, () -> own)
                .run(context -> assertThat(parsedDocuments(context)).isSameAs(own));
    }

    private static GraphQL graphQl(ApplicationContext context) {
        GraphQlSource.SchemaResourceBuilder builder = GraphQlSource.schemaResourceBuilder()
                .schemaResources(new ByteArrayResource("type Query { hello: String }".getBytes(StandardCharsets.UTF_8)));
        context.getBean(GraphQlSourceBuilderCustomizer.class).customize(builder);
        return builder.build().graphQl();
    }

    @Test
    void theExecutorLeavesSlowStatementLoggingToAPoolThatAlreadyTimesEveryStatement() {
        DbSettings settings = DbSettings.builder().url("postgresql://localhost:1/none").performanceLog(true).build();
        runner.withBean(DbSettings.class, () -> settings)
                .withBean(DataSource.class, () -> PoolFactory.create(settings))
                .run(context -> assertThat(context.getBean(QueryExecutor.class).timesStatements()).isFalse());
        runner.withBean(DbSettings.class, () -> settings)
                .withBean(DataSource.class, SimpleDriverDataSource::new)
                .run(context -> assertThat(context.getBean(QueryExecutor.class).timesStatements()).isTrue());
    }

    @Test
    void backsOffWithoutADataSource() {
        runner.run(context -> assertThat(context).doesNotHaveBean(FraiseqlGraphQl.class)
                .doesNotHaveBean(QueryExecutor.class));
    }

    @Test
    void backsOffWithoutGraphQlJava() {
        withDataSource.withClassLoader(new FilteredClassLoader(GraphQL.class))
                .run(context -> assertThat(context).doesNotHaveBean(FraiseqlGraphQl.class));
    }

    @Test
    void userExecutorReplacesTheDefault() {
        withDataSource.withBean("myExecutor", QueryExecutor.class,
                () -> new QueryExecutor(new SimpleDriverDataSource(), ExecutorSettings.DEFAULT)).run(context -> {
                    assertThat(context).hasSingleBean(QueryExecutor.class);
                    assertThat(context).hasBean("myExecutor");
                });
    }

    @Test
    void withSpringJdbcTheExecutorTakesItsConnectionsFromTheSpringTransactionSource() {
        withDataSource.run(context -> assertThat(context.getBean(ConnectionSource.class))
                .isInstanceOf(SpringTransactionConnectionSource.class));
    }

    @Test
    void withoutSpringJdbcThereIsNoTransactionSourceAndTheExecutorStillStarts() {
        withDataSource.withClassLoader(new FilteredClassLoader(DataSourceUtils.class)).run(context -> assertThat(context)
                .doesNotHaveBean(ConnectionSource.class).hasSingleBean(QueryExecutor.class));
    }

    @Test
    void anApplicationsOwnConnectionSourceReplacesTheDefault() {
        ConnectionSource own = ConnectionSource.of(new SimpleDriverDataSource());
        withDataSource.withBean(ConnectionSource.class, () -> own).run(context -> assertThat(context)
                .getBean(ConnectionSource.class).isSameAs(own));
    }

    @Test
    void impossibleMaxPageSizeFailsNamingTheProperty() {
        withDataSource.withPropertyValues("fraiseql.graphql.max-page-size=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
                    .hasMessage("fraiseql.graphql.max-page-size must be at least 1, was 0");
        });
    }

    @Test
    void executionModeIsBoundFromProperties() {
        withDataSource.withPropertyValues("fraiseql.graphql.execution=standard")
                .run(context -> assertThat(context.getBean(FraiseqlGraphQlProperties.class).getExecution())
                        .isEqualTo(ExecutionMode.STANDARD));
    }
}
