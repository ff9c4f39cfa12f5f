package dev.fraiseql.graphql.internal.fetch;

import dev.fraiseql.core.json.SelectionNode;
import dev.fraiseql.core.schema.FieldDef;
import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.schema.TypeRegistry;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.TypeName;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import graphql.schema.SelectedField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns graphql-java's resolved selection (fragments merged, aliases, {@code @skip}/{@code @include}
 * applied) into the library-neutral {@link SelectionNode} tree that the SQL projection renders.
 */
final class SelectionTranslator {

    /** Plans remembered; the cache is cleared when full, like the document cache. */
    private static final int CACHE_SIZE = 1000;

    private final TypeRegistry types;
    private final Map<PlanKey, SelectionPlan> plans = new ConcurrentHashMap<>();
    private final Map<PlanKey, Optional<ConnectionShape>> shapes = new ConcurrentHashMap<>();

    SelectionTranslator(TypeRegistry types) {
        this.types = types;
    }

    /**
     * Identifies a field of a parsed document read as a type: the field node and the type by identity, since the
     * document cache hands out the same nodes for the same query and a type is replaced when view columns are read again.
     */
    private record PlanKey(Field field, TypeDef type) {
        @Override
        public boolean equals(Object o) {
            return o instanceof PlanKey k && k.field == field && k.type == type;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(field) + System.identityHashCode(type);
        }
    }

    /**
     * The plan of the field being fetched: its translated selection, and projectors that earlier requests built for it.
     * The selection is read from the query document itself: graphql-java's {@link DataFetchingFieldSelectionSet}
     * normalizes the whole operation first, which costs more than the rest of a one-row request. Fields are collected as
     * the GraphQL spec's CollectFields does: in document order, merged by response key, with fragments expanded and
     * {@code @skip}/{@code @include} applied. A plan is kept for the next request of the same parsed document unless a
     * {@code @skip}/{@code @include} variable decided what it selects.
     */
    SelectionPlan plan(TypeDef type, DataFetchingEnvironment env) {
        List<Field> fields = env.getMergedField().getFields();
        PlanKey key = fields.size() == 1 ? new PlanKey(fields.get(0), type) : null;
        SelectionPlan plan = key == null ? null : plans.get(key);
        if (plan != null) {
            return plan;
        }
        Walk walk = new Walk(env);
        plan = new SelectionPlan(walk.translate(type, fields));
        if (key != null && !walk.conditions.usedVariables()) {
            if (plans.size() >= CACHE_SIZE) {
                plans.clear();
            }
            plans.put(key, plan);
        }
        return plan;
    }

    /**
     * The shape of the connection field being fetched, whose nodes are rows of {@code type}, read from the document as
     * {@link #plan} reads a list's selection; empty when it selects what the shape cannot write: a member the generated
     * connection, edge and {@code PageInfo} types do not have, or {@code node} under more than one response key.
     */
    Optional<ConnectionShape> connection(TypeDef type, DataFetchingEnvironment env) {
        List<Field> fields = env.getMergedField().getFields();
        PlanKey key = fields.size() == 1 ? new PlanKey(fields.get(0), type) : null;
        Optional<ConnectionShape> shape = key == null ? null : shapes.get(key);
        if (shape != null) {
            return shape;
        }
        Walk walk = new Walk(env);
        shape = Optional.ofNullable(walk.connection(type, fields));
        if (key != null && !walk.conditions.usedVariables()) {
            if (shapes.size() >= CACHE_SIZE) {
                shapes.clear();
            }
            shapes.put(key, shape);
        }
        return shape;
    }

    /** One translation, noting whether a directive's variable decided what was selected. */
    private final class Walk {
        private final DataFetchingEnvironment env;
        private final Conditions conditions;

        Walk(DataFetchingEnvironment env) {
            this.env = env;
            this.conditions = new Conditions(env.getVariables());
        }

        List<SelectionNode> translate(TypeDef type, List<Field> fields) {
            return translateSelections(type, selections(fields));
        }

        private List<SelectionNode> translateSelections(TypeDef type, List<Selection> selections) {
            Map<String, List<Field>> byKey = new LinkedHashMap<>();
            collect(type.name(), selections, byKey, new HashSet<>());
            List<SelectionNode> nodes = new ArrayList<>(byKey.size());
            GraphQLObjectType objectType = env.getGraphQLSchema().getObjectType(type.name());
            for (Map.Entry<String, List<Field>> entry : byKey.entrySet()) {
                String name = entry.getValue().get(0).getName();
                if (name.equals("__typename")) {
                    nodes.add(SelectionNode.typeName(entry.getKey(), type.name()));
                    continue;
                }
                FieldDef def = field(type, name);
                List<String> keys = sourceKeys(def);
                if (def.objectType() != null) {
                    nodes.add(required(SelectionNode.object(entry.getKey(), keys, def.list(),
                            translate(types.type(def.objectType()), entry.getValue())), objectType, name));
                } else {
                    nodes.add(required(SelectionNode.value(entry.getKey(), keys, def.scalar(), def.list()), objectType,
                            name));
                }
            }
            return nodes;
        }

