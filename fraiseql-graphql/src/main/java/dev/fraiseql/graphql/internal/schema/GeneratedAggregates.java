package dev.fraiseql.graphql.internal.schema;

import dev.fraiseql.core.query.Aggregate;
import dev.fraiseql.core.schema.FieldDef;
import dev.fraiseql.core.schema.ScalarKind;
import dev.fraiseql.core.schema.TypeDef;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds an aggregate field beside each list field bound to a view by {@code @fraiseql}: for
 * {@code books: [Book!]! @fraiseql(view: "tv_book")} the field
 * {@code booksAggregate(where: BookWhereInput, groupBy: [BookGroupField!], orderBy: [BookAggregateOrderBy!],
 * limit: Int, offset: Int): [BookAggregate!]!}, with the types it returns. It also adds those types to FraiseQL's
 * type registry, so that both execution paths read a group's JSON as they read a row's.
 *
 * <p>Fields bound by a controller method get none: the method may add filters (a tenant) that an aggregate would
 * bypass. A schema that declares the field, or a type of one of the generated names, keeps its own and gets none.
 */
final class GeneratedAggregates {

    /** Nested objects followed for group keys ({@code author.address.city} is two levels). */
    private static final int MAX_KEY_DEPTH = 3;
    private static final List<Aggregate> MEASURED = List.of(Aggregate.COUNT_DISTINCT, Aggregate.SUM, Aggregate.AVG,
            Aggregate.MIN, Aggregate.MAX);

    private final TypeDefinitionRegistry registry;
    private final Map<String, TypeDef> types;
    private final Map<String, String> keyTypes = new LinkedHashMap<>();
    private final Set<String> keyTypesInProgress = new HashSet<>();
    private final Map<String, String> measuredTypes = new LinkedHashMap<>();
    private final Set<String> measuredInProgress = new HashSet<>();
    private final Set<String> planned = new LinkedHashSet<>();
    private final Set<String> addedScalars = new LinkedHashSet<>();

    /**
     * @param registry the schema being completed
     * @param types the object types read from it, by name; the aggregate types are added to it
     */
    GeneratedAggregates(TypeDefinitionRegistry registry, Map<String, TypeDef> types) {
        this.registry = registry;
        this.types = types;
    }

    /** The aggregate fields to generate, by coordinate; adds the types they return to the type map. */
    Map<String, AggregateField> plan(List<FieldBinding> bindings) {
        Map<String, AggregateField> out = new LinkedHashMap<>();
        for (FieldBinding binding : bindings) {
            if (binding.kind() != FieldBinding.Kind.LIST || binding.controller()) {
                continue;
            }
            String name = binding.field() + "Aggregate";
            String type = binding.returnType();
            if (!declaredInType(binding.parentType(), binding.field()) || declared(binding.parentType(), name)
                    || out.containsKey(binding.parentType() + "." + name) || !planType(type)) {
                continue;
            }
            AggregateField field = new AggregateField(name, binding, type + "Aggregate", groupPaths(type));
            out.put(field.coordinate(), field);
        }
        return out;
    }

    /** The scalars the generated types needed and the schema did not declare ({@code BigInt}). */
    Set<String> addedScalars() {
        return addedScalars;
    }

