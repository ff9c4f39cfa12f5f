package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.core.schema.FieldDef;
import dev.fraiseql.core.schema.Names;
import dev.fraiseql.core.schema.ScalarKind;
import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.schema.TypeRegistry;
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
import java.util.function.Supplier;
import org.springframework.graphql.execution.TypeDefinitionConfigurer;

/**
 * Reads the user's schema: declares {@code @fraiseql} and the PostgreSQL scalars, finds the bound
 * root fields, builds the {@link TypeRegistry} of the types they return, and adds the generated
 * filter, ordering and paging arguments and input types that the user did not declare.
 */
public final class FraiseqlSchemaConfigurer implements TypeDefinitionConfigurer {

    /** The directive the starter declares. */
    public static final String DIRECTIVE_SDL =
            "directive @fraiseql(view: String, function: String, dataColumn: String) on FIELD_DEFINITION";

    private static final Set<String> BUILT_IN = Set.of("String", "Int", "Float", "Boolean", "ID");
    private static final String DEFAULT_DATA_COLUMN = "data";

    private final ViewCatalog catalog;
    private final Supplier<List<ControllerMapping>> controllerMappings;
    private volatile FraiseqlSchema schema;

    /**
     * @param catalog reads view columns at start-up, or {@code null} to skip that
     * @param controllerMappings the {@link FraiseqlMapping} controller methods, read when the schema is built
     */
    public FraiseqlSchemaConfigurer(ViewCatalog catalog, Supplier<List<ControllerMapping>> controllerMappings) {
        this.catalog = catalog;
        this.controllerMappings = controllerMappings;
    }

    /** What the last {@link #configure} found; fails when the schema has not been built yet. */
    public FraiseqlSchema schema() {
        if (schema == null) {
            throw new IllegalStateException("The GraphQL schema has not been built yet");
        }
        return schema;
    }

    @Override
    public void configure(TypeDefinitionRegistry registry) {
        SchemaParser parser = new SchemaParser();
        if (registry.getDirectiveDefinition("fraiseql").isEmpty()) {
            addAll(registry, parser.parse(DIRECTIVE_SDL));
        }
        Set<String> addedScalars = declareScalars(registry);
        String query = operationType(registry, "query", "Query");
        String mutation = operationType(registry, "mutation", "Mutation");
        List<FieldBinding> bindings = new ArrayList<>();
        bindings.addAll(bindings(registry, query, false));
        bindings.addAll(bindings(registry, mutation, true));
        for (ControllerMapping mapping : controllerMappings.get()) {
            bindings.add(controllerBinding(registry, mapping));
        }

        Map<String, TypeDef> types = new LinkedHashMap<>();
        for (FieldBinding binding : bindings) {
            if (binding.kind() != FieldBinding.Kind.MUTATION) {
                collectType(registry, binding.returnType(), types);
            }
        }
        for (FieldBinding binding : bindings) {
            if (binding.kind() == FieldBinding.Kind.MUTATION) {
                collectMutationEntities(registry, binding.returnType(), types);
            }
        }
        for (FieldBinding binding : bindings) {
            for (String key : binding.keyArguments()) {
                if (!types.get(binding.returnType()).fields().containsKey(key)) {
                    throw new IllegalStateException(binding.coordinate() + " has argument '" + key + "' but "
                            + binding.returnType() + " has no field " + key + ": the arguments of a single-object field"
                            + " are equality filters on fields of its type; rename the argument or add the field");
                }
            }
        }
        TypeRegistry.Builder builder = TypeRegistry.builder();
        types.values().forEach(builder::type);
        TypeRegistry typeRegistry = builder.build();

        Map<String, TypeDef> boundTypes = new LinkedHashMap<>();
        for (FieldBinding binding : bindings) {
            if (binding.kind() != FieldBinding.Kind.MUTATION) {
                TypeDef base = types.get(binding.returnType());
                Map<String, ViewCatalog.Column> columns = catalog == null ? null : catalog.columns(binding);
                boundTypes.put(binding.coordinate(), bind(base, binding, columns));
            }
        }
        GeneratedInputs inputs = new GeneratedInputs(registry, typeRegistry);
        inputs.addFor(bindings);
        addedScalars.addAll(inputs.addedScalars());
        Map<String, MutationResultType> results = new LinkedHashMap<>();
        for (FieldBinding binding : bindings) {
            if (binding.kind() == FieldBinding.Kind.MUTATION) {
                results.put(binding.coordinate(), mutationResult(registry, binding.returnType()));
            }
        }
        schema = new FraiseqlSchema(bindings, typeRegistry, boundTypes, addedScalars, results);
    }

