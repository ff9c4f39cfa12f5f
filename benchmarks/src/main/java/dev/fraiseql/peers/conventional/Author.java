package dev.fraiseql.peers.conventional;

/** A row of {@code tb_author}. */
public record Author(int pk, String id, String name, String country) {
}
