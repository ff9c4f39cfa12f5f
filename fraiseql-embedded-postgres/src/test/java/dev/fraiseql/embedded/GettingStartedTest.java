package dev.fraiseql.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import tools.jackson.databind.json.JsonMapper;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code docs/getting-started.md}: writes every file the page shows into a new project, starts it on the embedded
 * PostgreSQL, and sends every query the page shows, expecting the answer printed under it, byte for byte.
 */
class GettingStartedTest {

    private static final Path PAGE = Path.of("../docs/getting-started.md");
    private static final Pattern FILE = Pattern.compile("<!-- file: (\\S+) -->\\n```\\w+\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern QUERY = Pattern.compile(
            "<!-- query -->\\n```graphql\\n(.*?)```\\s*<!-- answer -->\\n```json\\n(.*?)\\n```", Pattern.DOTALL);

    /** An application with nothing but auto-configuration, as the page's project has. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    @Test
    void everyQueryOnThePageAnswersWhatThePageShowsInAProjectMadeOfThePagesFiles(@TempDir Path project)
            throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        Map<String, String> files = new LinkedHashMap<>();
        Matcher file = FILE.matcher(page);
        while (file.find()) {
            files.put(file.group(1), file.group(2));
        }
        assertThat(files).containsOnlyKeys("src/main/resources/db/migration/V1__library.sql",
                "src/main/resources/graphql/schema.graphqls", "src/main/resources/application.properties");
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path target = project.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
        }
        List<String[]> queries = new ArrayList<>();
        Matcher query = QUERY.matcher(page);
        while (query.find()) {
            queries.add(new String[] {query.group(1), query.group(2)});
        }
        assertThat(queries).hasSize(3);

        Map<String, Object> properties = new LinkedHashMap<>();
        for (String line : files.get("src/main/resources/application.properties").split("\n")) {
            if (line.contains("=")) {
                properties.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        Path resources = project.resolve("src/main/resources");
        properties.put("spring.flyway.locations", "filesystem:" + resources.resolve("db/migration"));
        properties.put("spring.graphql.schema.locations", resources.resolve("graphql").toUri().toString());
        properties.put("fraiseql.embedded.data-directory", project.resolve("data").toString());
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE).properties(properties).run()) {
            ExecutionGraphQlService graphQl = context.getBean(ExecutionGraphQlService.class);
            for (String[] q : queries) {
                Map<String, Object> response = graphQl.execute(new DefaultExecutionGraphQlRequest(q[0], null, null,
                        null, "1", Locale.ROOT)).block().toMap();
                assertThat(JsonMapper.builder().build().writeValueAsString(response)).as(q[0]).isEqualTo(q[1]);
            }
        }
    }
}
