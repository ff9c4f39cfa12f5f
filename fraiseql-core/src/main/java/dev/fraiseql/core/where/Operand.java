package dev.fraiseql.core.where;

import dev.fraiseql.core.schema.FieldDef;
import dev.fraiseql.core.schema.ScalarKind;
import java.util.Objects;

/**
 * The GraphQL input type an operator takes, for generating {@code <Type>WhereInput} types: a scalar kind, possibly a
 * list of it.
 *
 * @param kind the scalar kind of the operand (or of its elements)
 * @param list whether the operand is a list
 */
public record Operand(ScalarKind kind, boolean list) {

    public Operand {
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * The operand of {@code op} on {@code field}: for example {@code eq} on an Int field takes an Int, {@code in} a
     * list of Int, {@code isnull} a Boolean, {@code lenEq} an Int, {@code contains} on a list field a list of its
     * elements, {@code hasAnyKeys} a list of String.
     *
     * @throws IllegalArgumentException when the field does not accept the operator
     */
    public static Operand of(FieldDef field, String op) {
        if (field.isObject() || !WhereRenderer.operatorsFor(field).contains(op)) {
            throw new IllegalArgumentException("Field " + field.name() + " (" + field.typeLabel()
                    + ") has no operator " + op);
        }
        ScalarKind kind = field.scalar();
        if (op.equals("isnull")) {
            return new Operand(ScalarKind.BOOLEAN, false);
        }
        if (field.list()) {
            return switch (op) {
                case "lenEq", "lenGt", "lenGte", "lenLt", "lenLte" -> new Operand(ScalarKind.INT, false);
                case "anyEq", "allEq" -> new Operand(kind, false);
                default -> new Operand(kind, true);
            };
        }
        return switch (op) {
            case "in", "nin" -> new Operand(kind, true);
            case "isPrivate", "isPublic", "isIPv4", "isIPv6" -> new Operand(ScalarKind.BOOLEAN, false);
            case "inSubnet" -> new Operand(ScalarKind.INET, false);
            case "hasKey", "matchesLquery", "plainQuery", "phraseQuery", "websearchQuery" ->
                    new Operand(ScalarKind.STRING, false);
            case "hasAnyKeys", "hasAllKeys" -> new Operand(ScalarKind.STRING, true);
            case "containsDate" -> new Operand(ScalarKind.DATE, false);
            case "matches", "imatches", "notMatches", "contains", "icontains", "startswith", "istartswith",
                    "endswith", "iendswith", "like", "ilike" -> kind == ScalarKind.JSON
                            ? new Operand(ScalarKind.JSON, false) : new Operand(ScalarKind.STRING, false);
            default -> new Operand(kind, false);
        };
    }
}
