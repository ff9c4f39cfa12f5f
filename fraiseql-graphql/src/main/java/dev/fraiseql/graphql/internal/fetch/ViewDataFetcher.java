package dev.fraiseql.graphql.internal.fetch;

import dev.fraiseql.core.execution.QueryExecutor;
import dev.fraiseql.core.json.ByteSink;
import dev.fraiseql.core.json.SelectionNode;
import dev.fraiseql.core.query.JsonProjection;
import dev.fraiseql.core.query.Projection;
import dev.fraiseql.core.query.SelectRenderer;
import dev.fraiseql.core.query.SelectSpec;
import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.sql.SqlStatement;
import dev.fraiseql.graphql.FraiseqlInputException;
import dev.fraiseql.graphql.FraiseqlRequestContext;
import dev.fraiseql.graphql.RowProjector;
import dev.fraiseql.graphql.ViewQuery;
import dev.fraiseql.graphql.internal.schema.FieldBinding;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Reads a view-bound root field: one SQL statement, rows as JSON, no data fetcher per nested field. */
final class ViewDataFetcher implements DataFetcher<Object> {

    private final FieldBinding binding;
    private final Engine engine;
    /** The length of this field's last list answer, a little more, at most 64 KiB; racy, since it only sizes a buffer. */
    private volatile int lastListSize = 4096;

    ViewDataFetcher(FieldBinding binding, Engine engine) {
        this.binding = binding;
        this.engine = engine;
    }

    @Override
    public Object get(DataFetchingEnvironment env) {
        SelectSpec spec = spec(env.getArguments());
        return observed(() -> fetch(spec, env));
    }

    /** Runs {@code work} as this field's observation. */
    <T> T observed(Supplier<T> work) {
        return FieldObservation.observe(engine.observations(), binding, work);
    }

    /** The query a controller method may adjust before it runs. */
    ViewQuery query(DataFetchingEnvironment env) {
        return new DefaultViewQuery(this, env, spec(env.getArguments()));
    }

    /** Runs {@code spec} and returns the field's value: raw JSON on the fast path, parsed rows otherwise. */
    Object fetch(SelectSpec spec, DataFetchingEnvironment env) {
        return PatternErrors.explained(engine.types(), spec.type(), spec.where(), () -> read(spec, env));
    }

    private Object read(SelectSpec spec, DataFetchingEnvironment env) {
        if (!engine.settings().fast()) {
            return returnsList() ? rows(spec, env) : one(spec, env);
        }
        boolean list = returnsList();
        TypeDef type = spec.type();
        SelectionPlan plan = engine.translator().plan(type, env);
        boolean inJvm = engine.settings().projectsInJvm();
        Projection projection = inJvm ? Projection.dataColumn(type) : new JsonProjection(type.dataColumn(),
                plan.selection());
        RowProjector writer = inJvm ? plan.borrow(engine.projectors()) : ViewDataFetcher::copy;
        SelectRenderer renderer = engine.renderer();
        SqlStatement sql = list ? renderer.list(spec, projection) : renderer.single(spec, projection);
        Object raw = list ? rawList(env, sql, writer, itemRequired(env)) : rawSingle(env, sql, writer);
        if (inJvm) {
            plan.release(writer);
        }
        // A row that breaks the schema's non-null promises gets the standard path's answer: errors and nulls
        // where graphql-java puts them. It costs a second statement, and only for such rows.
        if (raw != BROKEN) {
            return raw;
        }
        return list ? rows(spec, env) : one(spec, env);
    }

