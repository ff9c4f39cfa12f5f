package dev.fraiseql.graphql.internal.fetch;

import dev.fraiseql.core.execution.QueryExecutor;
import dev.fraiseql.core.json.SelectionNode;
import dev.fraiseql.core.query.SelectRenderer;
import dev.fraiseql.core.schema.TypeRegistry;
import dev.fraiseql.graphql.FraiseqlGraphQlSettings;
import dev.fraiseql.graphql.RowConverter;
import dev.fraiseql.graphql.RowProjector;
import dev.fraiseql.graphql.internal.schema.BoundTypes;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.function.Function;

/**
 * What every data fetcher of one schema shares: the settings, the executor, the renderers and converters, and the
 * types bound to views.
 *
 * @param settings how fields execute
 * @param executor runs the statements
 * @param renderer renders SELECTs and their WHERE clauses
 * @param projectors makes the JVM projector of a selection
 * @param converter parses rows on the standard path
 * @param types the object types of the schema, unbound
 * @param translator translates GraphQL selections into the projection's selection trees
 * @param boundTypes per read field, its type bound to its view
 * @param observations records each field's database work
 */
record Engine(FraiseqlGraphQlSettings settings, QueryExecutor executor, SelectRenderer renderer,
        Function<List<SelectionNode>, RowProjector> projectors, RowConverter converter, TypeRegistry types,
        SelectionTranslator translator, BoundTypes boundTypes, ObservationRegistry observations) {
}
