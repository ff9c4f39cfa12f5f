package dev.fraiseql.core.query;

import dev.fraiseql.core.where.FieldRef;

/**
 * One ORDER BY term: the field, its direction, the argument path naming it in errors, and whether its value is never
 * null (a non-null field, or the id tiebreak, which must be unique and present in every row).
 */
record SortKey(FieldRef ref, SortDirection direction, String path, boolean nonNull) {
}
