package dev.fraiseql.graphql.internal.execution;

import dev.fraiseql.graphql.internal.fetch.RawJson;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FieldValueInfo;
import tools.jackson.databind.util.RawValue;

/**
 * The query strategy: a field whose fetcher returned {@link RawJson} is written as those bytes
 * instead of being completed field by field; every other field completes as usual.
 */
public class RawJsonExecutionStrategy extends AsyncExecutionStrategy {

    public RawJsonExecutionStrategy(DataFetcherExceptionHandler exceptionHandler) {
        super(exceptionHandler);
    }

    @Override
    protected FieldValueInfo completeValue(ExecutionContext context, ExecutionStrategyParameters parameters) {
        if (parameters.getSource() instanceof RawJson raw) {
            return raw(raw);
        }
        return super.completeValue(context, parameters);
    }

    static FieldValueInfo raw(RawJson raw) {
        return new FieldValueInfo(FieldValueInfo.CompleteValueType.SCALAR, new RawValue(raw));
    }
}
