package dev.fraiseql.graphql.internal.schema;

import dev.fraiseql.core.catalog.ColumnCatalog.Column;
import dev.fraiseql.core.schema.FieldDef;
import dev.fraiseql.core.schema.Names;
import dev.fraiseql.core.schema.ScalarKind;
import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.schema.TypeRegistry;
import dev.fraiseql.core.sql.SqlBuilder;
import dev.fraiseql.graphql.FraiseqlSchemaException;
import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.language.OperationTypeDefinition;
import graphql.language.SDLDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the user's schema without changing it or touching the database: finds the root fields bound by
 * {@code @fraiseql} or {@code @FraiseqlMapping}, builds the {@link TypeRegistry} of the types they return,
 * binds each to its view's columns, and works out the definitions to add: the directive, the PostgreSQL scalars,
 * and the filter, ordering and paging arguments and input types that the user did not declare, and the aggregate
 * field beside each list field (see {@link GeneratedAggregates}).
 */
public final class SchemaReader {

    /** The directive the binding declares. */
    public static final String DIRECTIVE_SDL =
            "directive @fraiseql(view: String, function: String, dataColumn: String) on FIELD_DEFINITION";

    private static final Set<String> BUILT_IN = Set.of("String", "Int", "Float", "Boolean", "ID");

    private SchemaReader() {
    }

    /**
     * The bound root fields of {@code registry}, in schema order, then those of the controller methods.
     *
     * @throws FraiseqlSchemaException when a binding cannot work (a view on a mutation, a mapping of an unknown field,
     *     {@code @fraiseql} on a field that is not a root field, ...)
     */
    public static List<FieldBinding> bindings(TypeDefinitionRegistry registry, List<ControllerMapping> mappings) {
        String query = operationType(registry, "query", "Query");
        String mutation = operationType(registry, "mutation", "Mutation");
        rejectNonRootDirectives(registry, Set.of(query, mutation));
        List<FieldBinding> bindings = new ArrayList<>();
        bindings.addAll(bindings(registry, query, false));
        bindings.addAll(bindings(registry, mutation, true));
        for (ControllerMapping mapping : mappings) {
            bindings.add(controllerBinding(registry, mapping));
        }
        return bindings;
    }

    /**
     * What {@code bindings} need from {@code registry}, with each read field bound to its view's {@code columns}.
     *
     * @param columns per view name, its columns; {@code null} when they could not be read (every field then uses
     *     the JSONB path until they can)
     * @throws FraiseqlSchemaException when a bound type cannot be read from a view
     */
    public static FraiseqlSchema read(TypeDefinitionRegistry registry, List<FieldBinding> bindings,
            Map<String, Map<String, Column>> columns) {
        TypeDefinitionRegistry work = new TypeDefinitionRegistry();
        work.merge(registry);
        SchemaParser parser = new SchemaParser();
        if (work.getDirectiveDefinition("fraiseql").isEmpty()) {
            addAll(work, parser.parse(DIRECTIVE_SDL));
        }
        Set<String> addedScalars = declareScalars(work);

        Map<String, TypeDef> types = new LinkedHashMap<>();
        for (FieldBinding binding : bindings) {
            if (binding.kind() != FieldBinding.Kind.MUTATION) {
                collectType(work, binding.returnType(), types);
            }
        }
        for (FieldBinding binding : bindings) {
            if (binding.kind() == FieldBinding.Kind.MUTATION) {
                collectMutationEntities(work, binding.returnType(), types);
            }
        }
        for (FieldBinding binding : bindings) {
            for (String key : binding.keyArguments()) {
                if (!types.get(binding.returnType()).fields().containsKey(key)) {
                    throw new FraiseqlSchemaException(binding.coordinate() + " has argument '" + key + "' but "
                            + binding.returnType() + " has no field " + key + ": the arguments of a single-object field"
                            + " are equality filters on fields of its type.", "Rename the argument or add the field.");
                }
            }
        }
        GeneratedAggregates aggregates = new GeneratedAggregates(work, types);
        Map<String, AggregateField> aggregateFields = aggregates.plan(bindings);
        TypeRegistry.Builder builder = TypeRegistry.builder();
        types.values().forEach(builder::type);
        TypeRegistry typeRegistry = builder.build();

        GeneratedInputs inputs = new GeneratedInputs(work, typeRegistry);
        inputs.addFor(bindings);
        addedScalars.addAll(inputs.addedScalars());
        aggregates.addDefinitions(aggregateFields.values());
        addedScalars.addAll(aggregates.addedScalars());
        Map<String, MutationResultType> results = new LinkedHashMap<>();
        for (FieldBinding binding : bindings) {
            if (binding.kind() == FieldBinding.Kind.MUTATION) {
                results.put(binding.coordinate(), mutationResult(work, binding.returnType()));
            }
        }
        Map<String, TypeDef> boundTypes = bind(bindings, typeRegistry, columns);
        return new FraiseqlSchema(bindings, typeRegistry, boundTypes, columns != null, addedScalars, results,
                changes(registry, work), aggregateFields);
    }

