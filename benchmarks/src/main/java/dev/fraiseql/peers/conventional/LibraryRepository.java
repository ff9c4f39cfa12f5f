package dev.fraiseql.peers.conventional;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the conventional app: one statement per root field and one per batch of nested objects. */
@Repository
class LibraryRepository {

    private static final String BOOK_COLUMNS =
            "pk_book, fk_author, id, title, price, page_count, published_year, is_available, tags, rating";

    private final JdbcClient jdbc;

    LibraryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Book> book(UUID id) {
        return jdbc.sql("SELECT " + BOOK_COLUMNS + " FROM tb_book WHERE id = ?").param(id)
                .query(LibraryRepository::book).optional();
    }

    /**
     * Books with a published-year range, in an order from a fixed list of columns.
     *
     * @param orderBy column and direction pairs, already checked against the schema's enums
     */
    List<Book> books(Integer yearEq, Integer yearGte, Integer yearLte, List<String[]> orderBy, int limit) {
        StringBuilder sql = new StringBuilder("SELECT ").append(BOOK_COLUMNS).append(" FROM tb_book WHERE true");
        List<Object> params = new ArrayList<>();
        if (yearEq != null) {
            sql.append(" AND published_year = ?");
            params.add(yearEq);
        }
        if (yearGte != null) {
            sql.append(" AND published_year >= ?");
            params.add(yearGte);
        }
        if (yearLte != null) {
            sql.append(" AND published_year <= ?");
            params.add(yearLte);
        }
        sql.append(" ORDER BY ");
        boolean hasId = false;
        for (String[] key : orderBy) {
            sql.append(key[0]).append(' ').append(key[1]).append(", ");
            hasId |= key[0].equals("id");
        }
        // Ties on the chosen keys would make pages differ from run to run.
        if (!hasId) {
            sql.append("id, ");
        }
        sql.setLength(sql.length() - 2);
        sql.append(" LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(LibraryRepository::book).list();
    }

    /** Up to {@code limit} books with an id greater than {@code after} (all when null), by id. */
    List<Book> booksAfter(UUID after, int limit) {
        if (after == null) {
            return jdbc.sql("SELECT " + BOOK_COLUMNS + " FROM tb_book ORDER BY id LIMIT ?").param(limit)
                    .query(LibraryRepository::book).list();
        }
        return jdbc.sql("SELECT " + BOOK_COLUMNS + " FROM tb_book WHERE id > ? ORDER BY id LIMIT ?")
                .param(after).param(limit).query(LibraryRepository::book).list();
    }

    Map<Integer, Author> authors(List<Integer> pks) {
        Map<Integer, Author> out = new HashMap<>();
        jdbc.sql("SELECT pk_author, id, name, country FROM tb_author WHERE pk_author = ANY(?)")
                .param(pks.toArray(Integer[]::new))
                .query((rs, n) -> new Author(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list().forEach(a -> out.put(a.pk(), a));
        return out;
    }

    /** Reviews of the books, each book's in insertion order (as the read model lists them). */
    Map<Integer, List<Review>> reviews(List<Integer> bookPks) {
        Map<Integer, List<Review>> out = new HashMap<>();
        jdbc.sql("SELECT fk_book, id, stars, reviewer_name FROM tb_review WHERE fk_book = ANY(?) ORDER BY pk_review")
                .param(bookPks.toArray(Integer[]::new))
                .query((rs, n) -> new Review(rs.getInt(1), rs.getString(2), (Integer) rs.getObject(3), rs.getString(4)))
                .list().forEach(r -> out.computeIfAbsent(r.bookPk(), k -> new ArrayList<>()).add(r));
        return out;
    }

    /** Inserts a book for the author with that id; empty when there is no such author. */
    Optional<Book> insert(Map<String, Object> input) {
        Object tags = input.get("tags");
        return jdbc.sql("INSERT INTO tb_book (fk_author, title, price, page_count, published_year, is_available, tags,"
                        + " rating) SELECT a.pk_author, :title, :price, :pageCount, :publishedYear, :isAvailable, :tags,"
                        + " :rating FROM tb_author a WHERE a.id = :authorId RETURNING " + BOOK_COLUMNS)
                .param("title", input.get("title"))
                .param("price", input.get("price") == null ? null : new BigDecimal(input.get("price").toString()))
                .param("pageCount", input.get("pageCount"))
                .param("publishedYear", input.get("publishedYear"))
                .param("isAvailable", input.get("isAvailable"))
                .param("tags", tags == null ? null : ((List<?>) tags).stream().map(String::valueOf).toArray(String[]::new))
                .param("rating", input.get("rating") == null ? null : ((Number) input.get("rating")).doubleValue())
                .param("authorId", UUID.fromString(input.get("authorId").toString()))
                .query(LibraryRepository::book).optional();
    }

    private static Book book(ResultSet rs, int row) throws SQLException {
        BigDecimal price = rs.getBigDecimal(5);
        Array tags = rs.getArray(9);
        Object rating = rs.getObject(10);
        return new Book(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                price == null ? null : price.doubleValue(), (Integer) rs.getObject(6), (Integer) rs.getObject(7),
                (Boolean) rs.getObject(8), tags == null ? null : Arrays.asList((String[]) tags.getArray()),
                rating == null ? null : ((Number) rating).doubleValue());
    }
}
