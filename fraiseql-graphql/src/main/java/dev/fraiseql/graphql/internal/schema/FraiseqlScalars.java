package dev.fraiseql.graphql.internal.schema;

import dev.fraiseql.core.schema.ScalarKind;
import dev.fraiseql.core.where.Values;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The custom scalars the starter declares for PostgreSQL types: values travel as strings (and {@code BigInt}, the
 * sums of aggregate fields, as a JSON number), and input values are checked here so that a malformed UUID, date or
 * address is a validation error naming the argument, never a SQL error.
 */
public final class FraiseqlScalars {

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]{2,39}(%[0-9A-Za-z]+)?|[0-9a-fA-F:]{2,29}:"
            + "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern MAC = Pattern.compile("[0-9a-fA-F]{2}([:-]?[0-9a-fA-F]{2}){5}");
    private static final Pattern LTREE = Pattern.compile("([A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*)?");
    private static final Pattern DATERANGE = Pattern.compile("empty|[\\[(][^,]*,[^,]*[\\])]", Pattern.CASE_INSENSITIVE);

    private static final Map<String, Spec> SPECS = new LinkedHashMap<>();

    static {
        SPECS.put("UUID", new Spec(ScalarKind.UUID, "a UUID such as 123e4567-e89b-12d3-a456-426614174000",
                Values::isUuid));
        SPECS.put("Date", new Spec(ScalarKind.DATE, "an ISO date such as 2024-01-31", s -> parses(() -> LocalDate.parse(s))));
        SPECS.put("DateTime", new Spec(ScalarKind.DATETIME, "an ISO date-time with offset such as 2024-01-31T10:15:30Z",
                s -> parses(() -> OffsetDateTime.parse(s))));
        SPECS.put("Time", new Spec(ScalarKind.TIME, "an ISO time such as 10:15:30", s -> parses(() -> LocalTime.parse(s))));
        SPECS.put("Inet", new Spec(ScalarKind.INET, "an IPv4 or IPv6 address, optionally with /prefix, such as 192.168.0.1",
                FraiseqlScalars::isInet));
        SPECS.put("Cidr", new Spec(ScalarKind.CIDR, "a network such as 10.0.0.0/8", FraiseqlScalars::isInet));
        SPECS.put("MacAddr", new Spec(ScalarKind.MACADDR, "a MAC address such as 08:00:2b:01:02:03",
                s -> MAC.matcher(s).matches()));
        SPECS.put("LTree", new Spec(ScalarKind.LTREE, "a label path such as top.science.astronomy",
                s -> LTREE.matcher(s).matches()));
        SPECS.put("DateRange", new Spec(ScalarKind.DATERANGE, "a date range such as [2024-01-01,2024-02-01)",
                s -> DATERANGE.matcher(s).matches()));
        SPECS.put("TsVector", new Spec(ScalarKind.TSVECTOR, "a text search vector", s -> true));
    }

    private FraiseqlScalars() {
    }

    /** The names of the string-valued scalars the starter can declare. */
    public static List<String> stringScalarNames() {
        return List.copyOf(SPECS.keySet());
    }

    /** The scalar kind of a GraphQL scalar name, or {@code null} when the name is not one the starter knows. */
    public static ScalarKind kindOf(String scalarName) {
        return switch (scalarName) {
            case "String" -> ScalarKind.STRING;
            case "Int" -> ScalarKind.INT;
            case "Float" -> ScalarKind.FLOAT;
            case "Boolean" -> ScalarKind.BOOLEAN;
            case "ID" -> ScalarKind.ID;
            case "JSON" -> ScalarKind.JSON;
            default -> SPECS.containsKey(scalarName) ? SPECS.get(scalarName).kind() : null;
        };
    }

    /** The implementation of a scalar named by {@link #stringScalarNames()}, {@code JSON} or {@code BigInt}. */
    public static GraphQLScalarType scalar(String name) {
        if (name.equals("BigInt")) {
            return GraphQLScalarType.newScalar().name("BigInt").description("A 64-bit integer, written as a JSON number.")
                    .coercing(new BigIntCoercing()).build();
        }
        if (name.equals("JSON")) {
            return GraphQLScalarType.newScalar().name("JSON").description("Any JSON value.").coercing(new JsonCoercing())
                    .build();
        }
        Spec spec = SPECS.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("No FraiseQL scalar named '" + name + "'");
        }
        return GraphQLScalarType.newScalar().name(name).description("PostgreSQL " + name + ": " + spec.example() + ".")
                .coercing(new StringCoercing(name, spec)).build();
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isInet(String s) {
        int slash = s.indexOf('/');
        String address = slash < 0 ? s : s.substring(0, slash);
        if (slash >= 0) {
            String prefix = s.substring(slash + 1);
            if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > (address.contains(":") ? 128 : 32)) {
                return false;
            }
        }
        return IPV4.matcher(address).matches() || (address.contains(":") && IPV6.matcher(address).matches());
    }

    private record Spec(ScalarKind kind, String example, Predicate<String> valid) {
    }

    /** A string-valued scalar whose input must match its format. */
    private static final class StringCoercing implements Coercing<Object, String> {
        private final String name;
        private final Spec spec;

        StringCoercing(String name, Spec spec) {
            this.name = name;
            this.spec = spec;
        }

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof String || value instanceof Number || value instanceof java.time.temporal.Temporal
                    || value instanceof java.util.UUID) {
                return value.toString();
            }
            throw new CoercingSerializeException("Expected " + spec.example() + " for " + name + ", got " + value);
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String s && spec.valid().test(s)) {
                return s;
            }
            throw new CoercingParseValueException(message(input));
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue s && spec.valid().test(s.getValue())) {
                return s.getValue();
            }
            throw new CoercingParseLiteralException(message(input instanceof StringValue s ? s.getValue() : input));
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return StringValue.of(String.valueOf(input));
        }

        private String message(Object input) {
            return "'" + input + "' is not a valid " + name + ": expected " + spec.example();
        }
    }

    /** Any JSON value, as maps, lists, strings, numbers and booleans. */
    private static final class JsonCoercing implements Coercing<Object, Object> {
        @Override
        public Object serialize(Object value, GraphQLContext context, Locale locale) {
            return value;
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            return input;
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            return literal(input, variables);
        }

        private static Object literal(Value<?> input, CoercedVariables variables) {
            if (input instanceof StringValue s) {
                return s.getValue();
            } else if (input instanceof IntValue i) {
                return i.getValue();
            } else if (input instanceof FloatValue f) {
                return f.getValue();
            } else if (input instanceof BooleanValue b) {
                return b.isValue();
            } else if (input instanceof NullValue) {
                return null;
            } else if (input instanceof ArrayValue a) {
                return a.getValues().stream().map(v -> literal(v, variables)).toList();
            } else if (input instanceof ObjectValue o) {
                Map<String, Object> map = new LinkedHashMap<>();
                o.getObjectFields().forEach(f -> map.put(f.getName(), literal(f.getValue(), variables)));
                return map;
            } else if (input instanceof graphql.language.VariableReference v) {
                return variables.get(v.getName());
            }
            throw new CoercingParseLiteralException("Unsupported JSON literal " + input);
        }
    }

    /** A 64-bit integer, such as the sum of an {@code Int} field: written as a JSON number, read from one or a string. */
    private static final class BigIntCoercing implements Coercing<Long, Long> {
        @Override
        public Long serialize(Object value, GraphQLContext context, Locale locale) {
            Long n = value instanceof Number number ? exact(number) : null;
            if (n == null) {
                throw new CoercingSerializeException("Expected a 64-bit integer for BigInt, got " + value);
            }
            return n;
        }

        @Override
        public Long parseValue(Object input, GraphQLContext context, Locale locale) {
            Long n = input instanceof Number number ? exact(number) : input instanceof String s ? parse(s) : null;
            if (n == null) {
                throw new CoercingParseValueException("'" + input + "' is not a valid BigInt: expected an integer"
                        + " from -9223372036854775808 to 9223372036854775807");
            }
            return n;
        }

        @Override
        public Long parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            Long n = input instanceof IntValue i ? parse(i.getValue().toString())
                    : input instanceof StringValue s ? parse(s.getValue()) : null;
            if (n == null) {
                throw new CoercingParseLiteralException("'" + input + "' is not a valid BigInt: expected an integer"
                        + " from -9223372036854775808 to 9223372036854775807");
            }
            return n;
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return new IntValue(java.math.BigInteger.valueOf(parseValue(input, context, locale)));
        }

        private static Long exact(Number number) {
            try {
                return new java.math.BigDecimal(number.toString()).longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                return null;
            }
        }

        private static Long parse(String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
