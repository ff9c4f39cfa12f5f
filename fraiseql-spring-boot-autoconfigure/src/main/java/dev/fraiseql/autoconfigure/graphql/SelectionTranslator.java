package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.core.json.SelectionNode;
import dev.fraiseql.core.schema.FieldDef;
import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.schema.TypeRegistry;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns graphql-java's resolved selection (fragments merged, aliases, {@code @skip}/{@code @include}
 * applied) into the library-neutral {@link SelectionNode} tree that the SQL projection renders.
 */
final class SelectionTranslator {

    private final TypeRegistry types;

    SelectionTranslator(TypeRegistry types) {
        this.types = types;
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
            if (def.objectType() != null) {
                List<SelectionNode> children = translate(types.type(def.objectType()), field.getSelectionSet());
                nodes.add(SelectionNode.object(field.getResultKey(), keys, def.list(), children));
            } else {
                nodes.add(SelectionNode.value(field.getResultKey(), keys, def.scalar(), def.list()));
            }
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
        String joined = key.replaceAll("_(?=[0-9])", "");
        return joined.equals(key) ? List.of(key) : List.of(key, joined);
    }
}
