package dev.fraiseql.core.schema;

import dev.fraiseql.core.sql.SqlBuilder;

/** Converts between GraphQL camelCase names and PostgreSQL/JSONB snake_case keys. */
public final class Names {

    private Names() {
    }

    /**
     * {@code userName -> user_name}, {@code dns1 -> dns_1}, {@code HTTPServer -> http_server}.
     * An underscore goes before an upper-case letter that follows a lower-case letter or digit, before an
     * upper-case letter followed by a lower-case one inside an acronym, and before the first digit of a run.
     */
    public static String toSnakeCase(String camel) {
        StringBuilder sb = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            char prev = i > 0 ? camel.charAt(i - 1) : '_';
            if (Character.isUpperCase(c)) {
                boolean nextLower = i + 1 < camel.length() && Character.isLowerCase(camel.charAt(i + 1));
                if (prev != '_' && (Character.isLowerCase(prev) || Character.isDigit(prev)
                        || (Character.isUpperCase(prev) && nextLower))) {
                    sb.append('_');
                }
                sb.append(Character.toLowerCase(c));
            } else if (Character.isDigit(c)) {
                if (Character.isLetter(prev)) {
                    sb.append('_');
                }
                sb.append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** {@code user_name -> userName}, {@code dns_1 -> dns1}; leading underscores are kept. */
    public static String toCamelCase(String snake) {
        StringBuilder sb = new StringBuilder(snake.length());
        int i = 0;
        while (i < snake.length() && snake.charAt(i) == '_') {
            sb.append('_');
            i++;
        }
        boolean upper = false;
        for (; i < snake.length(); i++) {
            char c = snake.charAt(i);
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }

    /** Whether {@code name} is a GraphQL-style name {@code [_A-Za-z][_0-9A-Za-z]*}, safe to render as a SQL literal. */
    public static boolean isSimpleName(String name) {
        return SqlBuilder.isSimpleName(name);
    }
}
