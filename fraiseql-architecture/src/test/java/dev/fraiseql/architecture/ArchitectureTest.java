package dev.fraiseql.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.core.importer.Locations;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.fraiseql.autoconfigure.archfixture.InternalInAutoConfiguration;
import dev.fraiseql.core.archfixture.AssertionInMain;
import dev.fraiseql.core.archfixture.SpringInCore;
import dev.fraiseql.core.sql.archfixture.SqlImportsQuery;
import dev.fraiseql.embedded.server.archfixture.SpringInEmbeddedServer;
import dev.fraiseql.graphql.FraiseqlGraphQl;
import dev.fraiseql.graphql.FraiseqlGraphQlCustomizer;
import dev.fraiseql.graphql.archfixture.BootInGraphQl;
import dev.fraiseql.graphql.internal.fetch.archfixture.FetchImportsAssembly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The dependency rules of the project, checked on the compiled classes so that a wrong import fails the build rather
 * than a review: core needs neither Spring nor graphql-java nor the modules above it, so it stays usable on its own;
 * the GraphQL binding needs no Spring Boot, so it works in a plain Spring application; core's packages form no cycles;
 * inside the binding, the public API in the root package is reached by everyone and reaches only core, the internal
 * {@code schema}, {@code fetch}, {@code execution} and {@code controller} packages are each used only by the layers
 * above them, and only the assembly ({@code FraiseqlGraphQl}, its builder and {@code FraiseqlGraphQlCustomizer}) wires
 * them together, so that it alone may change when an internal package does; nothing outside the binding (the
 * auto-configuration, the sample, the benchmarks) uses its {@code internal} packages, so that they can change without
 * breaking users; and no main class uses a test library. Every module's classes are read from its
 * {@code target/classes} in this checkout, never from the local Maven repository, which other checkouts may have
 * overwritten with other code; each rule is also shown to fail on a class written to break it.
 */
class ArchitectureTest {

    private static final String CORE = "fraiseql-core";
    private static final String GRAPHQL = "fraiseql-graphql";
    private static final String AUTOCONFIGURE = "fraiseql-spring-boot-autoconfigure";
    private static final String SAMPLE = "samples/library";
    private static final String EMBEDDED = "fraiseql-embedded-postgres";
    private static final String EMBEDDED_SERVER = "fraiseql-embedded-postgres-server";
    private static final String BENCHMARKS = "benchmarks";

    private static final String[] TEST_LIBRARIES = {"org.junit..", "junit..", "org.assertj..", "org.mockito..",
            "org.hamcrest..", "org.springframework.test..", "org.springframework.boot.test.."};

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

    static final ArchRule EMBEDDED_SERVER_NEEDS_NOTHING_ELSE = noClasses()
            .that().resideInAPackage("dev.fraiseql.embedded.server..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "dev.fraiseql.core..",
                    "dev.fraiseql.graphql..", "dev.fraiseql.autoconfigure..", "dev.fraiseql.testsupport..")
            .because("the project's own tests run on the embedded server through the test support, below core: it"
                    + " can depend on no module of the project and on no Spring");

    static final ArchRule CORE_PACKAGES_FORM_NO_CYCLES = slices()
            .matching("dev.fraiseql.core.(*)..")
            .should().beFreeOfCycles()
            .because("each core package builds on the ones below it and none imports back up");

    private static final Set<String> ASSEMBLY_TYPES =
            Set.of(FraiseqlGraphQl.class.getName(), FraiseqlGraphQlCustomizer.class.getName());

    // By name, not by package: the assembly shares the root package with the API it must not be reachable from.
    private static final DescribedPredicate<JavaClass> ASSEMBLY = DescribedPredicate.describe(
            "the assembly FraiseqlGraphQl (with its Builder) and FraiseqlGraphQlCustomizer",
            javaClass -> ASSEMBLY_TYPES.contains(topLevelName(javaClass)));

    private static final DescribedPredicate<JavaClass> API = resideInAPackage("dev.fraiseql.graphql")
            .and(DescribedPredicate.not(ASSEMBLY))
            .as("the binding's root package except the assembly");

    static final ArchRule BINDING_LAYERS_POINT_DOWN = layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage("dev.fraiseql..")
            .optionalLayer("Core").definedBy("dev.fraiseql.core..")
            .layer("API").definedBy(API)
            .layer("Schema").definedBy("dev.fraiseql.graphql.internal.schema..")
            .layer("Fetch").definedBy("dev.fraiseql.graphql.internal.fetch..")
            .layer("Execution").definedBy("dev.fraiseql.graphql.internal.execution..")
            .layer("Controller").definedBy("dev.fraiseql.graphql.internal.controller..")
            .layer("Assembly").definedBy(ASSEMBLY)
            .whereLayer("API").mayOnlyAccessLayers("Core")
            .whereLayer("Schema").mayOnlyBeAccessedByLayers("Fetch", "Controller", "Assembly")
            .whereLayer("Fetch").mayOnlyBeAccessedByLayers("Execution", "Controller", "Assembly")
            .whereLayer("Execution").mayOnlyBeAccessedByLayers("Assembly")
            .whereLayer("Controller").mayOnlyBeAccessedByLayers("Assembly")
            .whereLayer("Assembly").mayNotBeAccessedByAnyLayer()
            // A new package must be given a place here rather than escape every rule.
            .ensureAllClassesAreContainedInArchitecture()
            .because("users see the root package; only the assembly wires the internals, which import downwards only");

