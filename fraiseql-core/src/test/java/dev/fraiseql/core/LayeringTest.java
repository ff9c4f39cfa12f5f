package dev.fraiseql.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;


/** Reads core's main sources, so that a forbidden import fails the build rather than a review. */
class LayeringTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/fraiseql/core");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+);", Pattern.MULTILINE);

    /** Which core packages each package may import: lower layers only, so nothing imports back up. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("config", Set.of("error")),
            Map.entry("error", Set.of()),
            Map.entry("sql", Set.of()),
            Map.entry("schema", Set.of("sql")),
            Map.entry("where", Set.of("schema", "sql")),
            Map.entry("json", Set.of("schema")),
            Map.entry("query", Set.of("json", "schema", "sql", "where")),
            Map.entry("pool", Set.of("config")),
            Map.entry("execution", Set.of("config", "error", "pool", "sql")),
            Map.entry("catalog", Set.of("error", "execution", "sql")),
            Map.entry("mutation", Set.of("error", "execution", "schema", "sql")));

    @Test
    void coreImportsNeitherSpringNorGraphqlJava() throws IOException {
        assertThat(imports()).allSatisfy(i -> assertThat(i.imported())
                .as(i.file().toString())
                .doesNotStartWith("org.springframework.")
                .doesNotStartWith("graphql."));
    }

    @Test
    void everyPackageImportsOnlyTheCorePackagesBelowIt() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Import i : imports()) {
            String from = SOURCES.relativize(i.file()).getName(0).toString();
            if (!i.imported().startsWith("dev.fraiseql.core.") || i.file().getParent().equals(SOURCES)) {
                continue;
            }
            String to = i.imported().substring("dev.fraiseql.core.".length()).split("\\.")[0];
            Set<String> allowed = ALLOWED.get(from);
            if (allowed == null) {
                violations.add("package " + from + " has no entry in ALLOWED: add one naming what it may import");
            } else if (!to.equals(from) && !allowed.contains(to)) {
                violations.add(SOURCES.relativize(i.file()) + " imports " + i.imported());
            }
        }
        assertThat(violations).isEmpty();
    }

    private record Import(Path file, String imported) {
    }

    private static List<Import> imports() throws IOException {
        List<Import> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    out.add(new Import(file, m.group(1)));
                }
            }
        }
        assertThat(out).as("imports read from " + SOURCES.toAbsolutePath()).hasSizeGreaterThan(100);
        return out;
    }
}