    /** Per bound read field ({@code Query.books}), its type bound to the field's view and that view's columns. */
    public static Map<String, TypeDef> bind(List<FieldBinding> bindings, TypeRegistry types,
            Map<String, Map<String, Column>> columns) {
        Map<String, TypeDef> boundTypes = new LinkedHashMap<>();
        for (FieldBinding binding : bindings) {
            if (binding.kind() != FieldBinding.Kind.MUTATION) {
                TypeDef base = types.type(binding.returnType());
                boundTypes.put(binding.coordinate(), bind(base, binding, columns == null ? null : columns.get(binding.target())));
            }
        }
        return boundTypes;
    }

    /** The definitions of {@code work} that {@code original} lacks or has in another form, in a stable order. */
    private static List<SDLDefinition<?>> changes(TypeDefinitionRegistry original, TypeDefinitionRegistry work) {
        List<SDLDefinition<?>> out = new ArrayList<>();
        work.getDirectiveDefinitions().forEach((name, d) -> {
            if (original.getDirectiveDefinition(name).isEmpty()) {
                out.add(d);
            }
        });
        work.scalars().forEach((name, s) -> {
            if (!original.scalars().containsKey(name)) {
                out.add(s);
            }
        });
        work.types().forEach((name, t) -> {
            if (original.types().get(name) != t) {
                out.add(t);
            }
        });
        return out;
    }

    /**
     * The type as read from the binding's view: a field uses the view's real column of the same name
     * (indexable) when that column's type compares like the field's scalar (an {@code ID} in a {@code uuid} column
     * then compares as a UUID); otherwise the JSONB path. A {@code NOT NULL} column makes its field non-null even
     * where the schema declares it nullable.
     */
    private static TypeDef bind(TypeDef base, FieldBinding binding, Map<String, Column> columns) {
        Map<String, FieldDef> fields = new LinkedHashMap<>();
        for (FieldDef f : base.fields().values()) {
            Column c = columns == null || f.objectType() != null || f.list() ? null : columns.get(f.jsonKey());
            ScalarKind kind = f.scalar();
            boolean useColumn = c != null && compatible(kind, c.type());
            if (c != null && kind == ScalarKind.ID && c.type().equals("uuid")) {
                // An ID in a uuid column compares as a UUID, so the column's index (the primary key) serves lookups;
                // an ID that is not a UUID is then a clear input error rather than a sequential scan finding nothing.
                kind = ScalarKind.UUID;
                useColumn = true;
            }
            fields.put(f.name(), new FieldDef(f.name(), f.jsonKey(), kind, f.objectType(), f.list(),
                    useColumn ? f.jsonKey() : null, f.nonNull() || (useColumn && c.notNull())));
        }
        return new TypeDef(base.name(), binding.target(), binding.dataColumn(), fields);
    }