        ConnectionShape connection(TypeDef type, List<Field> fields) {
            if (!(GraphQLTypeUtil.unwrapAll(env.getFieldType()) instanceof GraphQLObjectType connection)) {
                return null;
            }
            List<ConnectionShape.Member> members = new ArrayList<>();
            List<List<Field>> nodes = new ArrayList<>();
            boolean withTotal = false;
            for (Map.Entry<String, List<Field>> entry : collected(connection, fields).entrySet()) {
                String name = entry.getValue().get(0).getName();
                boolean first = members.isEmpty();
                GraphQLFieldDefinition definition = connection.getFieldDefinition(name);
                boolean required = definition != null && GraphQLTypeUtil.isNonNull(definition.getType());
                boolean list = definition != null
                        && GraphQLTypeUtil.unwrapNonNull(definition.getType()) instanceof GraphQLList;
                GraphQLObjectType object = definition != null
                        && GraphQLTypeUtil.unwrapAll(definition.getType()) instanceof GraphQLObjectType o ? o : null;
                ConnectionShape.Member member;
                if (name.equals("__typename")) {
                    member = new ConnectionShape.Member(entry.getKey(), first, ConnectionShape.Kind.TYPENAME,
                            connection.getName(), true, List.of());
                } else if (name.equals("totalCount") && scalar(definition, "Int")) {
                    withTotal = true;
                    member = new ConnectionShape.Member(entry.getKey(), first, ConnectionShape.Kind.TOTAL_COUNT, null,
                            required, List.of());
                } else if (name.equals("edges") && list && object != null
                        || name.equals("pageInfo") && !list && object != null) {
                    boolean edges = name.equals("edges");
                    List<ConnectionShape.Member> children = children(object, entry.getValue(), edges ? nodes : null);
                    if (children == null) {
                        return null;
                    }
                    member = new ConnectionShape.Member(entry.getKey(), first,
                            edges ? ConnectionShape.Kind.EDGES : ConnectionShape.Kind.PAGE_INFO, null, required, children);
                } else {
                    return null;
                }
                members.add(member);
            }
            if (nodes.size() > 1) {
                return null;
            }
            SelectionPlan node = nodes.isEmpty() ? null : new SelectionPlan(translate(type, nodes.get(0)));
            return new ConnectionShape(members, node, withTotal);
        }

        /**
         * The members of an edge ({@code nodes} collects its {@code node} fields) or of {@code pageInfo} ({@code nodes}
         * is {@code null}); {@code null} for a member the shape cannot write.
         */
        private List<ConnectionShape.Member> children(GraphQLObjectType type, List<Field> fields,
                List<List<Field>> nodes) {
            List<ConnectionShape.Member> members = new ArrayList<>();
            for (Map.Entry<String, List<Field>> entry : collected(type, fields).entrySet()) {
                String name = entry.getValue().get(0).getName();
                GraphQLFieldDefinition definition = type.getFieldDefinition(name);
                ConnectionShape.Kind kind = name.equals("__typename") ? ConnectionShape.Kind.TYPENAME
                        : definition == null ? null
                        : nodes != null ? switch (name) {
                            case "cursor" -> scalar(definition, "String") ? ConnectionShape.Kind.CURSOR : null;
                            case "node" -> ConnectionShape.Kind.NODE;
                            default -> null;
                        } : switch (name) {
                            case "hasNextPage" -> scalar(definition, "Boolean") ? ConnectionShape.Kind.HAS_NEXT_PAGE
                                    : null;
                            case "hasPreviousPage" -> scalar(definition, "Boolean")
                                    ? ConnectionShape.Kind.HAS_PREVIOUS_PAGE : null;
                            case "startCursor" -> scalar(definition, "String") ? ConnectionShape.Kind.START_CURSOR
                                    : null;
                            case "endCursor" -> scalar(definition, "String") ? ConnectionShape.Kind.END_CURSOR : null;
                            default -> null;
                        };
                if (kind == null) {
                    return null;
                }
                if (kind == ConnectionShape.Kind.NODE) {
                    nodes.add(entry.getValue());
                }
                members.add(new ConnectionShape.Member(entry.getKey(), members.isEmpty(), kind,
                        kind == ConnectionShape.Kind.TYPENAME ? type.getName() : null,
                        definition != null && GraphQLTypeUtil.isNonNull(definition.getType()), List.of()));
            }
            return members;
        }

        /** Whether the field is declared with the scalar {@code name} (nullable or not), as the shape writes it. */
        private static boolean scalar(GraphQLFieldDefinition definition, String name) {
            return definition != null && GraphQLTypeUtil.unwrapNonNull(definition.getType()) instanceof GraphQLScalarType
                    scalar && scalar.getName().equals(name);
        }

