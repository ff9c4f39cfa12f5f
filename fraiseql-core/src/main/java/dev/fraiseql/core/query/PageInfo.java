package dev.fraiseql.core.query;

/**
 * Relay's {@code pageInfo} of one connection page.
 *
 * @param hasNextPage whether rows follow the page
 * @param hasPreviousPage whether rows precede the page
 * @param startCursor the cursor of the first edge, or null for an empty page
 * @param endCursor the cursor of the last edge, or null for an empty page
 */
public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
}