    private static Set<String> declareScalars(TypeDefinitionRegistry registry) {
        Set<String> referenced = new LinkedHashSet<>();
        List<graphql.language.TypeDefinition> all = new ArrayList<>(registry.types().values());
        registry.objectTypeExtensions().values().forEach(all::addAll);
        registry.inputObjectTypeExtensions().values().forEach(all::addAll);
        for (graphql.language.TypeDefinition<?> t : all) {
            List<FieldDefinition> fields = t instanceof ObjectTypeDefinition o ? o.getFieldDefinitions()
                    : t instanceof InterfaceTypeDefinition i ? i.getFieldDefinitions() : List.of();
            for (FieldDefinition f : fields) {
                referenced.add(named(f.getType()).getName());
                f.getInputValueDefinitions().forEach(a -> referenced.add(named(a.getType()).getName()));
            }
            if (t instanceof InputObjectTypeDefinition in) {
                in.getInputValueDefinitions().forEach(a -> referenced.add(named(a.getType()).getName()));
            }
        }
        Set<String> known = new LinkedHashSet<>(FraiseqlScalars.stringScalarNames());
        known.add("JSON");
        // Generated filters on these types use them, so declare them with the fields that need them.
        Set<String> added = new LinkedHashSet<>();
        for (String name : known) {
            if (referenced.contains(name) && registry.getType(name).isEmpty()) {
                registry.add(ScalarTypeDefinition.newScalarTypeDefinition().name(name).build());
                added.add(name);
            }
        }
        return added;
    }

    private static String operationType(TypeDefinitionRegistry registry, String operation, String fallback) {
        return registry.schemaDefinition()
                .flatMap(s -> s.getOperationTypeDefinitions().stream().filter(o -> o.getName().equals(operation))
                        .map(OperationTypeDefinition::getTypeName).map(TypeName::getName).findFirst())
                .orElse(fallback);
    }

    /** Fails on {@code @fraiseql} outside the root types, where it would be silently ignored. */
    private static void rejectNonRootDirectives(TypeDefinitionRegistry registry, Set<String> rootTypes) {
        List<ObjectTypeDefinition> objects = new ArrayList<>(registry.getTypes(ObjectTypeDefinition.class));
        registry.objectTypeExtensions().values().forEach(objects::addAll);
        for (ObjectTypeDefinition type : objects) {
            if (rootTypes.contains(type.getName())) {
                continue;
            }
            for (FieldDefinition field : type.getFieldDefinitions()) {
                if (!field.getDirectives("fraiseql").isEmpty()) {
                    throw new FraiseqlSchemaException(type.getName() + "." + field.getName() + " has @fraiseql, but only"
                            + " fields of the query and mutation types can be bound: nested fields come from the"
                            + " parent's JSONB data.", "Remove @fraiseql from " + type.getName() + "." + field.getName()
                            + ", or move the field to the query type.");
                }
            }
        }
    }

    private static List<FieldBinding> bindings(TypeDefinitionRegistry registry, String typeName, boolean mutation) {
        List<FieldDefinition> fields = new ArrayList<>();
        registry.getType(typeName, ObjectTypeDefinition.class).ifPresent(t -> fields.addAll(t.getFieldDefinitions()));
        for (ObjectTypeExtensionDefinition ext : registry.objectTypeExtensions().getOrDefault(typeName, List.of())) {
            fields.addAll(ext.getFieldDefinitions());
        }
        List<FieldBinding> out = new ArrayList<>();
        for (FieldDefinition field : fields) {
            Directive directive = field.getDirectives("fraiseql").stream().findFirst().orElse(null);
            if (directive == null) {
                continue;
            }
            out.add(binding(typeName, field, directive, mutation));
        }
        return out;
    }

