package dev.fraiseql.core.archfixture;

import org.springframework.context.ApplicationContext;

/** A core class that needs Spring, written to prove the core rule catches it. */
public class SpringInCore {

    ApplicationContext context;
}
