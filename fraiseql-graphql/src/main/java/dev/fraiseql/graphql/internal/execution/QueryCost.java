package dev.fraiseql.graphql.internal.execution;

import dev.fraiseql.core.query.PageSettings;
import dev.fraiseql.graphql.internal.fetch.Conditions;
import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.Map;
import java.util.function.Function;

/**
 * Estimates the rows an operation can touch: a root field costs what its {@link FieldReach} says, times one plus the
 * cost of what it selects; a list nested inside the JSON of a row counts {@link #NESTED_LIST_FACTOR} elements; objects
 * and scalars inside the JSON cost nothing themselves. Costs add up over sibling fields and saturate instead of
 * overflowing.
 */
final class QueryCost {

    /** The elements a list inside a row's JSON is assumed to hold: its real length is only known once it is read. */
    static final long NESTED_LIST_FACTOR = 10;

    private final GraphQLSchema schema;
    private final Map<String, FragmentDefinition> fragments;
    private final Conditions conditions;
    private final Map<String, Object> variables;
    private final PageSettings pages;
    private final Function<String, FieldReach> reaches;
    private boolean usedVariables;

    QueryCost(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Conditions conditions,
            Map<String, Object> variables, PageSettings pages, Function<String, FieldReach> reaches) {
        this.schema = schema;
        this.fragments = fragments;
        this.conditions = conditions;
        this.variables = variables;
        this.pages = pages;
        this.reaches = reaches;
    }

    /** Whether a page size came from a variable, so the cost holds for this request only. */
    boolean usedVariables() {
        return usedVariables;
    }

    /** The cost of the root selection {@code set} of an operation on {@code rootType}. */
    long root(SelectionSet set, GraphQLCompositeType rootType) {
        return walk(set, rootType, Level.ROOT, 0, 0);
    }

    private enum Level { ROOT, CONNECTION, JSON }

    /** The cost of {@code set}; {@code page} is the page size of the connection whose fields it selects. */
    private long walk(SelectionSet set, GraphQLCompositeType parent, Level level, int depth, long page) {
        if (set == null || depth > 1_000) {
            return 0;
        }
        long sum = 0;
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field && conditions.included(field.getDirectives())) {
                sum = add(sum, field(field, parent, level, depth, page));
            } else if (selection instanceof InlineFragment inline && conditions.included(inline.getDirectives())) {
                GraphQLCompositeType on = inline.getTypeCondition() == null ? parent
                        : composite(schema.getType(inline.getTypeCondition().getName()), parent);
                sum = add(sum, walk(inline.getSelectionSet(), on, level, depth + 1, page));
            } else if (selection instanceof FragmentSpread spread && conditions.included(spread.getDirectives())) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (fragment != null) {
                    GraphQLCompositeType on = composite(schema.getType(fragment.getTypeCondition().getName()), parent);
                    sum = add(sum, walk(fragment.getSelectionSet(), on, level, depth + 1, page));
                }
            }
        }
        return sum;
    }

    private long field(Field field, GraphQLCompositeType parent, Level level, int depth, long page) {
        if (field.getName().startsWith("__") || !(parent instanceof GraphQLFieldsContainer container)) {
            return 0;
        }
        GraphQLFieldDefinition definition = container.getFieldDefinition(field.getName());
        if (definition == null) {
            return 0;
        }
        GraphQLType type = definition.getType();
        boolean list = GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLList;
        GraphQLCompositeType child = composite(GraphQLTypeUtil.unwrapAll(type), null);
        return switch (level) {
            case ROOT -> rootField(field, container.getName() + "." + field.getName(), child, depth);
            // A connection's edges are its page; its totalCount counts every matching row.
            case CONNECTION -> field.getName().equals("edges") ? times(page, inner(field, child, depth))
                    : field.getName().equals("totalCount") ? pages.maxLimit() : json(field, child, depth);
            case JSON -> list ? times(NESTED_LIST_FACTOR, inner(field, child, depth)) : json(field, child, depth);
        };
    }

    private long rootField(Field field, String coordinate, GraphQLCompositeType type, int depth) {
        FieldReach reach = reaches.apply(coordinate);
        if (reach == null) {
            return inner(field, type, depth);
        }
        return switch (reach) {
            // The rows an offset skips are read too.
            case PAGE -> add(offset(field), times(pageSize(field, "limit", null), inner(field, type, depth)));
            case CONNECTION -> walk(field.getSelectionSet(), type, Level.CONNECTION, depth + 1,
                    pageSize(field, "first", "last"));
            case ROW -> inner(field, type, depth);
            case SCAN -> add(pages.maxLimit(), json(field, type, depth));
        };
    }

    /** One row or element of {@code field} with what it selects inside its JSON. */
    private long inner(Field field, GraphQLCompositeType type, int depth) {
        return add(1, json(field, type, depth));
    }

    /** What {@code field} selects inside its JSON. */
    private long json(Field field, GraphQLCompositeType type, int depth) {
        return walk(field.getSelectionSet(), type, Level.JSON, depth + 1, 0);
    }

    /** The rows a page field asks for: its argument (a literal or a variable), else the default page size. */
    private long pageSize(Field field, String name, String alternative) {
        Long size = argument(field, name);
        if (size == null && alternative != null) {
            size = argument(field, alternative);
        }
        // A size over the maximum is refused when the field runs; until then it can read at most the maximum.
        return size == null ? pages.defaultLimit() : Math.max(0, Math.min(size, pages.maxLimit()));
    }

    /** The rows a page field skips: its {@code offset} (a literal or a variable), else none. */
    private long offset(Field field) {
        Long offset = argument(field, "offset");
        return offset == null ? 0 : Math.max(0, offset);
    }

    private Long argument(Field field, String name) {
        Argument argument = field.getArguments().stream().filter(a -> a.getName().equals(name)).findFirst()
                .orElse(null);
        if (argument == null) {
            return null;
        }
        Value<?> value = argument.getValue();
        if (value instanceof IntValue literal) {
            return literal.getValue().longValue();
        }
        if (value instanceof VariableReference reference) {
            usedVariables = true;
            return variables.get(reference.getName()) instanceof Number number ? number.longValue() : null;
        }
        return null;
    }

    private static GraphQLCompositeType composite(GraphQLType type, GraphQLCompositeType otherwise) {
        return type instanceof GraphQLCompositeType composite ? composite : otherwise;
    }

    private static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static long times(long a, long b) {
        return a != 0 && b > Long.MAX_VALUE / a ? Long.MAX_VALUE : a * b;
    }
}
