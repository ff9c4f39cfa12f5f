package dev.fraiseql.peers.conventional;

/** A row of {@code tb_review}, with the book it belongs to. */
public record Review(int bookPk, String id, Integer stars, String reviewerName) {
}
