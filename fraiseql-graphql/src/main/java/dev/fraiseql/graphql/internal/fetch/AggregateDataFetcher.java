package dev.fraiseql.graphql.internal.fetch;

import dev.fraiseql.core.json.ByteSink;
import dev.fraiseql.core.json.SelectionNode;
import dev.fraiseql.core.query.Aggregate;
import dev.fraiseql.core.query.AggregateSpec;
import dev.fraiseql.core.query.AggregateSpec.Measure;
import dev.fraiseql.core.schema.FieldDef;
import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.sql.SqlStatement;
import dev.fraiseql.graphql.FraiseqlRequestContext;
import dev.fraiseql.graphql.RowProjector;
import dev.fraiseql.graphql.internal.schema.AggregateField;
import dev.fraiseql.graphql.internal.schema.FieldBinding;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a generated aggregate field: one SQL statement over the list field's view whose rows are the groups, each a
 * JSON object PostgreSQL built. On the fast path the JVM projector cuts each group down to the selection and the
 * bytes are spliced into the response; on the standard path the groups are parsed and graphql-java completes them.
 */
final class AggregateDataFetcher implements DataFetcher<Object> {

    private final AggregateField field;
    private final FieldBinding binding;
    private final Engine engine;

    AggregateDataFetcher(AggregateField field, Engine engine) {
        this.field = field;
        this.binding = field.binding();
        this.engine = engine;
    }

    @Override
    public Object get(DataFetchingEnvironment env) {
        return FieldObservation.observe(engine.observations(), binding, () -> read(env));
    }

    @SuppressWarnings("unchecked")
    private Object read(DataFetchingEnvironment env) {
        TypeDef source = engine.boundTypes().type(field.source().coordinate());
        TypeDef groupType = engine.types().type(field.typeName());
        SelectionPlan plan = engine.translator().plan(groupType, env);
        Map<String, Object> where = (Map<String, Object>) env.getArgument("where");
        List<String> groupBy = new ArrayList<>();
        List<Object> groupValues = env.getArgument("groupBy");
        if (groupValues != null) {
            for (Object value : groupValues) {
                // Validation has checked the enum value, so every value has a path.
                groupBy.add(field.groupPaths().get(String.valueOf(value)));
            }
        }
        boolean count = false;
        List<Measure> measures = new ArrayList<>();
        for (SelectionNode node : plan.selection()) {
            String key = node.sourceKeys().isEmpty() ? null : node.sourceKeys().get(0);
            if ("count".equals(key)) {
                count = true;
            } else if (key != null && !key.equals("key")) {
                measures(node, groupType, source, measures);
            }
        }
        AggregateSpec spec = new AggregateSpec(source, where, groupBy, count, measures,
                (List<Map<String, Object>>) env.getArgument("orderBy"), env.getArgument("limit"),
                env.getArgument("offset"));
        return PatternErrors.explained(engine.types(), source, spec.where(), () -> {
            SqlStatement sql = engine.renderer().aggregates().aggregate(spec);
            Map<String, String> settings = FraiseqlRequestContext.localSettings(env.getGraphQlContext());
            if (engine.settings().fast()) {
                RowProjector projector = plan.borrow(engine.projectors());
                try {
                    ByteSink out = new ByteSink(256);
                    boolean[] broken = {false};
                    out.write('[');
                    engine.executor().read(settings, sql, row -> {
                        if (out.size() > 1) {
                            out.write(',');
                        }
                        if (!projector.project(row, out)) {
                            broken[0] = true;
                        }
                    });
                    out.write(']');
                    // The built-in projector keeps every promise here (each selected aggregate is present); an
                    // application's own may not, and then graphql-java completes the groups as on the standard path.
                    if (!broken[0]) {
                        return new RawJson(out.toByteArray());
                    }
                } finally {
                    plan.release(projector);
                }
            }
            List<Map<String, Object>> groups = new ArrayList<>();
            engine.executor().read(settings, sql, row -> groups.add(engine.converter().read(row, groupType)));
            return groups;
        });
    }

    /** The measures of one selected aggregate ({@code sum { pages author { birthYear } }}). */
    private void measures(SelectionNode node, TypeDef groupType, TypeDef source, List<Measure> out) {
        Aggregate function = null;
        for (Aggregate a : Aggregate.values()) {
            if (a.jsonKey().equals(node.sourceKeys().get(0))) {
                function = a;
            }
        }
        FieldDef aggregate = groupType.fields().get(function == null ? "" : function.graphQlName());
        if (aggregate == null) {
            return;
        }
        collect(function, node, source, engine.types().type(aggregate.objectType()), "", out);
    }

    /**
     * Adds the measures selected under {@code node}, fields of {@code source}, answered as {@code measured}. An object
     * whose selection holds no field (only {@code __typename}) still gets one measure, so that it exists as the
     * schema promises.
     */
    private void collect(Aggregate function, SelectionNode node, TypeDef source, TypeDef measured, String prefix,
            List<Measure> out) {
        int before = out.size();
        for (SelectionNode child : node.children()) {
            FieldDef f = byJsonKey(source, child.sourceKeys().isEmpty() ? null : child.sourceKeys().get(0));
            if (f == null) {
                continue;
            }
            if (f.isObject()) {
                collect(function, child, engine.types().type(f.objectType()),
                        engine.types().type(measured.fields().get(f.name()).objectType()), prefix + f.name() + ".", out);
            } else {
                out.add(new Measure(function, prefix + f.name()));
            }
        }
        if (out.size() == before) {
            out.add(new Measure(function, prefix + firstLeaf(measured)));
        }
    }

    /** The path of the first scalar field of a measured type, through its nested objects. */
    private String firstLeaf(TypeDef measured) {
        FieldDef first = measured.fields().values().iterator().next();
        return first.isObject() ? first.name() + "." + firstLeaf(engine.types().type(first.objectType())) : first.name();
    }

    private static FieldDef byJsonKey(TypeDef type, String jsonKey) {
        for (FieldDef f : type.fields().values()) {
            if (f.jsonKey().equals(jsonKey)) {
                return f;
            }
        }
        return null;
    }
}