    static final ArchRule NOTHING_OUTSIDE_USES_BINDING_INTERNALS = noClasses()
            .should().dependOnClassesThat().resideInAPackage("dev.fraiseql.graphql.internal..")
            .because("the internal packages of the binding may change in any release; use its root package");

    static final ArchRule NO_MAIN_CLASS_USES_A_TEST_LIBRARY = noClasses()
            .that().resideInAPackage("dev.fraiseql..")
            .should().dependOnClassesThat().resideInAnyPackage(TEST_LIBRARIES)
            .because("test libraries are test-scoped and absent at run time");

    @Test
    void coreDependsOnNeitherSpringNorGraphQlJavaNorTheModulesAboveIt() {
        CORE_NEEDS_NOTHING_ABOVE_IT.check(compiledClassesOf(CORE));
    }

    @Test
    void theGraphQlBindingDependsOnNeitherSpringBootNorTheAutoConfiguration() {
        BINDING_NEEDS_NO_BOOT.check(compiledClassesOf(GRAPHQL));
    }

    @Test
    void theEmbeddedServerDependsOnNeitherSpringNorAnyOtherModule() {
        EMBEDDED_SERVER_NEEDS_NOTHING_ELSE.check(compiledClassesOf(EMBEDDED_SERVER));
    }

    @Test
    void corePackagesImportEachOtherWithoutCycles() {
        CORE_PACKAGES_FORM_NO_CYCLES.check(compiledClassesOf(CORE));
    }

    @Test
    void insideTheGraphQlBindingOnlyTheAssemblyWiresTheInternalPackagesAndTheyImportDownwardsOnly() {
        BINDING_LAYERS_POINT_DOWN.check(compiledClassesOf(GRAPHQL));
    }

    @Test
    void theAutoConfigurationTheSampleAndTheBenchmarksUseOnlyTheBindingsPublicPackage() {
        NOTHING_OUTSIDE_USES_BINDING_INTERNALS.check(compiledClassesOf(AUTOCONFIGURE, EMBEDDED, SAMPLE, BENCHMARKS));
    }

    @Test
    void noMainClassOfAnyModuleDependsOnATestLibrary() {
        NO_MAIN_CLASS_USES_A_TEST_LIBRARY.check(compiledClassesOf(CORE, GRAPHQL, AUTOCONFIGURE, EMBEDDED,
                EMBEDDED_SERVER, SAMPLE, BENCHMARKS));
    }

    @Test
    void everyModuleIsReadWithAllItsClassesSoThatNoRulePassesOnAnEmptySet() {
        assertThat(compiledClassesOf(CORE)).hasSizeGreaterThan(30)
                .anyMatch(javaClass -> javaClass.getName().equals("dev.fraiseql.core.sql.SqlBuilder"));
        assertThat(compiledClassesOf(GRAPHQL)).hasSizeGreaterThan(30)
                .anyMatch(javaClass -> javaClass.getName().equals(FraiseqlGraphQl.class.getName()));
        assertThat(compiledClassesOf(AUTOCONFIGURE)).hasSizeGreaterThan(10)
                .allMatch(javaClass -> javaClass.getPackageName().startsWith("dev.fraiseql.autoconfigure"));
        assertThat(compiledClassesOf(SAMPLE)).isNotEmpty()
                .allMatch(javaClass -> javaClass.getPackageName().startsWith("dev.fraiseql.samples"))
                .anyMatch(javaClass -> javaClass.getSimpleName().equals("LibraryApplication"));
        assertThat(compiledClassesOf(EMBEDDED)).hasSizeGreaterThanOrEqualTo(3)
                .allMatch(javaClass -> javaClass.getPackageName().startsWith("dev.fraiseql.embedded"));
        assertThat(compiledClassesOf(EMBEDDED_SERVER)).isNotEmpty()
                .allMatch(javaClass -> javaClass.getPackageName().equals("dev.fraiseql.embedded.server"));
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

        @Test
        void anEmbeddedServerClassThatImportsSpringBreaksTheEmbeddedServerRule() {
            assertReportsOnly(EMBEDDED_SERVER_NEEDS_NOTHING_ELSE, EMBEDDED_SERVER, SpringInEmbeddedServer.class);
        }

        @Test
        void anSqlClassThatImportsTheQueryPackageClosesACycleInCore() {
            assertReportsOnly(CORE_PACKAGES_FORM_NO_CYCLES, CORE, SqlImportsQuery.class);
        }

        @Test
        void anInternalClassThatImportsTheAssemblyBreaksTheLayers() {
            assertReportsOnly(BINDING_LAYERS_POINT_DOWN, GRAPHQL, FetchImportsAssembly.class);
        }

        @Test
        void anAutoConfigurationClassThatUsesAnInternalClassOfTheBindingBreaksTheInternalRule() {
            assertReportsOnly(NOTHING_OUTSIDE_USES_BINDING_INTERNALS, AUTOCONFIGURE, InternalInAutoConfiguration.class);
        }

        @Test
        void aMainClassThatCallsAssertjBreaksTheTestLibraryRule() {
            assertReportsOnly(NO_MAIN_CLASS_USES_A_TEST_LIBRARY, CORE, AssertionInMain.class);
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

    private static String topLevelName(JavaClass javaClass) {
        String name = javaClass.getName();
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }
}
