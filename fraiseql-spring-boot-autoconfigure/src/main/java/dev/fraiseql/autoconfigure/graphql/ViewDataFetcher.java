package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.core.execution.QueryExecutor;
import dev.fraiseql.core.json.ByteSink;
import dev.fraiseql.core.json.JsonProjection;
import dev.fraiseql.core.json.JsonProjector;
import dev.fraiseql.core.json.SelectionNode;
import dev.fraiseql.core.query.Projection;
import dev.fraiseql.core.query.SelectRenderer;
import dev.fraiseql.core.query.SelectSpec;
import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.sql.SqlStatement;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a view-bound root field: one SQL statement, rows as JSON, no data fetcher per nested field. */
final class ViewDataFetcher implements DataFetcher<Object> {

    private final FieldBinding binding;
    private final TypeDef type;
    private final FraiseqlGraphQlProperties properties;
    private final SelectRenderer renderer;
    private final QueryExecutor executor;
    private final SelectionTranslator translator;
    private final RowConverter converter;

    ViewDataFetcher(FieldBinding binding, TypeDef type, FraiseqlGraphQlProperties properties, SelectRenderer renderer,
            QueryExecutor executor, SelectionTranslator translator, RowConverter converter) {
        this.binding = binding;
        this.type = type;
        this.properties = properties;
        this.renderer = renderer;
        this.executor = executor;
        this.translator = translator;
        this.converter = converter;
    }

    @Override
    public Object get(DataFetchingEnvironment env) {
        return fetch(spec(env.getArguments()), env, false);
    }

    /** The query a controller method may adjust before it runs. */
    ViewQuery query(DataFetchingEnvironment env) {
        return new ViewQuery(this, env, spec(env.getArguments()));
    }

    /** Runs {@code spec}: raw JSON on the fast path (unless {@code maps}), parsed maps otherwise. */
    Object fetch(SelectSpec spec, DataFetchingEnvironment env, boolean maps) {
        boolean list = binding.kind() == FieldBinding.Kind.LIST;
        if (!maps && properties.getExecution() == ExecutionMode.FAST) {
            List<SelectionNode> selection = translator.translate(type, env);
            boolean inJvm = properties.getProjection() == ProjectionMode.JVM;
            Projection projection = inJvm ? Projection.dataColumn(type) : new JsonProjection(type.dataColumn(), selection);
            RowWriter writer = inJvm ? new JsonProjector(selection)::project : ViewDataFetcher::copy;
            SqlStatement sql = list ? renderer.list(spec, projection) : renderer.single(spec, projection);
            Object raw = list ? rawList(env, sql, writer, itemRequired(env)) : rawSingle(env, sql, writer);
            // A row that breaks the schema's non-null promises gets the standard path's answer: errors and nulls
            // where graphql-java puts them. It costs a second statement, and only for such rows.
            return raw != BROKEN ? raw : fetch(spec, env, true);
        }
        SqlStatement sql = list ? renderer.list(spec, Projection.dataColumn(type))
                : renderer.single(spec, Projection.dataColumn(type));
        List<Object> rows = new ArrayList<>();
        Reads.stream(executor, env, sql, row -> rows.add(converter.read(row, type)));
        return list ? rows : single(rows);
    }

    /**
     * Writes one fetched row into the response: projected in the JVM, or copied as PostgreSQL projected it. Returns
     * false when the row broke a non-null promise of the selection.
     */
    private interface RowWriter {
        boolean write(byte[] row, ByteSink out);
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

    private Object rawList(DataFetchingEnvironment env, SqlStatement sql, RowWriter writer, boolean itemRequired) {
        ByteSink out = new ByteSink(4096);
        boolean[] broken = new boolean[1];
        out.write('[');
        Reads.stream(executor, env, sql, row -> {
            if (out.size() > 1) {
                out.write(',');
            }
            if (!writer.write(row, out) || (row == null && itemRequired)) {
                broken[0] = true;
            }
        });
        out.write(']');
        return broken[0] ? BROKEN : new RawJson(out.toByteArray());
    }

    private Object rawSingle(DataFetchingEnvironment env, SqlStatement sql, RowWriter writer) {
        List<byte[]> rows = new ArrayList<>(1);
        Reads.stream(executor, env, sql, rows::add);
        byte[] row = single(rows);
        if (row == null) {
            return null;
        }
        ByteSink out = new ByteSink(Math.max(64, row.length));
        return writer.write(row, out) ? new RawJson(out.toByteArray()) : BROKEN;
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
    FieldBinding binding() {
        return binding;
    }

    private SelectSpec spec(Map<String, Object> arguments) {
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
}
