package dev.fraiseql.benchmarks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * Brings the answers of different servers to one form so that the data they return can be compared: servers
 * name things differently (PostGraphile's {@code nodes} lists, its cursors) and print numbers differently
 * ({@code "12.50"} for a PostgreSQL numeric, {@code 12.5} for a GraphQL Float).
 */
final class Answers {

    /** Cursors are each server's own encoding of the same position. */
    private static final Set<String> OPAQUE = Set.of("cursor", "startCursor", "endCursor");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Answers() {
    }

    /**
     * The answer's data in comparable form.
     *
     * @param ignoredKeys keys dropped wherever they appear, such as the id a database gives a created row
     */
    static Object normalize(String body, Set<String> ignoredKeys) {
        Object tree = JSON.readValue(body, Object.class);
        return normalize(tree, ignoredKeys);
    }

    @SuppressWarnings("unchecked")
    private static Object normalize(Object node, Set<String> ignoredKeys) {
        if (node instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.get("nodes") instanceof List<?> nodes) {
                return normalize(nodes, ignoredKeys);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                if (!OPAQUE.contains(e.getKey()) && !ignoredKeys.contains(e.getKey())) {
                    out.put(e.getKey(), normalize(e.getValue(), ignoredKeys));
                }
            }
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object o : list) {
                out.add(normalize(o, ignoredKeys));
            }
            return out;
        }
        if (node instanceof Number || (node instanceof String s && NUMBER.matcher(s).matches())) {
            return new BigDecimal(node.toString()).stripTrailingZeros().toPlainString();
        }
        return node;
    }

    /**
     * The value at a path of keys and list indexes in an answer.
     *
     * @throws IllegalStateException naming the answer when the path is not there
     */
    static Object path(String body, Object... steps) {
        Object node = JSON.readValue(body, Object.class);
        for (Object step : steps) {
            if (step instanceof Integer i && node instanceof List<?> list && i < list.size()) {
                node = list.get(i);
            } else if (step instanceof String key && node instanceof Map<?, ?> map && map.containsKey(key)) {
                node = map.get(key);
            } else {
                throw new IllegalStateException("No " + java.util.Arrays.toString(steps) + " in " + abbreviate(body));
            }
        }
        return node;
    }

    /** Whether the answer carries data and no errors. */
    static boolean isData(String body) {
        return body.startsWith("{\"data\":{") && !body.contains("\"errors\":");
    }

    static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }
}
