package dev.fraiseql.autoconfigure.graphql.zerojava;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The whole application of a zero-Java user: this class, the starter, properties and a schema file. */
@SpringBootApplication
public class ZeroJavaApplication {
}
