package dev.fraiseql.core.schema;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** All object types the engine knows, by GraphQL name, with their nested object references checked. */
public final class TypeRegistry {

    private final Map<String, TypeDef> types;

    private TypeRegistry(Map<String, TypeDef> types) {
        this.types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
    }

    /** A builder for a registry. */
    public static Builder builder() {
        return new Builder();
    }

    /** The type with this name; fails with a message listing the known types when there is none. */
    public TypeDef type(String name) {
        TypeDef t = types.get(name);
        if (t == null) {
            throw new IllegalArgumentException("Unknown type " + name + ": register it in the TypeRegistry (known types: "
                    + String.join(", ", types.keySet()) + ")");
        }
        return t;
    }

    /** The type with this name, if registered. */
    public Optional<TypeDef> find(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /** All types in registration order. */
    public Collection<TypeDef> types() {
        return types.values();
    }

    /** Collects types, then checks that every nested object field names a registered type. */
    public static final class Builder {

        private final Map<String, TypeDef> types = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds a type; a second type with the same name is rejected. */
        public Builder type(TypeDef type) {
            if (types.putIfAbsent(type.name(), type) != null) {
                throw new IllegalArgumentException("Type " + type.name() + " is registered twice");
            }
            return this;
        }

        /** Adds a type with the given fields. */
        public Builder type(String name, String view, FieldDef... fields) {
            return type(TypeDef.of(name, view, fields));
        }

        /** The registry; fails naming the type and field when a nested object type is missing. */
        public TypeRegistry build() {
            for (TypeDef t : types.values()) {
                for (FieldDef f : t.fields().values()) {
                    if (f.isObject() && !types.containsKey(f.objectType())) {
                        throw new IllegalArgumentException("Field " + t.name() + "." + f.name() + " refers to type "
                                + f.objectType() + ", which is not registered: register it (with view null if it is only nested)");
                    }
                }
            }
            return new TypeRegistry(types);
        }
    }
}