    private static FieldBinding controllerBinding(TypeDefinitionRegistry registry, ControllerMapping mapping) {
        List<FieldDefinition> fields = new ArrayList<>();
        registry.getType(mapping.typeName(), ObjectTypeDefinition.class).ifPresent(t -> fields.addAll(t.getFieldDefinitions()));
        registry.objectTypeExtensions().getOrDefault(mapping.typeName(), List.of()).forEach(e -> fields.addAll(e.getFieldDefinitions()));
        FieldDefinition field = fields.stream().filter(f -> f.getName().equals(mapping.field())).findFirst()
                .orElseThrow(() -> new FraiseqlSchemaException("@FraiseqlMapping on " + mapping.method() + " maps "
                        + mapping.typeName() + "." + mapping.field() + ", which the schema does not declare.",
                        "Declare the field in the schema, or fix the field name of @QueryMapping or @SchemaMapping."));
        if (!field.getDirectives("fraiseql").isEmpty()) {
            throw new FraiseqlSchemaException(mapping.typeName() + "." + mapping.field() + " is bound twice: by"
                    + " @fraiseql in the schema and by @FraiseqlMapping on " + mapping.method() + ".", "Keep one of them.");
        }
        boolean function = !mapping.function().isEmpty();
        if (!function && !isList(field.getType())
                && named(field.getType()).getName().endsWith("Connection")) {
            throw new FraiseqlSchemaException("@FraiseqlMapping on " + mapping.method() + " maps the connection field "
                    + mapping.typeName() + "." + mapping.field() + ": connections are bound in the schema only.",
                    "Bind the field with @fraiseql(view: ...) in the schema and remove @FraiseqlMapping.");
        }
        return binding(mapping.typeName(), field, function ? null : mapping.view(), function ? mapping.function() : null,
                mapping.dataColumn(), function, true);
    }

    private static FieldBinding binding(String typeName, FieldDefinition field, Directive directive, boolean mutation) {
        return binding(typeName, field, stringArgument(directive, "view"), stringArgument(directive, "function"),
                stringArgument(directive, "dataColumn"), mutation, false);
    }

    private static FieldBinding binding(String typeName, FieldDefinition field, String view, String function,
            String dataColumn, boolean mutation, boolean controller) {
        String coordinate = typeName + "." + field.getName();
        checkName(coordinate, view);
        checkName(coordinate, function);
        if (mutation) {
            if (function == null || view != null) {
                throw new FraiseqlSchemaException(coordinate + " is a mutation field, which calls a function.",
                        "Bind it with @fraiseql(function: \"schema.fn\"), not view.");
            }
            return new FieldBinding(typeName, field.getName(), FieldBinding.Kind.MUTATION, function, null,
                    named(field.getType()).getName(), List.of(), controller);
        }
        if (view == null || function != null) {
            throw new FraiseqlSchemaException(coordinate + " is a query field, which reads a view.",
                    "Bind it with @fraiseql(view: \"v_name\"), not function.");
        }
        String returnType = named(field.getType()).getName();
        boolean list = isList(field.getType());
        FieldBinding.Kind kind = list ? FieldBinding.Kind.LIST : FieldBinding.Kind.SINGLE;
        if (!list && returnType.endsWith("Connection")) {
            kind = FieldBinding.Kind.CONNECTION;
            returnType = returnType.substring(0, returnType.length() - "Connection".length());
        }
        List<String> keys = kind == FieldBinding.Kind.SINGLE
                ? field.getInputValueDefinitions().stream().map(InputValueDefinition::getName).toList() : List.of();
        return new FieldBinding(typeName, field.getName(), kind, view, dataColumn == null ? TypeDef.DEFAULT_DATA_COLUMN : dataColumn,
                returnType, keys, controller);
    }

