package dev.fraiseql.graphql.internal.execution;

import dev.fraiseql.graphql.internal.fetch.RawJson;
import graphql.execution.AsyncSerialExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FieldValueInfo;

/** The mutation strategy: serial root fields, with the same raw-JSON completion as {@link RawJsonExecutionStrategy}. */
public class RawJsonSerialExecutionStrategy extends AsyncSerialExecutionStrategy {

    public RawJsonSerialExecutionStrategy(DataFetcherExceptionHandler exceptionHandler) {
        super(exceptionHandler);
    }

    @Override
    protected FieldValueInfo completeValue(ExecutionContext context, ExecutionStrategyParameters parameters) {
        if (parameters.getSource() instanceof RawJson raw) {
            return RawJsonExecutionStrategy.raw(raw);
        }
        return super.completeValue(context, parameters);
    }
}
