package dev.fraiseql.graphql.internal.schema;

import dev.fraiseql.core.catalog.ColumnCatalog.Column;
import dev.fraiseql.core.error.DatabaseException;
import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.graphql.FraiseqlSchemaException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per bound read field, its type bound to its view's columns. When the views could not be read at start-up (the
 * database was down), every field first uses the JSONB path; the columns are then read again on a request, at most
 * once per {@link #RETRY_INTERVAL}, until they are known, so that filters and sorts use the real columns (and their
 * indexes) once the database answers.
 */
public final class BoundTypes {

    /** How long a failed read of the views' columns waits before the next request tries again. */
    public static final Duration RETRY_INTERVAL = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(BoundTypes.class);

    /** Reads the views' columns; throws {@link DatabaseException} when the database cannot be reached. */
    @FunctionalInterface
    public interface ColumnReader {
        Map<String, Map<String, Column>> read(List<FieldBinding> bindings);
    }

    private final FraiseqlSchema schema;
    private final ColumnReader reader;
    private final LongSupplier clock;
    private final AtomicLong nextAttempt;
    private volatile Map<String, TypeDef> types;
    private volatile boolean complete;

    /**
     * @param schema what was read from the schema, with the columns read at start-up if they could be
     * @param reader reads the columns again when they could not be read at start-up
     * @param clock nanoseconds, as {@link System#nanoTime()}
     */
    public BoundTypes(FraiseqlSchema schema, ColumnReader reader, LongSupplier clock) {
        this.schema = schema;
        this.reader = reader;
        this.clock = clock;
        this.types = schema.boundTypes();
        this.complete = schema.columnsRead();
        this.nextAttempt = new AtomicLong(clock.getAsLong());
    }

    /** The type of the read field {@code coordinate} ({@code Query.books}), bound to its view. */
    public TypeDef type(String coordinate) {
        if (!complete) {
            retry();
        }
        return types.get(coordinate);
    }

    /** Whether the views' columns are known. */
    public boolean complete() {
        return complete;
    }

    private void retry() {
        long now = clock.getAsLong();
        long due = nextAttempt.get();
        // One request at a time tries, and none until the interval has passed since the last try.
        if (now - due < 0 || !nextAttempt.compareAndSet(due, now + RETRY_INTERVAL.toNanos())) {
            return;
        }
        try {
            Map<String, Map<String, Column>> columns = reader.read(schema.bindings());
            types = Map.copyOf(SchemaReader.bind(schema.bindings(), schema.types(), columns));
            complete = true;
            log.info("Read the columns of the views bound by @fraiseql: filters and sorts now use their real columns");
        } catch (FraiseqlSchemaException e) {
            // Start-up would have stopped here; a running application keeps serving what it can through JSONB.
            log.error("The views bound by @fraiseql do not match the schema: {}", e.getMessage());
            complete = true;
        } catch (DatabaseException e) {
            log.debug("The views bound by @fraiseql still cannot be read ({}); trying again in {} s", e.getMessage(),
                    RETRY_INTERVAL.toSeconds());
        }
    }
}
