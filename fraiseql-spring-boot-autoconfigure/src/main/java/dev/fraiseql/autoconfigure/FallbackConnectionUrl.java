package dev.fraiseql.autoconfigure;

/**
 * The database of last resort, such as an embedded PostgreSQL for development: asked for its URL only when FraiseQL
 * builds its own pool and no {@code JdbcConnectionDetails} bean, {@code fraiseql.db.url}, {@code DATABASE_URL} or
 * {@code spring.datasource.url} named a database, so that it can start a server lazily.
 */
public interface FallbackConnectionUrl {

    /** The database URL, as {@code fraiseql.db.url} accepts it. */
    String url();

    /** Where the URL comes from, for the log line naming the database used. */
    String description();
}
