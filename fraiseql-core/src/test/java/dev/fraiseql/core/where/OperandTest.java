package dev.fraiseql.core.where;

import dev.fraiseql.core.schema.FieldDef;
import dev.fraiseql.core.schema.ScalarKind;
import org.junit.jupiter.api.Test;
import static dev.fraiseql.core.where.Fixtures.REGISTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


class OperandTest {

    private static FieldDef field(String name) {
        return REGISTRY.type("Book").fields().get(name);
    }

    @Test
    void operandsFollowTheFieldAndTheOperator() {
        assertThat(Operand.of(field("publishedYear"), "gt")).isEqualTo(new Operand(ScalarKind.INT, false));
        assertThat(Operand.of(field("publishedYear"), "in")).isEqualTo(new Operand(ScalarKind.INT, true));
        assertThat(Operand.of(field("title"), "isnull")).isEqualTo(new Operand(ScalarKind.BOOLEAN, false));
        assertThat(Operand.of(field("tags"), "contains")).isEqualTo(new Operand(ScalarKind.STRING, true));
        assertThat(Operand.of(field("tags"), "anyEq")).isEqualTo(new Operand(ScalarKind.STRING, false));
        assertThat(Operand.of(field("scores"), "lenGt")).isEqualTo(new Operand(ScalarKind.INT, false));
        assertThat(Operand.of(field("metadata"), "contains")).isEqualTo(new Operand(ScalarKind.JSON, false));
        assertThat(Operand.of(field("metadata"), "hasAnyKeys")).isEqualTo(new Operand(ScalarKind.STRING, true));
        assertThat(Operand.of(field("ip"), "isPrivate")).isEqualTo(new Operand(ScalarKind.BOOLEAN, false));
        assertThat(Operand.of(field("network"), "inSubnet")).isEqualTo(new Operand(ScalarKind.INET, false));
        assertThat(Operand.of(field("period"), "containsDate")).isEqualTo(new Operand(ScalarKind.DATE, false));
        assertThat(Operand.of(field("period"), "overlaps")).isEqualTo(new Operand(ScalarKind.DATERANGE, false));
        assertThat(Operand.of(field("search"), "websearchQuery")).isEqualTo(new Operand(ScalarKind.STRING, false));
        assertThat(Operand.of(field("category"), "matchesLquery")).isEqualTo(new Operand(ScalarKind.STRING, false));
    }

    @Test
    void everyListedOperatorOfEveryFieldHasAnOperand() {
        for (String type : new String[] {"Book", "Author"}) {
            for (FieldDef f : REGISTRY.type(type).fields().values()) {
                if (!f.isObject()) {
                    for (String op : WhereRenderer.operatorsFor(f)) {
                        assertThat(Operand.of(f, op)).as(f.name() + "." + op).isNotNull();
                    }
                }
            }
        }
    }

    @Test
    void unknownOperatorsAreRejected() {
        assertThatThrownBy(() -> Operand.of(field("available"), "gt"))
                .hasMessage("Field available (BOOLEAN) has no operator gt");
    }
}