    /**
     * The type as read from the binding's view: a field uses the view's real column of the same name
     * (indexable) when that column's type compares like the field's scalar (an {@code ID} in a {@code uuid} column
     * then compares as a UUID); otherwise the JSONB path. A {@code NOT NULL} column makes its field non-null even
     * where the schema declares it nullable.
     */
    private static TypeDef bind(TypeDef base, FieldBinding binding, Map<String, ViewCatalog.Column> columns) {
        Map<String, FieldDef> fields = new LinkedHashMap<>();
        for (FieldDef f : base.fields().values()) {
            ViewCatalog.Column c = columns == null || f.objectType() != null || f.list() ? null : columns.get(f.jsonKey());
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
                .orElseThrow(() -> new IllegalStateException("@FraiseqlMapping on " + mapping.method() + " maps "
                        + mapping.typeName() + "." + mapping.field() + ", which the schema does not declare"));
        if (!field.getDirectives("fraiseql").isEmpty()) {
            throw new IllegalStateException(mapping.typeName() + "." + mapping.field() + " is bound twice: by"
                    + " @fraiseql in the schema and by @FraiseqlMapping on " + mapping.method() + "; keep one");
        }
        boolean function = !mapping.function().isEmpty();
        if (!function && !FraiseqlSchemaConfigurer.isList(field.getType())
                && named(field.getType()).getName().endsWith("Connection")) {
            throw new IllegalStateException("@FraiseqlMapping on " + mapping.method() + " maps the connection field "
                    + mapping.typeName() + "." + mapping.field() + ": connections are bound with @fraiseql(view: ...)"
                    + " in the schema only");
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
        if (mutation) {
            if (function == null || view != null) {
                throw new IllegalStateException(coordinate + " is a mutation field: bind it with @fraiseql(function: \"schema.fn\"), not view");
            }
            return new FieldBinding(typeName, field.getName(), FieldBinding.Kind.MUTATION, function, null,
                    named(field.getType()).getName(), List.of(), controller);
        }
        if (view == null || function != null) {
            throw new IllegalStateException(coordinate + " is a query field: bind it with @fraiseql(view: \"v_name\"), not function");
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
        return new FieldBinding(typeName, field.getName(), kind, view, dataColumn == null ? DEFAULT_DATA_COLUMN : dataColumn,
                returnType, keys, controller);
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
                () -> new IllegalStateException("Type '" + name + "' returned by a @fraiseql field is not an object type"));
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
                throw new IllegalStateException("Field " + name + "." + f.getName() + " returns " + typeName
                        + ", an interface or union: types read from views may only nest object types; use an object"
                        + " type or the JSON scalar");
            }
            if (def instanceof ObjectTypeDefinition) {
                fields.put(f.getName(), new FieldDef(f.getName(), jsonKey, null, typeName, list, null, nonNull));
                nested.add(typeName);
            } else {
                fields.put(f.getName(), new FieldDef(f.getName(), jsonKey, scalarKind(typeName, def), null, list, null,
                        nonNull));
            }
        }
        types.put(name, new TypeDef(name, null, DEFAULT_DATA_COLUMN, fields));
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
