package dev.fraiseql.core.json;

import dev.fraiseql.core.schema.Names;
import dev.fraiseql.core.schema.ScalarKind;
import java.util.List;
import java.util.Objects;

/**
 * One selected field of a GraphQL response, independent of any GraphQL library: the tree that
 * {@link dev.fraiseql.core.query.JsonProjection} turns into SQL building the response JSON.
 *
 * @param key the response key (the alias, or the field name), a GraphQL name
 * @param kind what the field is
 * @param sourceKeys the JSON keys to read in the source object, first non-null wins (empty for __typename)
 * @param scalar the scalar kind of a value field, or {@code null}
 * @param typeName the object type name, for {@link Kind#TYPENAME}
 * @param children the selection of an object field, in selection order
 * @param required whether the schema declares the field non-null, so that a null or missing value breaks its promise
 */
public record SelectionNode(String key, Kind kind, List<String> sourceKeys, ScalarKind scalar, String typeName,
        List<SelectionNode> children, boolean required) {


    /** What a selected field produces. */
    public enum Kind {
        /** A scalar or enum value, copied from the source. */
        VALUE,
        /** A list of scalar or enum values. */
        VALUE_LIST,
        /** The literal name of the object type. */
        TYPENAME,
        /** A nested object, {@code null} when absent. */
        OBJECT,
        /** A list of nested objects, {@code null} when absent. */
        OBJECT_LIST
    }

    public SelectionNode {
        Objects.requireNonNull(kind, "kind");
        if (!Names.isSimpleName(key)) {
            throw new IllegalArgumentException("Selection key '" + key + "' is not a GraphQL name ([_A-Za-z][_0-9A-Za-z]*)");
        }
        sourceKeys = List.copyOf(sourceKeys == null ? List.of() : sourceKeys);
        children = List.copyOf(children == null ? List.of() : children);
        if (kind == Kind.TYPENAME && !Names.isSimpleName(typeName)) {
            throw new IllegalArgumentException("Selection '" + key + "' selects __typename without a valid type name: " + typeName);
        }
        if (kind != Kind.TYPENAME && sourceKeys.isEmpty()) {
            throw new IllegalArgumentException("Selection '" + key + "' has no source key to read");
        }
        if ((kind == Kind.OBJECT || kind == Kind.OBJECT_LIST) && children.isEmpty()) {
            throw new IllegalArgumentException("Object selection '" + key + "' needs at least one selected field");
        }
    }

    /** A scalar or enum value read from the first present of {@code sourceKeys}. */
    public static SelectionNode value(String key, List<String> sourceKeys, ScalarKind scalar, boolean list) {
        return new SelectionNode(key, list ? Kind.VALUE_LIST : Kind.VALUE, sourceKeys, scalar, null, List.of(), false);
    }

    /** The {@code __typename} meta field of an object of type {@code typeName}. */
    public static SelectionNode typeName(String key, String typeName) {
        return new SelectionNode(key, Kind.TYPENAME, List.of(), null, typeName, List.of(), false);
    }

    /** A nested object or list of objects with its own selection. */
    public static SelectionNode object(String key, List<String> sourceKeys, boolean list, List<SelectionNode> children) {
        return new SelectionNode(key, list ? Kind.OBJECT_LIST : Kind.OBJECT, sourceKeys, null, null, children, false);
    }

    /** The same selection, declared non-null by the schema. */
    public SelectionNode asRequired() {
        return new SelectionNode(key, kind, sourceKeys, scalar, typeName, children, true);
    }
}