    /** Adds the aggregate fields to their root types, with their types, enums and inputs. */
    void addDefinitions(Collection<AggregateField> fields) {
        if (fields.isEmpty()) {
            return;
        }
        StringBuilder sdl = new StringBuilder();
        Set<String> written = new HashSet<>();
        for (AggregateField field : fields) {
            String type = field.source().returnType();
            if (written.add(type)) {
                typeSdl(type, field.groupPaths(), sdl, written);
            }
        }
        if (registry.getType("OrderDirection").isEmpty()) {
            sdl.append("enum OrderDirection {\n  ASC\n  DESC\n  ASC_NULLS_FIRST\n  ASC_NULLS_LAST\n  DESC_NULLS_FIRST\n"
                    + "  DESC_NULLS_LAST\n}\n");
        }
        if (sdl.indexOf(": BigInt") >= 0 && registry.getType("BigInt").isEmpty()) {
            sdl.append("\"\"\"A 64-bit integer, written as a JSON number.\"\"\"\nscalar BigInt\n");
            addedScalars.add("BigInt");
        }
        SchemaParser parser = new SchemaParser();
        SchemaReader.addAll(registry, parser.parse(sdl.toString()));
        Map<String, List<FieldDefinition>> added = new LinkedHashMap<>();
        for (AggregateField field : fields) {
            String type = field.source().returnType();
            String where = registry.getType(type + "WhereInput").isPresent() ? "where: " + type + "WhereInput, " : "";
            String definition = "type T {\n\"\"\"Aggregates of the " + type + " rows of " + field.source().field()
                    + ": one element per group, or exactly one without groupBy. Same view and where as "
                    + field.source().field() + ".\"\"\"\n" + field.field() + "(" + where
                    + (field.groupPaths().isEmpty() ? "" : "groupBy: [" + type + "GroupField!], ")
                    + "orderBy: [" + type + "AggregateOrderBy!], limit: Int, offset: Int): [" + field.typeName()
                    + "!]!\n}";
            FieldDefinition parsed = parser.parse(definition).getType("T", ObjectTypeDefinition.class).orElseThrow()
                    .getFieldDefinitions().get(0);
            added.computeIfAbsent(field.source().parentType(), k -> new ArrayList<>()).add(parsed);
        }
        added.forEach((parentName, definitions) -> {
            ObjectTypeDefinition parent = registry.getType(parentName, ObjectTypeDefinition.class).orElseThrow();
            List<FieldDefinition> all = new ArrayList<>(parent.getFieldDefinitions());
            all.addAll(definitions);
            registry.remove(parent);
            registry.add(parent.transform(b -> b.fieldDefinitions(all)));
        });
    }

    private boolean declaredInType(String typeName, String field) {
        return registry.getType(typeName, ObjectTypeDefinition.class)
                .map(t -> t.getFieldDefinitions().stream().anyMatch(f -> f.getName().equals(field))).orElse(false);
    }

    private boolean declared(String typeName, String field) {
        if (declaredInType(typeName, field)) {
            return true;
        }
        for (ObjectTypeExtensionDefinition ext : registry.objectTypeExtensions().getOrDefault(typeName, List.of())) {
            if (ext.getFieldDefinitions().stream().anyMatch(f -> f.getName().equals(field))) {
                return true;
            }
        }
        return false;
    }

    /** Adds the aggregate types of {@code type} to the type map; false when the schema already uses their names. */
    private boolean planType(String type) {
        if (planned.contains(type)) {
            return true;
        }
        for (String suffix : List.of("Aggregate", "GroupField", "AggregateOrderBy")) {
            if (registry.getType(type + suffix).isPresent()) {
                return false;
            }
        }
        for (Aggregate function : MEASURED) {
            if (registry.getType(measureType(type, function)).isPresent()
                    || registry.getType(measureType(type, function) + "OrderBy").isPresent()) {
                return false;
            }
        }
        List<FieldDef> fields = new ArrayList<>();
        String key = keyType(type);
        if (key != null) {
            fields.add(new FieldDef("key", "key", null, key, false, null, true));
        }
        fields.add(new FieldDef("count", "count", ScalarKind.INT, null, false, null, true));
        for (Aggregate function : MEASURED) {
            String name = measuredType(type, function);
            if (name != null) {
                fields.add(new FieldDef(function.graphQlName(), function.jsonKey(), null, name, false, null, true));
            }
        }
        types.put(type + "Aggregate", new TypeDef(type + "Aggregate", null, TypeDef.DEFAULT_DATA_COLUMN, map(fields)));
        planned.add(type);
        return true;
    }

    /** The key type of {@code type} ({@code BookAggregateKey}), or null when it has no field to group by. */
    private String keyType(String type) {
        if (keyTypes.containsKey(type)) {
            return keyTypes.get(type);
        }
        if (!keyTypesInProgress.add(type)) {
            return null; // a cycle of nested objects: the way back is left out
        }
        String name = type + "AggregateKey";
        List<FieldDef> fields = new ArrayList<>();
        for (FieldDef f : types.get(type).fields().values()) {
            if (Aggregate.groupable(f)) {
                fields.add(new FieldDef(f.name(), f.jsonKey(), f.scalar(), null, false, null, false));
            } else if (f.isObject() && !f.list() && registry.getType(f.objectType() + "AggregateKey").isEmpty()) {
                String nested = keyType(f.objectType());
                if (nested != null) {
                    fields.add(new FieldDef(f.name(), f.jsonKey(), null, nested, false, null, false));
                }
            }
        }
        keyTypesInProgress.remove(type);
        String result = fields.isEmpty() || registry.getType(name).isPresent() ? null : name;
        if (result != null) {
            types.put(name, new TypeDef(name, null, TypeDef.DEFAULT_DATA_COLUMN, map(fields)));
        }
        keyTypes.put(type, result);
        return result;
    }

