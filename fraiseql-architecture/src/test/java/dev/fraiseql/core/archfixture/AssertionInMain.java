package dev.fraiseql.core.archfixture;

import org.assertj.core.api.Assertions;

/** A main class that calls a test library, written to prove the test-library rule catches it. */
public class AssertionInMain {

    void check(Object value) {
        Assertions.assertThat(value).isNotNull();
    }
}
