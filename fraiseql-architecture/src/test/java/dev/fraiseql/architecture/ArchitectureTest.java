package dev.fraiseql.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.core.importer.Locations;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.fraiseql.core.archfixture.SpringInCore;
import dev.fraiseql.graphql.FraiseqlGraphQl;
import dev.fraiseql.graphql.archfixture.BootInGraphQl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The dependency rules of the project, checked on the compiled classes so that a wrong import fails the build rather
 * than a review: core needs neither Spring nor graphql-java nor the modules above it, so it stays usable on its own;
 * the GraphQL binding needs no Spring Boot, so it works in a plain Spring application. Every module's classes are read
 * from its {@code target/classes} in this checkout, never from the local Maven repository, which other checkouts may
 * have overwritten with other code; each rule is also shown to fail on a class written to break it.
 */
class ArchitectureTest {

    private static final String CORE = "fraiseql-core";
    private static final String GRAPHQL = "fraiseql-graphql";
    private static final String AUTOCONFIGURE = "fraiseql-spring-boot-autoconfigure";
    private static final String SAMPLE = "samples/library";
    private static final String BENCHMARKS = "benchmarks";

    static final ArchRule CORE_NEEDS_NOTHING_ABOVE_IT = noClasses()
            .that().resideInAPackage("dev.fraiseql.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "graphql..", "dev.fraiseql.graphql..", "dev.fraiseql.autoconfigure..")
            .because("core is the engine without Spring or GraphQL; the modules above it depend on it, not back");

    static final ArchRule BINDING_NEEDS_NO_BOOT = noClasses()
            .that().resideInAPackage("dev.fraiseql.graphql..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework.boot..", "dev.fraiseql.autoconfigure..")
            .because("the binding works in a plain Spring for GraphQL application; the Boot wiring is the"
                    + " auto-configuration's");

    @Test
    void coreDependsOnNeitherSpringNorGraphQlJavaNorTheModulesAboveIt() {
        CORE_NEEDS_NOTHING_ABOVE_IT.check(compiledClassesOf(CORE));
    }

    @Test
    void theGraphQlBindingDependsOnNeitherSpringBootNorTheAutoConfiguration() {
        BINDING_NEEDS_NO_BOOT.check(compiledClassesOf(GRAPHQL));
    }

    @Test
    void everyModuleIsReadWithAllItsClassesSoThatNoRulePassesOnAnEmptySet() {
        assertThat(compiledClassesOf(CORE)).hasSizeGreaterThan(30)
                .anyMatch(javaClass -> javaClass.getName().equals("dev.fraiseql.core.sql.SqlBuilder"));
        assertThat(compiledClassesOf(GRAPHQL)).hasSizeGreaterThan(30)
                .anyMatch(javaClass -> javaClass.getName().equals(FraiseqlGraphQl.class.getName()));
        assertThat(compiledClassesOf(AUTOCONFIGURE)).hasSizeGreaterThan(10)
                .allMatch(javaClass -> javaClass.getPackageName().startsWith("dev.fraiseql.autoconfigure"));
        assertThat(compiledClassesOf(SAMPLE)).hasSizeGreaterThanOrEqualTo(2)
                .allMatch(javaClass -> javaClass.getPackageName().startsWith("dev.fraiseql.samples"));
        assertThat(compiledClassesOf(BENCHMARKS)).hasSizeGreaterThan(30)
                .anyMatch(javaClass -> javaClass.getPackageName().startsWith("dev.fraiseql.peers"));
    }

    @Test
    void aModuleThatWasNotBuiltFailsWithAMessageToBuildTheReactorFirst() {
        assertThatIllegalStateException().isThrownBy(() -> compiledClassesOf("no-such-module"))
                .withMessageContaining(Path.of("no-such-module", "target", "classes").toString())
                .withMessageContaining("build the reactor first");
    }

    /** Each rule, given one module's real classes and one class written to break it, reports that class. */
    @Nested
    class EveryRuleFailsOnAClassWrittenToBreakIt {

        @Test
        void aCoreClassThatImportsSpringBreaksTheCoreRule() {
            assertReportsOnly(CORE_NEEDS_NOTHING_ABOVE_IT, CORE, SpringInCore.class);
        }

        @Test
        void aBindingClassThatImportsSpringBootBreaksTheNoBootRule() {
            assertReportsOnly(BINDING_NEEDS_NO_BOOT, GRAPHQL, BootInGraphQl.class);
        }

        private void assertReportsOnly(ArchRule rule, String module, Class<?> breaker) {
            Set<Location> locations = new HashSet<>(Locations.ofClass(breaker));
            locations.add(Location.of(classesDirectory(module)));
            EvaluationResult result = rule.evaluate(new ClassFileImporter().importLocations(locations));

            assertThat(result.hasViolation()).as("violations of <%s>", rule.getDescription()).isTrue();
            assertThat(result.getFailureReport().getDetails()).isNotEmpty()
                    .allSatisfy(detail -> assertThat(detail).contains(breaker.getName()));
        }
    }

    private static JavaClasses compiledClassesOf(String... modules) {
        Set<Location> locations = new HashSet<>();
        for (String module : modules) {
            locations.add(Location.of(classesDirectory(module)));
        }
        return new ClassFileImporter().importLocations(locations);
    }

    // Read from target/classes, not the class path: the sample and benchmarks are repackaged applications, and the
    // library jars in the local Maven repository may come from another checkout.
    private static Path classesDirectory(String module) {
        Path projectRoot = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();
        Path classes = projectRoot.resolve(module).resolve("target").resolve("classes");
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException("No compiled classes in " + classes + ": build the reactor first, "
                    + "for example with 'mvn install -DskipTests' in " + projectRoot
                    + ", since the architecture rules read every module's target/classes");
        }
        return classes;
    }
}
