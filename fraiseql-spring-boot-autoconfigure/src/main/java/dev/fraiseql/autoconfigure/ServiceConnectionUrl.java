package dev.fraiseql.autoconfigure;

/**
 * The database URL of a connection source outside the {@code fraiseql.db.*} properties (a {@code JdbcConnectionDetails}
 * bean), as one {@code jdbc:postgresql:} URL with its credentials.
 */
@FunctionalInterface
public interface ServiceConnectionUrl {

    /** The URL, or {@code null} when there is no such source. */
    String url();
}
