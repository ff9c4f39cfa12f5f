package dev.fraiseql.core.query;

import dev.fraiseql.core.where.FieldRef;

/** One ORDER BY term: the field, its direction and the argument path naming it in errors. */
record SortKey(FieldRef ref, SortDirection direction, String path) {
}
