package dev.fraiseql.core.schema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Temporary stand-in until the SQL layer lands. */
public final class TypeRegistry {

    private final Map<String, TypeDef> types;

    private TypeRegistry(Map<String, TypeDef> types) {
        this.types = Map.copyOf(types);
    }

    public static Builder builder() {
        return new Builder();
    }

    public TypeDef type(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown type " + name));
    }

    public Optional<TypeDef> find(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /** Collects types. */
    public static final class Builder {
        private final Map<String, TypeDef> types = new LinkedHashMap<>();

        public Builder add(TypeDef type) {
            types.put(type.name(), type);
            return this;
        }

        public TypeRegistry build() {
            return new TypeRegistry(types);
        }
    }
}
