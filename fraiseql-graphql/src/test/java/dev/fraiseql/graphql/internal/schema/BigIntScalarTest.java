package dev.fraiseql.graphql.internal.schema;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The BigInt scalar of aggregate sums: any exact 64-bit integer out, integers in, everything else refused. */
class BigIntScalarTest {

    @SuppressWarnings("unchecked")
    private final Coercing<Object, Object> coercing = (Coercing<Object, Object>) FraiseqlScalars.scalar("BigInt")
            .getCoercing();
    private final GraphQLContext context = GraphQLContext.getDefault();

    @Test
    void writesEveryExactIntegerAsALong() {
        assertThat(coercing.serialize(4294967294L, context, Locale.ROOT)).isEqualTo(4294967294L);
        assertThat(coercing.serialize(7, context, Locale.ROOT)).isEqualTo(7L);
        assertThat(coercing.serialize(new BigDecimal("12.000"), context, Locale.ROOT)).isEqualTo(12L);
        assertThat(coercing.serialize(BigInteger.valueOf(Long.MAX_VALUE), context, Locale.ROOT))
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void refusesFractionsValuesBeyond64BitsAndText() {
        assertThatThrownBy(() -> coercing.serialize(1.5, context, Locale.ROOT))
                .isInstanceOf(CoercingSerializeException.class).hasMessage("Expected a 64-bit integer for BigInt, got 1.5");
        assertThatThrownBy(() -> coercing.serialize(BigInteger.TWO.pow(64), context, Locale.ROOT))
                .isInstanceOf(CoercingSerializeException.class);
        assertThatThrownBy(() -> coercing.serialize("12", context, Locale.ROOT))
                .isInstanceOf(CoercingSerializeException.class);
    }

    @Test
    void readsIntegersFromNumbersStringsAndLiterals() {
        assertThat(coercing.parseValue("9007199254740993", context, Locale.ROOT)).isEqualTo(9007199254740993L);
        assertThat(coercing.parseValue(42, context, Locale.ROOT)).isEqualTo(42L);
        assertThat(coercing.parseLiteral(new IntValue(BigInteger.valueOf(5_000_000_000L)), CoercedVariables.emptyVariables(),
                context, Locale.ROOT)).isEqualTo(5_000_000_000L);
        assertThat(coercing.valueToLiteral(12L, context, Locale.ROOT)).isInstanceOf(IntValue.class);
        assertThatThrownBy(() -> coercing.parseValue("1e3", context, Locale.ROOT))
                .isInstanceOf(CoercingParseValueException.class).hasMessage("'1e3' is not a valid BigInt: expected an"
                        + " integer from -9223372036854775808 to 9223372036854775807");
        assertThatThrownBy(() -> coercing.parseLiteral(new FloatValue(new BigDecimal("1.5")),
                CoercedVariables.emptyVariables(), context, Locale.ROOT)).isInstanceOf(CoercingParseLiteralException.class);
        assertThatThrownBy(() -> coercing.parseLiteral(StringValue.of("x"), CoercedVariables.emptyVariables(), context,
                Locale.ROOT)).isInstanceOf(CoercingParseLiteralException.class);
    }
}
