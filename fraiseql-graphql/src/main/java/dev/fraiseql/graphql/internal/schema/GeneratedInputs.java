package dev.fraiseql.graphql.internal.schema;

import dev.fraiseql.core.schema.FieldDef;
import dev.fraiseql.core.schema.ScalarKind;
import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.schema.TypeRegistry;
import dev.fraiseql.core.where.WhereRenderer;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Adds {@code where}, {@code orderBy}, {@code limit} and {@code offset} (and Relay's {@code first},
 * {@code after}, {@code last}, {@code before}) to list fields bound to views, with the input types
 * they need, keeping every argument and type the user declared.
 */
final class GeneratedInputs {

    private final TypeDefinitionRegistry registry;
    private final TypeRegistry types;
    private final StringBuilder sdl = new StringBuilder();
    private final Set<String> generated = new LinkedHashSet<>();
    private final Set<String> addedScalars = new LinkedHashSet<>();

    GeneratedInputs(TypeDefinitionRegistry registry, TypeRegistry types) {
        this.registry = registry;
        this.types = types;
    }

    void addFor(List<FieldBinding> bindings) {
        for (FieldBinding binding : bindings) {
            if (binding.kind() == FieldBinding.Kind.LIST || binding.kind() == FieldBinding.Kind.CONNECTION) {
                whereInput(binding.returnType());
                orderByInput(binding.returnType());
                addArguments(binding);
                if (binding.kind() == FieldBinding.Kind.CONNECTION) {
                    pageInfo();
                }
            }
        }
        if (sdl.length() > 0) {
            SchemaReader.addAll(registry, new SchemaParser().parse(sdl.toString()));
        }
    }

    private void addArguments(FieldBinding binding) {
        ObjectTypeDefinition parent = registry.getType(binding.parentType(), ObjectTypeDefinition.class).orElse(null);
        if (parent == null || parent.getFieldDefinitions().stream().noneMatch(f -> f.getName().equals(binding.field()))) {
            return; // declared in an extension: the user keeps full control of its arguments
        }
        List<FieldDefinition> fields = new ArrayList<>();
        for (FieldDefinition field : parent.getFieldDefinitions()) {
            if (!field.getName().equals(binding.field())) {
                fields.add(field);
                continue;
            }
            List<InputValueDefinition> arguments = new ArrayList<>(field.getInputValueDefinitions());
            String type = binding.returnType();
            add(arguments, "where", new TypeName(type + "WhereInput"));
            add(arguments, "orderBy", new ListType(new NonNullType(new TypeName(type + "OrderByInput"))));
            if (binding.kind() == FieldBinding.Kind.LIST) {
                add(arguments, "limit", new TypeName("Int"));
                add(arguments, "offset", new TypeName("Int"));
            } else {
                add(arguments, "first", new TypeName("Int"));
                add(arguments, "after", new TypeName("String"));
                add(arguments, "last", new TypeName("Int"));
                add(arguments, "before", new TypeName("String"));
            }
            fields.add(field.transform(b -> b.inputValueDefinitions(arguments)));
        }
        registry.remove(parent);
        registry.add(parent.transform(b -> b.fieldDefinitions(fields)));
    }

    private static void add(List<InputValueDefinition> arguments, String name, Type<?> type) {
        if (arguments.stream().noneMatch(a -> a.getName().equals(name))) {
            arguments.add(InputValueDefinition.newInputValueDefinition().name(name).type(type).build());
        }
    }

    private String whereInput(String typeName) {
        String name = typeName + "WhereInput";
        if (!generated.add(name) || registry.getType(name).isPresent()) {
            return name;
        }
        TypeDef type = types.type(typeName);
        StringBuilder body = new StringBuilder();
        for (FieldDef field : type.fields().values()) {
            String filter;
            if (field.objectType() != null) {
                filter = field.list() ? listFilterInput(field.objectType()) : whereInput(field.objectType());
            } else {
                filter = operatorInput(field);
            }
            if (filter != null) {
                body.append("  ").append(field.name()).append(": ").append(filter).append('\n');
            }
        }
        body.append("  AND: [").append(name).append("!]\n  OR: [").append(name).append("!]\n  NOT: ").append(name).append('\n');
        sdl.append("\"\"\"Filter on ").append(typeName).append(": every given condition must hold.\"\"\"\ninput ")
                .append(name).append(" {\n").append(body).append("}\n");
        return name;
    }

    /** {@code some}, {@code every} and {@code none} over a list of objects, each taking the element's filter. */
    private String listFilterInput(String typeName) {
        String name = typeName + "ListFilter";
        if (!generated.add(name) || registry.getType(name).isPresent()) {
            return name;
        }
        String element = whereInput(typeName);
        sdl.append("\"\"\"Filter on a list of ").append(typeName).append(": whether some, every or no element passes.\"\"\"\n")
                .append("input ").append(name).append(" {\n")
                .append("  \"\"\"At least one element passes.\"\"\"\n  some: ").append(element).append('\n')
                .append("  \"\"\"Every element passes (true for an empty or missing list).\"\"\"\n  every: ").append(element)
                .append('\n')
                .append("  \"\"\"No element passes (true for an empty or missing list).\"\"\"\n  none: ").append(element)
                .append('\n').append("}\n");
        return name;
    }