        /** The fields selected in {@code fields}' selection sets on {@code type}, merged by response key. */
        private Map<String, List<Field>> collected(GraphQLObjectType type, List<Field> fields) {
            Map<String, List<Field>> byKey = new LinkedHashMap<>();
            collect(type.getName(), selections(fields), byKey, new HashSet<>());
            return byKey;
        }

        private static List<Selection> selections(List<Field> fields) {
            List<Selection> selections = new ArrayList<>();
            for (Field field : fields) {
                if (field.getSelectionSet() != null) {
                    selections.addAll(field.getSelectionSet().getSelections());
                }
            }
            return selections;
        }

        private void collect(String typeName, List<Selection> selections, Map<String, List<Field>> out,
                Set<String> visitedFragments) {
            for (Selection<?> selection : selections) {
                if (selection instanceof Field field) {
                    if (conditions.included(field.getDirectives())) {
                        out.computeIfAbsent(field.getResultKey(), k -> new ArrayList<>(1)).add(field);
                    }
                } else if (selection instanceof InlineFragment inline) {
                    if (conditions.included(inline.getDirectives()) && applies(inline.getTypeCondition(), typeName, env)) {
                        collect(typeName, inline.getSelectionSet().getSelections(), out, visitedFragments);
                    }
                } else if (selection instanceof FragmentSpread spread) {
                    if (!conditions.included(spread.getDirectives()) || !visitedFragments.add(spread.getName())) {
                        continue;
                    }
                    FragmentDefinition fragment = env.getFragmentsByName().get(spread.getName());
                    if (fragment != null && applies(fragment.getTypeCondition(), typeName, env)) {
                        collect(typeName, fragment.getSelectionSet().getSelections(), out, visitedFragments);
                    }
                }
            }
        }
    }

    /** The node, marked required when the schema declares the field non-null (the GraphQL type, not the column). */
    private static SelectionNode required(SelectionNode node, GraphQLObjectType type, String field) {
        GraphQLFieldDefinition definition = type == null ? null : type.getFieldDefinition(field);
        return definition != null && GraphQLTypeUtil.isNonNull(definition.getType()) ? node.asRequired() : node;
    }

    private static boolean applies(TypeName condition, String typeName, DataFetchingEnvironment env) {
        if (condition == null || condition.getName().equals(typeName)) {
            return true;
        }
        GraphQLSchema schema = env.getGraphQLSchema();
        GraphQLType abstractType = schema.getType(condition.getName());
        GraphQLObjectType objectType = schema.getObjectType(typeName);
        return objectType != null && (abstractType instanceof GraphQLInterfaceType
                || abstractType instanceof GraphQLUnionType)
                && schema.isPossibleType((GraphQLNamedType) abstractType, objectType);
    }

    private static FieldDef field(TypeDef type, String name) {
        FieldDef def = type.fields().get(name);
        if (def == null) {
            throw new IllegalStateException("Field '" + name + "' of " + type.name()
                    + " is not known to FraiseQL's type registry");
        }
        return def;
    }

    List<SelectionNode> translate(TypeDef type, DataFetchingFieldSelectionSet selection) {
        List<SelectionNode> nodes = new ArrayList<>();
        for (SelectedField field : selection.getImmediateFields()) {
            if (field.getName().equals("__typename")) {
                nodes.add(SelectionNode.typeName(field.getResultKey(), type.name()));
                continue;
            }
            FieldDef def = type.fields().get(field.getName());
            if (def == null) {
                throw new IllegalStateException("Field '" + field.getName() + "' of " + type.name()
                        + " is not known to FraiseQL's type registry");
            }
            List<String> keys = sourceKeys(def);
            SelectionNode node;
            if (def.objectType() != null) {
                List<SelectionNode> children = translate(types.type(def.objectType()), field.getSelectionSet());
                node = SelectionNode.object(field.getResultKey(), keys, def.list(), children);
            } else {
                node = SelectionNode.value(field.getResultKey(), keys, def.scalar(), def.list());
            }
            nodes.add(GraphQLTypeUtil.isNonNull(field.getType()) ? node.asRequired() : node);
        }
        return nodes;
    }

    /**
     * The JSON keys a field may be stored under: its snake_case key and, when that has an underscore
     * before digits, the form without it, since {@code dns_1} and {@code dns1} both camelCase to
     * {@code dns1} (which the standard path reads either way).
     */
    static List<String> sourceKeys(FieldDef def) {
        String key = def.jsonKey();
        // A loop, not replaceAll: this runs for every selected field of every request.
        StringBuilder joined = null;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean dropped = c == '_' && i + 1 < key.length() && key.charAt(i + 1) >= '0' && key.charAt(i + 1) <= '9';
            if (dropped && joined == null) {
                joined = new StringBuilder(key.length()).append(key, 0, i);
            } else if (!dropped && joined != null) {
                joined.append(c);
            }
        }
        return joined == null ? List.of(key) : List.of(key, joined.toString());
    }
}
