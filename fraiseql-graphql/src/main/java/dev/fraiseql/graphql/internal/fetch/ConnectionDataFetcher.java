package dev.fraiseql.graphql.internal.fetch;

import dev.fraiseql.core.execution.QueryExecutor;
import dev.fraiseql.core.json.ByteSink;
import dev.fraiseql.core.json.SelectionNode;
import dev.fraiseql.core.query.ConnectionPage;
import dev.fraiseql.core.query.ConnectionSpec;
import dev.fraiseql.core.query.JsonProjection;
import dev.fraiseql.core.query.Projection;
import dev.fraiseql.core.query.SelectRenderer;
import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.sql.SqlStatement;
import dev.fraiseql.graphql.FraiseqlRequestContext;
import dev.fraiseql.graphql.RowProjector;
import dev.fraiseql.graphql.internal.schema.FieldBinding;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Relay connection over a view with keyset cursors in one statement: the page (plus one more
 * row to know whether there is a next page) and, when selected, {@code totalCount} from the same snapshot.
 * On the fast path the whole connection is raw JSON when its selection has a {@link ConnectionShape}; otherwise
 * each edge's node is raw JSON and edges, cursors and pageInfo are small maps.
 */
final class ConnectionDataFetcher implements DataFetcher<Object> {

    private final FieldBinding binding;
    private final Engine engine;

    ConnectionDataFetcher(FieldBinding binding, Engine engine) {
        this.binding = binding;
        this.engine = engine;
    }

    @Override
    public Object get(DataFetchingEnvironment env) {
        @SuppressWarnings("unchecked")
        Map<String, Object> where = (Map<String, Object>) env.getArguments().get("where");
        TypeDef type = engine.boundTypes().type(binding.coordinate());
        boolean fast = engine.settings().fast();
        ConnectionShape shape = fast ? engine.translator().connection(type, env).orElse(null) : null;
        if (fast && shape == null && DirectAttempt.of(env)) {
            // Before anything is read or observed: graphql-java completes this field.
            throw new DirectAttempt.Declined(binding.coordinate() + " selects what only graphql-java can complete");
        }
        return FieldObservation.observe(engine.observations(), binding, () -> PatternErrors.explained(engine.types(),
                type, where, () -> fetch(env, type, fast, shape)));
    }

