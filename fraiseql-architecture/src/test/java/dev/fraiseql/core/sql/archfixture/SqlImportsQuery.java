package dev.fraiseql.core.sql.archfixture;

import dev.fraiseql.core.query.SelectRenderer;

/** A class in the sql slice that imports the query slice above it, written to prove the cycle rule catches it. */
public class SqlImportsQuery {

    SelectRenderer renderer;
}
