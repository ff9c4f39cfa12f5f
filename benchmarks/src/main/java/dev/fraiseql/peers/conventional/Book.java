package dev.fraiseql.peers.conventional;

import java.util.List;

/** A row of {@code tb_book}, carrying the keys its author and reviews are loaded by. */
public record Book(int pk, int authorPk, String id, String title, Double price, Integer pageCount,
        Integer publishedYear, Boolean isAvailable, List<String> tags, Double rating) {
}
