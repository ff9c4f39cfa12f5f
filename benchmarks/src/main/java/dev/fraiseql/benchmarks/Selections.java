package dev.fraiseql.benchmarks;

import dev.fraiseql.core.json.SelectionNode;
import dev.fraiseql.core.schema.FieldDef;
import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.schema.TypeRegistry;
import java.util.ArrayList;
import java.util.List;

/** Parses a plain selection such as {@code id author { name }} into the tree the SQL projection renders. */
final class Selections {

    private final TypeRegistry types;
    private final String[] tokens;
    private int next;

    private Selections(TypeRegistry types, String selection) {
        this.types = types;
        this.tokens = selection.replace("{", " { ").replace("}", " } ").trim().split("\\s+");
    }

    static List<SelectionNode> parse(TypeRegistry types, TypeDef type, String selection) {
        Selections parser = new Selections(types, selection);
        List<SelectionNode> nodes = parser.fields(type);
        if (parser.next != parser.tokens.length) {
            throw new IllegalArgumentException("Unbalanced selection: " + selection);
        }
        return nodes;
    }

    private List<SelectionNode> fields(TypeDef type) {
        List<SelectionNode> nodes = new ArrayList<>();
        while (next < tokens.length && !tokens[next].equals("}")) {
            String name = tokens[next++];
            FieldDef def = type.fields().get(name);
            if (def == null) {
                throw new IllegalArgumentException(type.name() + " has no field " + name);
            }
            List<String> keys = List.of(def.jsonKey());
            if (def.objectType() != null) {
                expect("{");
                List<SelectionNode> children = fields(types.type(def.objectType()));
                expect("}");
                nodes.add(SelectionNode.object(name, keys, def.list(), children));
            } else {
                nodes.add(SelectionNode.value(name, keys, def.scalar(), def.list()));
            }
        }
        return nodes;
    }

    private void expect(String token) {
        if (next >= tokens.length || !tokens[next].equals(token)) {
            throw new IllegalArgumentException("Expected '" + token + "' at token " + next);
        }
        next++;
    }
}
