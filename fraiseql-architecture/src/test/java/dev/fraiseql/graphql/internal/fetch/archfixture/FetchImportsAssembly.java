package dev.fraiseql.graphql.internal.fetch.archfixture;

import dev.fraiseql.graphql.FraiseqlGraphQl;

/** An internal class that reaches back into the assembly, written to prove the layer rule catches it. */
public class FetchImportsAssembly {

    FraiseqlGraphQl.Builder builder;
}
