package dev.fraiseql.embedded.server.archfixture;

import org.springframework.context.ApplicationContext;

/** Breaks the embedded server's rule: the server module must not use Spring. */
public class SpringInEmbeddedServer {

    ApplicationContext context;
}