    /**
     * Reads the page; with {@code fast}, the whole connection is written as raw JSON when it has a {@code shape} (see
     * {@link SelectionTranslator#connection}), else nodes are raw JSON in maps graphql-java completes. When a row breaks
     * the schema's non-null promises the page is read again and completed the standard way, so the errors and nulls are
     * graphql-java's.
     */
    @SuppressWarnings("unchecked")
    private Object fetch(DataFetchingEnvironment env, TypeDef type, boolean fast, ConnectionShape shape) {
        Map<String, Object> args = env.getArguments();
        SelectRenderer renderer = engine.renderer();
        DataFetchingFieldSelectionSet selection = shape == null ? env.getSelectionSet() : null;
        boolean withTotal = shape == null ? selection.contains("totalCount") : shape.withTotal();
        ConnectionSpec spec = new ConnectionSpec(type, (Map<String, Object>) args.get("where"),
                (List<Map<String, Object>>) args.get("orderBy"), (Integer) args.get("first"), (String) args.get("after"),
                (Integer) args.get("last"), (String) args.get("before"), withTotal);
        SelectionPlan plan = shape == null ? null : shape.node();
        DataFetchingFieldSelectionSet node = shape == null && fast ? singleNodeSelection(selection) : null;
        List<SelectionNode> selected = plan != null ? plan.selection()
                : node != null ? engine.translator().translate(type, node) : null;
        boolean projected = selected != null;
        // With JVM projection PostgreSQL returns the data column and each node is projected below.
        RowProjector projector = !projected || !engine.settings().projectsInJvm() ? null
                : plan != null ? plan.borrow(engine.projectors()) : engine.projectors().apply(selected);
        Projection projection = projected && projector == null ? new JsonProjection(type.dataColumn(), selected)
                : Projection.dataColumn(type);
        SqlStatement sql = renderer.connection(spec, projection);
        List<byte[]> rows = new ArrayList<>();
        List<String> cursorColumn = new ArrayList<>();
        Integer total = engine.executor().readResult(localSettings(env), sql, rs -> {
            // A retried attempt starts again from the first row.
            rows.clear();
            cursorColumn.clear();
            Integer count = null;
            while (rs.next()) {
                if (withTotal) {
                    count = rs.getInt(3);
                }
                String cursor = rs.getString(2);
                // With totalCount an empty page still returns the total, on a row without a cursor.
                if (cursor != null) {
                    rows.add(rs.getBytes(1));
                    cursorColumn.add(cursor);
                }
            }
            return count;
        });
        ConnectionPage page = renderer.page(spec, cursorColumn);
        if (shape != null) {
            try {
                Object written = written(shape, page, total, rows, projector);
                if (written == null && DirectAttempt.of(env)) {
                    throw new DirectAttempt.Declined(binding.coordinate() + " read a row graphql-java must complete");
                }
                return written != null ? written : fetch(env, type, false, null);
            } finally {
                if (plan != null && projector != null) {
                    plan.release(projector);
                }
            }
        }
        List<Map<String, Object>> edges = new ArrayList<>(page.toIndex() - page.fromIndex());
        ByteSink sink = projector == null ? null : new ByteSink(1024);
        for (int i = page.fromIndex(); i < page.toIndex(); i++) {
            Map<String, Object> edge = new LinkedHashMap<>(4);
            edge.put("cursor", page.cursors().get(i - page.fromIndex()));
            Object value;
            if (!projected) {
                value = engine.converter().read(rows.get(i), type);
            } else if (rows.get(i) == null) {
                // A row whose data is NULL: what the schema makes of it (a null node, or an error) is graphql-java's call.
                return fetch(env, type, false, null);
            } else if (projector == null) {
                if (!JsonProjection.keepsPromises(rows.get(i))) {
                    return fetch(env, type, false, null);
                }
                value = new RawJson(rows.get(i));
            } else {
                sink.reset();
                if (!projector.project(rows.get(i), sink)) {
                    return fetch(env, type, false, null);
                }
                value = new RawJson(sink.toByteArray());
            }
            edge.put("node", value);
            edges.add(edge);
        }
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", page.pageInfo().hasNextPage());
        pageInfo.put("hasPreviousPage", page.pageInfo().hasPreviousPage());
        pageInfo.put("startCursor", page.pageInfo().startCursor());
        pageInfo.put("endCursor", page.pageInfo().endCursor());
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("edges", edges);
        connection.put("pageInfo", pageInfo);
        if (withTotal) {
            connection.put("totalCount", total);
        }
        return connection;
    }

    /**
     * The connection as raw JSON, its nodes projected by {@code projector} (or copied when PostgreSQL projected them);
     * {@code null} when a row or a value breaks the schema's non-null promises.
     */
    private static RawJson written(ConnectionShape shape, ConnectionPage page, Integer total, List<byte[]> rows,
            RowProjector projector) {
        // The projected nodes are about as long as the rows (the keys renamed, PostgreSQL's spaces dropped).
        int size = 256;
        for (int i = page.fromIndex(); i < page.toIndex(); i++) {
            size += 128 + (rows.get(i) == null ? 0 : rows.get(i).length);
        }
        ByteSink out = new ByteSink(size);
        boolean kept = shape.write(page, total, (edge, sink) -> {
            byte[] row = rows.get(page.fromIndex() + edge);
            if (row == null) {
                return false;
            }
            if (projector != null) {
                return projector.project(row, sink);
            }
            sink.write(row);
            return JsonProjection.keepsPromises(row);
        }, out);
        return kept ? new RawJson(out.toByteArray()) : null;
    }

    /**
     * The selection of {@code edges.node} when the query selects it exactly once; {@code null} when it
     * is absent or selected several times (aliases), where one SQL projection cannot serve every
     * selection and nodes are completed from parsed rows instead.
     */
    private static DataFetchingFieldSelectionSet singleNodeSelection(DataFetchingFieldSelectionSet selection) {
        List<SelectedField> nodes = new ArrayList<>();
        for (SelectedField edges : selection.getImmediateFields()) {
            if (edges.getName().equals("edges")) {
                for (SelectedField f : edges.getSelectionSet().getImmediateFields()) {
                    if (f.getName().equals("node")) {
                        nodes.add(f);
                    }
                }
            }
        }
        return nodes.size() == 1 ? nodes.get(0).getSelectionSet() : null;
    }

    /** The request's transaction-local settings: with any, core reads in a transaction that applies them. */
    private static Map<String, String> localSettings(DataFetchingEnvironment env) {
        return FraiseqlRequestContext.localSettings(env.getGraphQlContext());
    }
}
