package dev.fraiseql.core.schema;

/** Temporary stand-in until the SQL layer lands. */
public enum ScalarKind { STRING, INT, FLOAT, BOOLEAN, ID, UUID, DATE, DATETIME, TIME, ENUM, JSON, INET, CIDR, MACADDR, LTREE, DATERANGE, TSVECTOR }