    /**
     * The type of {@code function}'s answers for the fields of {@code type} ({@code BookAggregateSum}), with a field
     * per nested object that has some ({@code author: AuthorAggregateSum}); null when there is none.
     */
    private String measuredType(String type, Aggregate function) {
        String name = measureType(type, function);
        if (measuredTypes.containsKey(name)) {
            return measuredTypes.get(name);
        }
        if (!measuredInProgress.add(name)) {
            return null; // a cycle of nested objects: the way back is left out
        }
        List<FieldDef> fields = new ArrayList<>();
        for (FieldDef f : types.get(type).fields().values()) {
            if (f.scalar() != null) {
                if (measured(f, function)) {
                    fields.add(new FieldDef(f.name(), f.jsonKey(), function.resultKind(f), null, false, null, false));
                }
            } else if (!f.list()) {
                String nested = measuredType(f.objectType(), function);
                if (nested != null) {
                    fields.add(new FieldDef(f.name(), f.jsonKey(), null, nested, false, null, false));
                }
            }
        }
        measuredInProgress.remove(name);
        boolean taken = registry.getType(name).isPresent() || registry.getType(name + "OrderBy").isPresent();
        String result = fields.isEmpty() || taken ? null : name;
        if (result != null) {
            types.put(name, new TypeDef(name, null, TypeDef.DEFAULT_DATA_COLUMN, map(fields)));
        }
        measuredTypes.put(name, result);
        return result;
    }

    /** Per group field enum value ({@code author_country}), its path ({@code author.country}), in field order. */
    private Map<String, String> groupPaths(String type) {
        Map<String, String> out = new LinkedHashMap<>();
        collectPaths(type, "", "", new LinkedHashSet<>(List.of(type)), out);
        return out;
    }

    private void collectPaths(String type, String valuePrefix, String pathPrefix, Set<String> onPath,
            Map<String, String> out) {
        for (FieldDef f : types.get(type).fields().values()) {
            String value = valuePrefix + f.name();
            if (Aggregate.groupable(f)) {
                if (!Set.of("true", "false", "null").contains(value)) {
                    out.putIfAbsent(value, pathPrefix + f.name());
                }
            } else if (f.isObject() && !f.list() && onPath.size() <= MAX_KEY_DEPTH && !onPath.contains(f.objectType())
                    && keyTypes.get(f.objectType()) != null) {
                Set<String> next = new LinkedHashSet<>(onPath);
                next.add(f.objectType());
                collectPaths(f.objectType(), value + "_", pathPrefix + f.name() + ".", next, out);
            }
        }
    }

    private static boolean measured(FieldDef f, Aggregate function) {
        // Only the scalars a GraphQL schema gives FraiseQL: Int and Float are numbers, BigInt and Decimal are not.
        boolean number = f.scalar() == ScalarKind.INT || f.scalar() == ScalarKind.FLOAT;
        boolean wanted = switch (function) {
            case SUM, AVG -> number;
            default -> true;
        };
        return wanted && function.accepts(f);
    }

