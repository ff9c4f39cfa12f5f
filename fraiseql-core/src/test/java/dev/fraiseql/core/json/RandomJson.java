package dev.fraiseql.core.json;

import dev.fraiseql.core.schema.ScalarKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random JSON documents and selections over the same few keys, for differential tests. */
final class RandomJson {

    static final List<String> KEYS = List.of("a", "b", "c_1", "c1", "dd", "id");
    private static final List<String> OTHER_KEYS = List.of("a\\\"b", "a b", "} ]", "\\u00e9t\\u00e9", "x\\\\");
    private static final List<String> STRING_PIECES = List.of("a", "Z", " ", "\\\"", "\\\\", "\\n", "\\t", "\\r",
            "\\b", "\\f", "\\u0001", "\\u001F", "\\u00e9", "é", "😀", "\\ud83d\\ude00", "\\/", ",", "}", "]", ":", "{",
            "[", "'", "null", "1");
    private static final List<ScalarKind> SCALARS = List.of(ScalarKind.ID, ScalarKind.FLOAT, ScalarKind.STRING,
            ScalarKind.INT, ScalarKind.BOOLEAN);

    private RandomJson() {
    }

    static String document(Random random) {
        return random.nextInt(20) == 0 ? value(random, 2) : object(random, 3);
    }

    private static String object(Random random, int depth) {
        StringBuilder out = new StringBuilder("{");
        int members = random.nextInt(7);
        for (int i = 0; i < members; i++) {
            String key = random.nextInt(6) == 0 ? OTHER_KEYS.get(random.nextInt(OTHER_KEYS.size()))
                    : KEYS.get(random.nextInt(KEYS.size()));
            out.append(i == 0 ? "" : random.nextBoolean() ? "," : " ,\n ").append('"').append(key).append("\": ")
                    .append(value(random, depth - 1));
        }
        return out.append('}').toString();
    }

    private static String value(Random random, int depth) {
        int pick = random.nextInt(depth <= 0 ? 6 : 9);
        return switch (pick) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2, 3 -> number(random);
            case 4, 5 -> string(random);
            case 6, 7 -> object(random, depth);
            default -> array(random, depth);
        };
    }

    private static String array(Random random, int depth) {
        StringBuilder out = new StringBuilder("[");
        int elements = random.nextInt(5);
        for (int i = 0; i < elements; i++) {
            out.append(i == 0 ? "" : ", ").append(random.nextInt(3) == 0 ? object(random, depth - 1) : value(random, depth - 1));
        }
        return out.append(']').toString();
    }

    private static String string(Random random) {
        StringBuilder out = new StringBuilder("\"");
        int pieces = random.nextInt(5);
        for (int i = 0; i < pieces; i++) {
            out.append(STRING_PIECES.get(random.nextInt(STRING_PIECES.size())));
        }
        return out.append('"').toString();
    }

    static String number(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> Integer.toString(random.nextInt(2000) - 1000);
            case 1 -> Long.toString(random.nextLong());
            case 2 -> (random.nextBoolean() ? "-" : "") + random.nextInt(100000) + "." + "0".repeat(random.nextInt(3))
                    + random.nextInt(1000);
            case 3 -> Double.toString((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20));
            case 4 -> Double.toString(Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL)
                    * (random.nextBoolean() ? 1 : -1)).replaceAll("E(-?)(\\d{3})", "E$1" + "20");
            case 5 -> random.nextInt(100) + "e" + (random.nextInt(60) - 30);
            case 6 -> (random.nextInt(20000000) - 10000000) + (random.nextBoolean() ? ".0" : ".00");
            default -> Double.toString(random.nextInt(1000) / 8.0 * Math.pow(2, random.nextInt(80) - 40));
        };
    }

    static List<SelectionNode> selection(Random random, int depth) {
        List<SelectionNode> nodes = new ArrayList<>();
        int count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            String alias = "f" + i;
            List<String> sources = new ArrayList<>();
            sources.add(KEYS.get(random.nextInt(KEYS.size())));
            if (random.nextInt(4) == 0) {
                sources.add(KEYS.get(random.nextInt(KEYS.size())));
            }
            int kind = random.nextInt(depth >= 3 ? 3 : 6);
            nodes.add(switch (kind) {
                case 0 -> SelectionNode.typeName(alias, "T" + depth);
                case 1, 2 -> SelectionNode.value(alias, sources, SCALARS.get(random.nextInt(SCALARS.size())), kind == 2);
                default -> SelectionNode.object(alias, sources, kind == 5, selection(random, depth + 1));
            });
        }
        return nodes;
    }
}
