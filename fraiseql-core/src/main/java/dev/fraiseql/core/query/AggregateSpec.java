package dev.fraiseql.core.query;

import dev.fraiseql.core.schema.TypeDef;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The arguments of an aggregate query over a type's view, as GraphQL delivers them (maps keyed by GraphQL names), and
 * the aggregates to compute.
 *
 * @param type the type read, which must be bound to a view
 * @param where the filter, or null/empty for none (the same as a list field's {@code where})
 * @param groupBy field paths to group by, such as {@code publishedYear} or {@code author.country}; empty for one group
 *     of all matching rows
 * @param count whether to count the rows of each group
 * @param measures the aggregates to compute in each group
 * @param orderBy group order entries such as {@code [{count: DESC}, {key: {author: {country: ASC}}}, {sum: {pages:
 *     DESC}}]}; the group keys follow as a tiebreak
 * @param limit groups to return, or null for the default page size
 * @param offset groups to skip, or null for none
 */
public record AggregateSpec(TypeDef type, Map<String, Object> where, List<String> groupBy, boolean count,
        List<Measure> measures, List<Map<String, Object>> orderBy, Integer limit, Integer offset) {

    public AggregateSpec {
        Objects.requireNonNull(type, "type");
        if (!type.hasView()) {
            throw new IllegalArgumentException("Type " + type.name()
                    + " is not bound to a view and cannot be aggregated on its own; give it a view");
        }
        where = where == null ? Map.of() : where;
        groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
        measures = measures == null ? List.of() : List.copyOf(measures);
        orderBy = orderBy == null ? List.of() : orderBy;
    }

    /**
     * One aggregate of one field.
     *
     * @param function the aggregate
     * @param path the field's path of GraphQL names, such as {@code pages} or {@code author.birthYear}
     */
    public record Measure(Aggregate function, String path) {
        public Measure {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(path, "path");
        }
    }
}
