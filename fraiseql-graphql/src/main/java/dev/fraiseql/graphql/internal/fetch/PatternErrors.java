package dev.fraiseql.graphql.internal.fetch;

import dev.fraiseql.core.error.DatabaseException;
import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.schema.TypeRegistry;
import dev.fraiseql.core.where.FilterException;
import dev.fraiseql.core.where.InvalidPatterns;
import java.util.Map;
import java.util.function.Supplier;

/** Turns PostgreSQL's refusal of a regex, {@code tsquery} or {@code lquery} operand into an input error naming it. */
final class PatternErrors {

    private PatternErrors() {
    }

    /** Runs the read {@code read}; a pattern the server refused becomes a {@link FilterException} naming the operand. */
    static <T> T explained(TypeRegistry types, TypeDef type, Map<String, Object> where, Supplier<T> read) {
        try {
            return read.get();
        } catch (DatabaseException e) {
            FilterException input = InvalidPatterns.explain(e.sqlState(), type, where, types);
            if (input == null) {
                throw e;
            }
            input.initCause(e);
            throw input;
        }
    }
}
