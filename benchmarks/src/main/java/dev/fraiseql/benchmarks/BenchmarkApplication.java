package dev.fraiseql.benchmarks;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The app under load: the starter over the benchmark schema, plus the plain JDBC ceiling endpoint. */
@SpringBootApplication
public class BenchmarkApplication {
}