    /** Runs {@code spec} of a list field and returns its rows parsed, with the schema's names. */
    List<Map<String, Object>> rows(SelectSpec spec, DataFetchingEnvironment env) {
        return PatternErrors.explained(engine.types(), spec.type(), spec.where(), () -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            engine.executor().read(localSettings(env), engine.renderer().list(spec, Projection.dataColumn(spec.type())),
                    row -> rows.add(engine.converter().read(row, spec.type())));
            return rows;
        });
    }

    /** Runs {@code spec} of a single-object field and returns its row parsed, or {@code null}. */
    Map<String, Object> one(SelectSpec spec, DataFetchingEnvironment env) {
        List<Map<String, Object>> rows = new ArrayList<>(1);
        engine.executor().read(localSettings(env), engine.renderer().single(spec, Projection.dataColumn(spec.type())),
                row -> rows.add(engine.converter().read(row, spec.type())));
        return single(rows);
    }

    /** Whether the field returns a list (rather than one object). */
    boolean returnsList() {
        return binding.kind() == FieldBinding.Kind.LIST;
    }

    /** {@code Parent.field}, for messages. */
    String coordinate() {
        return binding.coordinate();
    }

    /** What a raw read returns when a row broke the schema's promises. */
    private static final Object BROKEN = new Object();
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private static boolean copy(byte[] row, ByteSink out) {
        out.write(row == null ? NULL : row);
        return JsonProjection.keepsPromises(row);
    }

    /** Whether the field's list items are non-null ({@code [Book!]}), so that a NULL row breaks the schema. */
    private static boolean itemRequired(DataFetchingEnvironment env) {
        return GraphQLTypeUtil.unwrapNonNull(env.getFieldType()) instanceof GraphQLList list
                && GraphQLTypeUtil.isNonNull(list.getWrappedType());
    }

    private Object rawList(DataFetchingEnvironment env, SqlStatement sql, RowProjector writer, boolean itemRequired) {
        // Sized by the field's last answer, so that a page of the usual size is written without growing the buffer.
        ByteSink out = new ByteSink(lastListSize);
        boolean[] broken = new boolean[1];
        out.write('[');
        engine.executor().read(localSettings(env), sql, row -> {
            if (out.size() > 1) {
                out.write(',');
            }
            if (!writer.project(row, out) || (row == null && itemRequired)) {
                broken[0] = true;
            }
        });
        out.write(']');
        // Capped, so that one large answer does not make every later one start with a large buffer.
        lastListSize = Math.min(64 * 1024, Math.max(256, out.size() + 64));
        return broken[0] ? BROKEN : new RawJson(out.toByteArray());
    }

    private Object rawSingle(DataFetchingEnvironment env, SqlStatement sql, RowProjector writer) {
        List<byte[]> rows = new ArrayList<>(1);
        engine.executor().read(localSettings(env), sql, rows::add);
        byte[] row = single(rows);
        if (row == null) {
            return null;
        }
        ByteSink out = new ByteSink(Math.max(64, row.length));
        return writer.project(row, out) ? new RawJson(out.toByteArray()) : BROKEN;
    }

    private <T> T single(List<T> rows) {
        if (rows.size() > 1) {
            throw new FraiseqlInputException(String.join(", ", binding.keyArguments()), binding.coordinate()
                    + " matched more than one row of " + binding.target() + ": its arguments ("
                    + String.join(", ", binding.keyArguments()) + ") must identify one row");
        }
        return rows.isEmpty() ? null : rows.get(0);
    }

    @SuppressWarnings("unchecked")
    private SelectSpec spec(Map<String, Object> arguments) {
        TypeDef type = engine.boundTypes().type(binding.coordinate());
        if (binding.kind() == FieldBinding.Kind.SINGLE) {
            Map<String, Object> where = new LinkedHashMap<>();
            for (String key : binding.keyArguments()) {
                Object value = arguments.get(key);
                if (value != null) {
                    where.put(key, Map.of("eq", value));
                } else if (arguments.containsKey(key)) {
                    // An explicit null asks for the row whose key is null, not for any row.
                    where.put(key, Map.of("isnull", true));
                }
            }
            return new SelectSpec(type, where, List.of(), null, null);
        }
        Map<String, Object> where = (Map<String, Object>) arguments.get("where");
        List<Map<String, Object>> orderBy = (List<Map<String, Object>>) arguments.get("orderBy");
        // Page sizes are checked by the renderer against fraiseql.graphql.max-page-size.
        Integer limit = (Integer) arguments.get("limit");
        Integer offset = (Integer) arguments.get("offset");
        return new SelectSpec(type, where, orderBy == null ? List.of() : orderBy, limit, offset);
    }

    /** The request's transaction-local settings: with any, core reads in a transaction that applies them. */
    private static Map<String, String> localSettings(DataFetchingEnvironment env) {
        return FraiseqlRequestContext.localSettings(env.getGraphQlContext());
    }
}