    /** Fails at start-up on a view or function name core would refuse to render on every request. */
    private static void checkName(String coordinate, String name) {
        if (name == null) {
            return;
        }
        try {
            SqlBuilder.quotedQualifiedName(name);
        } catch (IllegalArgumentException e) {
            throw new FraiseqlSchemaException(coordinate + " is bound to '" + name + "', which is not a name: "
                    + e.getMessage() + ".", "Fix the name in @fraiseql or @FraiseqlMapping.");
        }
    }

    private static String stringArgument(Directive directive, String name) {
        Argument argument = directive.getArgument(name);
        return argument != null && argument.getValue() instanceof StringValue s ? s.getValue() : null;
    }

    private static boolean compatible(ScalarKind kind, String columnType) {
        if (columnType == null) {
            return false;
        }
        return switch (kind) {
            case STRING, ID, ENUM -> Set.of("text", "varchar", "bpchar", "name").contains(columnType);
            case INT, BIGINT -> Set.of("int2", "int4", "int8").contains(columnType);
            case FLOAT, DECIMAL -> Set.of("int2", "int4", "int8", "float4", "float8", "numeric").contains(columnType);
            case BOOLEAN -> columnType.equals("bool");
            // Not timestamp or timetz: their text has no offset (or one LocalTime rejects), so a cursor built
            // from such a column could not be read back; those fields use the JSONB path.
            case DATETIME -> columnType.equals("timestamptz");
            case TIME -> columnType.equals("time");
            case JSON -> columnType.equals("jsonb");
            default -> columnType.equals(kind.sqlType());
        };
    }

    private static void collectType(TypeDefinitionRegistry registry, String name, Map<String, TypeDef> types) {
        if (types.containsKey(name)) {
            return;
        }
        ObjectTypeDefinition type = registry.getType(name, ObjectTypeDefinition.class).orElseThrow(
                () -> new FraiseqlSchemaException("Type '" + name + "' returned by a @fraiseql field is not an object type.",
                        "Return an object type (or a list or connection of one) from the bound field."));
        List<FieldDefinition> fieldDefinitions = new ArrayList<>(type.getFieldDefinitions());
        registry.objectTypeExtensions().getOrDefault(name, List.of()).forEach(e -> fieldDefinitions.addAll(e.getFieldDefinitions()));
        Map<String, FieldDef> fields = new LinkedHashMap<>();
        List<String> nested = new ArrayList<>();
        for (FieldDefinition f : fieldDefinitions) {
            String typeName = named(f.getType()).getName();
            boolean list = isList(f.getType());
            String jsonKey = Names.toSnakeCase(f.getName());
            boolean nonNull = f.getType() instanceof NonNullType;
            graphql.language.TypeDefinition<?> def = registry.getType(typeName).orElse(null);
            if (def instanceof InterfaceTypeDefinition || def instanceof graphql.language.UnionTypeDefinition) {
                throw new FraiseqlSchemaException("Field " + name + "." + f.getName() + " returns " + typeName
                        + ", an interface or union: types read from views may only nest object types.",
                        "Use an object type or the JSON scalar.");
            }
            if (def instanceof ObjectTypeDefinition) {
                fields.put(f.getName(), new FieldDef(f.getName(), jsonKey, null, typeName, list, null, nonNull));
                nested.add(typeName);
            } else {
                fields.put(f.getName(), new FieldDef(f.getName(), jsonKey, scalarKind(typeName, def), null, list, null,
                        nonNull));
            }
        }
        types.put(name, new TypeDef(name, null, TypeDef.DEFAULT_DATA_COLUMN, fields));
        nested.forEach(n -> collectType(registry, n, types));
    }