    private static String measureType(String type, Aggregate function) {
        String name = function.graphQlName();
        return type + "Aggregate" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static Map<String, FieldDef> map(List<FieldDef> fields) {
        Map<String, FieldDef> out = new LinkedHashMap<>();
        fields.forEach(f -> out.put(f.name(), f));
        return out;
    }

    /** The GraphQL type names of the fields of object type {@code type}, as the schema declares them. */
    private Map<String, String> declaredTypes(String type) {
        Map<String, String> out = new LinkedHashMap<>();
        registry.getType(type, ObjectTypeDefinition.class).ifPresent(t -> t.getFieldDefinitions()
                .forEach(f -> out.put(f.getName(), SchemaReader.named(f.getType()).getName())));
        for (ObjectTypeExtensionDefinition ext : registry.objectTypeExtensions().getOrDefault(type, List.of())) {
            ext.getFieldDefinitions().forEach(f -> out.put(f.getName(), SchemaReader.named(f.getType()).getName()));
        }
        return out;
    }

    private void typeSdl(String type, Map<String, String> groupPaths, StringBuilder sdl, Set<String> written) {
        TypeDef aggregate = types.get(type + "Aggregate");
        sdl.append("\"\"\"Aggregates of the ").append(type).append(" rows of one group.\"\"\"\ntype ").append(type)
                .append("Aggregate {\n");
        for (FieldDef f : aggregate.fields().values()) {
            String doc = switch (f.name()) {
                case "key" -> "The group's values of the groupBy fields; the other fields are null.";
                case "count" -> "Rows in the group.";
                case "countDistinct" -> "Distinct non-null values per field.";
                case "sum" -> "Sums of the non-null values: BigInt for Int fields; Float fields are added as exact"
                        + " decimals. Null when the group has no value.";
                case "avg" -> "Averages of the non-null values, as Float; null when the group has no value.";
                case "min" -> "Smallest non-null values; strings in the database's collation.";
                default -> "Largest non-null values; strings in the database's collation.";
            };
            sdl.append("  \"").append(doc).append("\"\n  ").append(f.name()).append(": ")
                    .append(f.isObject() ? f.objectType() : "Int").append("!\n");
        }
        sdl.append("}\n");
        keySdl(type, sdl, written);
        for (Aggregate function : MEASURED) {
            measuredSdl(type, function, sdl, written);
        }
        if (!groupPaths.isEmpty()) {
            sdl.append("\"\"\"A field to group ").append(type).append(" rows by; nested fields join their path with _"
                    + " (author_country for author.country).\"\"\"\nenum ").append(type).append("GroupField {\n");
            groupPaths.keySet().forEach(v -> sdl.append("  ").append(v).append('\n'));
            sdl.append("}\n");
        }
        sdl.append("\"\"\"One sort key of ").append(type).append(" groups: a group key (which must be in groupBy),"
                + " the count or an aggregate; give one per list element.\"\"\"\ninput ").append(type)
                .append("AggregateOrderBy {\n");
        if (aggregate.fields().containsKey("key") && registry.getType(type + "OrderByInput").isPresent()) {
            sdl.append("  key: ").append(type).append("OrderByInput\n");
        }
        sdl.append("  count: OrderDirection\n");
        for (Aggregate function : MEASURED) {
            if (aggregate.fields().containsKey(function.graphQlName())) {
                sdl.append("  ").append(function.graphQlName()).append(": ").append(measureType(type, function))
                        .append("OrderBy\n");
            }
        }
        sdl.append("}\n");
    }

    private void measuredSdl(String type, Aggregate function, StringBuilder sdl, Set<String> written) {
        String name = measuredTypes.get(measureType(type, function));
        if (name == null || !written.add(name)) {
            return;
        }
        Map<String, String> declared = declaredTypes(type);
        List<String> nested = new ArrayList<>();
        StringBuilder order = new StringBuilder();
        sdl.append("type ").append(name).append(" {\n");
        for (FieldDef f : types.get(name).fields().values()) {
            if (f.isObject()) {
                sdl.append("  ").append(f.name()).append(": ").append(f.objectType()).append('\n');
                order.append("  ").append(f.name()).append(": ").append(f.objectType()).append("OrderBy\n");
                nested.add(types.get(type).fields().get(f.name()).objectType());
            } else {
                sdl.append("  ").append(f.name()).append(": ").append(resultType(f.scalar(), declared.get(f.name())))
                        .append('\n');
                order.append("  ").append(f.name()).append(": OrderDirection\n");
            }
        }
        sdl.append("}\n");
        sdl.append("input ").append(name).append("OrderBy {\n").append(order).append("}\n");
        nested.forEach(n -> measuredSdl(n, function, sdl, written));
    }

    private void keySdl(String type, StringBuilder sdl, Set<String> written) {
        String name = keyTypes.get(type);
        if (name == null || !written.add(name)) {
            return;
        }
        Map<String, String> declared = declaredTypes(type);
        List<String> nested = new ArrayList<>();
        sdl.append("\"\"\"The group key values of ").append(type).append(".\"\"\"\ntype ").append(name).append(" {\n");
        for (FieldDef f : types.get(name).fields().values()) {
            if (f.isObject()) {
                sdl.append("  ").append(f.name()).append(": ").append(f.objectType()).append('\n');
                nested.add(types.get(type).fields().get(f.name()).objectType());
            } else {
                sdl.append("  ").append(f.name()).append(": ").append(declared.get(f.name())).append('\n');
            }
        }
        sdl.append("}\n");
        nested.forEach(n -> keySdl(n, sdl, written));
    }

    private static String resultType(ScalarKind kind, String declared) {
        return switch (kind) {
            case BIGINT -> "BigInt";
            case FLOAT -> "Float";
            case INT -> "Int";
            default -> declared;
        };
    }
}
