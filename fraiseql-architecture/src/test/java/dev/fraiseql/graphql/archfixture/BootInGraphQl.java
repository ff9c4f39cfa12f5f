package dev.fraiseql.graphql.archfixture;

import org.springframework.boot.SpringApplication;

/** A binding class that needs Spring Boot, written to prove the no-Boot rule catches it. */
public class BootInGraphQl {

    SpringApplication application;
}