    private static void collectMutationEntities(TypeDefinitionRegistry registry, String resultType, Map<String, TypeDef> types) {
        List<String> candidates = new ArrayList<>();
        registry.getType(resultType, graphql.language.UnionTypeDefinition.class)
                .ifPresent(u -> u.getMemberTypes().forEach(m -> candidates.add(((TypeName) m).getName())));
        if (candidates.isEmpty()) {
            candidates.add(resultType);
            // A function answering plain JSONB returns the object itself.
            if (registry.getType(resultType).orElse(null) instanceof ObjectTypeDefinition) {
                collectType(registry, resultType, types);
            }
        }
        for (String member : candidates) {
            registry.getType(member, ObjectTypeDefinition.class).ifPresent(t -> {
                for (FieldDefinition f : t.getFieldDefinitions()) {
                    String typeName = named(f.getType()).getName();
                    if (registry.getType(typeName).orElse(null) instanceof ObjectTypeDefinition) {
                        collectType(registry, typeName, types);
                    }
                }
            });
        }
    }

    private static MutationResultType mutationResult(TypeDefinitionRegistry registry, String resultType) {
        List<String> members = new ArrayList<>();
        registry.getType(resultType, graphql.language.UnionTypeDefinition.class)
                .ifPresent(u -> u.getMemberTypes().forEach(m -> members.add(((TypeName) m).getName())));
        String success = resultType;
        String error = null;
        if (!members.isEmpty()) {
            success = members.stream().filter(m -> m.endsWith("Success")).findFirst()
                    .orElse(members.stream().filter(m -> !m.endsWith("Error")).findFirst().orElse(members.get(0)));
            error = members.stream().filter(m -> m.endsWith("Error")).findFirst().orElse(null);
        }
        String[] successEntity = entityField(registry, success);
        String[] errorEntity = error == null ? null : entityField(registry, error);
        String entityType = successEntity != null ? successEntity[1] : errorEntity != null ? errorEntity[1] : null;
        return new MutationResultType(resultType, success, error, successEntity == null ? null : successEntity[0],
                errorEntity == null ? null : errorEntity[0], entityType);
    }

    /** The first field of {@code typeName} returning an object type: {name, type}, or null. */
    private static String[] entityField(TypeDefinitionRegistry registry, String typeName) {
        ObjectTypeDefinition type = registry.getType(typeName, ObjectTypeDefinition.class).orElse(null);
        if (type == null) {
            return null;
        }
        for (FieldDefinition f : type.getFieldDefinitions()) {
            String named = named(f.getType()).getName();
            if (registry.getType(named).orElse(null) instanceof ObjectTypeDefinition) {
                return new String[] {f.getName(), named};
            }
        }
        return null;
    }

    private static ScalarKind scalarKind(String typeName, graphql.language.TypeDefinition<?> def) {
        if (def instanceof EnumTypeDefinition) {
            return ScalarKind.ENUM;
        }
        ScalarKind kind = FraiseqlScalars.kindOf(typeName);
        if (kind != null) {
            return kind;
        }
        return BUILT_IN.contains(typeName) ? ScalarKind.STRING : ScalarKind.JSON;
    }

    static TypeName named(Type<?> type) {
        if (type instanceof NonNullType n) {
            return named(n.getType());
        }
        if (type instanceof ListType l) {
            return named(l.getType());
        }
        return (TypeName) type;
    }

    static boolean isList(Type<?> type) {
        return type instanceof ListType || (type instanceof NonNullType n && n.getType() instanceof ListType);
    }

    static void addAll(TypeDefinitionRegistry registry, TypeDefinitionRegistry parsed) {
        List<SDLDefinition> definitions = new ArrayList<>();
        definitions.addAll(parsed.getDirectiveDefinitions().values().stream()
                .filter(d -> d.getName().equals("fraiseql")).toList());
        definitions.addAll(parsed.types().values());
        definitions.addAll(parsed.scalars().values().stream()
                .filter(s -> !graphql.schema.idl.ScalarInfo.isGraphqlSpecifiedScalar(s.getName())).toList());
        for (SDLDefinition definition : definitions) {
            registry.add(definition).ifPresent(error -> {
                throw new IllegalStateException(error.getMessage());
            });
        }
    }
}
