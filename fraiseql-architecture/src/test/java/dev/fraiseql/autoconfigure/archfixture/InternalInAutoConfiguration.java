package dev.fraiseql.autoconfigure.archfixture;

import dev.fraiseql.graphql.internal.execution.DocumentCache;

/** Auto-configuration code that uses the binding's internals, written to prove the internal-package rule catches it. */
public class InternalInAutoConfiguration {

    DocumentCache cache;
}