    private String orderByInput(String typeName) {
        String name = typeName + "OrderByInput";
        if (!generated.add(name) || registry.getType(name).isPresent()) {
            return name;
        }
        orderDirection();
        TypeDef type = types.type(typeName);
        StringBuilder body = new StringBuilder();
        for (FieldDef field : type.fields().values()) {
            if (field.list() || field.scalar() == ScalarKind.JSON || field.scalar() == ScalarKind.TSVECTOR) {
                continue;
            }
            String direction = field.objectType() != null ? orderByInput(field.objectType()) : "OrderDirection";
            body.append("  ").append(field.name()).append(": ").append(direction).append('\n');
        }
        sdl.append("\"\"\"Sort key of ").append(typeName).append(": give one field per list element.\"\"\"\ninput ")
                .append(name).append(" {\n").append(body).append("}\n");
        return name;
    }

    /** Relay's PageInfo, for connection types the user declared without it. */
    private void pageInfo() {
        if (generated.add("PageInfo") && registry.getType("PageInfo").isEmpty()) {
            sdl.append("\"\"\"Where a connection page sits in the whole list.\"\"\"\ntype PageInfo {\n"
                    + "  hasPreviousPage: Boolean!\n  hasNextPage: Boolean!\n  startCursor: String\n  endCursor: String\n}\n");
        }
    }

    private void orderDirection() {
        if (generated.add("OrderDirection") && registry.getType("OrderDirection").isEmpty()) {
            sdl.append("\"\"\"Sort direction, with where NULLs go (last for ASC and first for DESC by default).\"\"\"\n"
                    + "enum OrderDirection {\n  ASC\n  DESC\n  ASC_NULLS_FIRST\n  ASC_NULLS_LAST\n  DESC_NULLS_FIRST\n"
                    + "  DESC_NULLS_LAST\n}\n");
        }
    }

    private String operatorInput(FieldDef field) {
        String valueType = graphQlTypeName(field);
        if (valueType == null) {
            return null;
        }
        String name = valueType + (field.list() ? "ArrayFilter" : "Filter");
        StringBuilder body = new StringBuilder();
        for (String op : WhereRenderer.operatorsFor(field)) {
            body.append("  ").append(op).append(": ").append(operandType(field, op, valueType)).append('\n');
        }
        if (WhereRenderer.operatorsFor(field).contains("containsDate")) {
            ensureScalar("Date");
        }
        define(name, body.toString(), valueType);
        return name;
    }

    /** The GraphQL type of one operator's operand, matching what the WHERE renderer accepts. */
    private static String operandType(FieldDef field, String op, String valueType) {
        String list = "[" + valueType + "!]";
        return switch (op) {
            case "isnull", "isPrivate", "isPublic", "isIPv4", "isIPv6" -> "Boolean";
            case "lenEq", "lenGt", "lenGte", "lenLt", "lenLte" -> "Int";
            case "hasKey", "matchesLquery" -> "String";
            case "hasAnyKeys", "hasAllKeys" -> "[String!]";
            case "containsDate" -> "Date";
            case "in", "nin" -> list;
            case "plainQuery", "phraseQuery", "websearchQuery" -> "String";
            case "matches" -> field.scalar() == ScalarKind.TSVECTOR ? "String" : field.list() ? list : valueType;
            case "anyEq", "allEq" -> valueType;
            default -> field.list() ? list : valueType;
        };
    }

    private String graphQlTypeName(FieldDef field) {
        return switch (field.scalar()) {
            case STRING -> "String";
            case INT -> "Int";
            case FLOAT -> "Float";
            case BOOLEAN -> "Boolean";
            case ID -> "ID";
            case UUID -> "UUID";
            case DATE -> "Date";
            case DATETIME -> "DateTime";
            case TIME -> "Time";
            case JSON -> "JSON";
            case INET -> "Inet";
            case CIDR -> "Cidr";
            case MACADDR -> "MacAddr";
            case LTREE -> "LTree";
            case DATERANGE -> "DateRange";
            case TSVECTOR -> "TsVector";
            case ENUM -> enumName(field);
            case BIGINT -> "BigInt";
            case DECIMAL -> "Decimal";
        };
    }

    private String enumName(FieldDef field) {
        for (TypeDef type : List.copyOf(typesWith(field))) {
            ObjectTypeDefinition def = registry.getType(type.name(), ObjectTypeDefinition.class).orElse(null);
            if (def != null) {
                for (FieldDefinition f : def.getFieldDefinitions()) {
                    if (f.getName().equals(field.name())) {
                        return SchemaReader.named(f.getType()).getName();
                    }
                }
            }
        }
        return null;
    }

    private List<TypeDef> typesWith(FieldDef field) {
        List<TypeDef> out = new ArrayList<>();
        for (String name : registry.types().keySet()) {
            types.find(name).filter(t -> t.fields().get(field.name()) == field).ifPresent(out::add);
        }
        return out;
    }

    private void ensureScalar(String name) {
        if (registry.getType(name).isEmpty() && generated.add("scalar " + name)) {
            sdl.append("scalar ").append(name).append('\n');
            addedScalars.add(name);
        }
    }

    /** The scalars the generated inputs needed and the schema did not declare. */
    Set<String> addedScalars() {
        return addedScalars;
    }

    private void define(String name, String body, String valueType) {
        if (!generated.add(name) || registry.getType(name).isPresent()) {
            return;
        }
        sdl.append("\"\"\"Operators on a ").append(valueType).append(" field.\"\"\"\ninput ").append(name).append(" {\n")
                .append(body).append("}\n");
    }
}
