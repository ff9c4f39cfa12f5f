package dev.fraiseql.core.query;

import dev.fraiseql.core.where.FilterException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Encodes and decodes opaque Relay cursors: base64url (no padding) of the JSON array of a row's sort-key values, as
 * PostgreSQL renders it in the {@code __cursor} column.
 */
public final class Cursor {

    /** The name of the column holding a row's sort-key values in connection queries. */
    public static final String COLUMN = "__cursor";

    private static final int MAX_LENGTH = 8192;

    private Cursor() {
    }

    /** The opaque cursor for the text of a row's {@link #COLUMN} column. */
    public static String encode(String sortKeyJson) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sortKeyJson.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The sort-key values in a cursor: {@code String}, {@code BigDecimal}, {@code Boolean} or null.
     *
     * @param argument the argument name for errors, {@code after} or {@code before}
     * @throws FilterException when the text is not a cursor made by {@link #encode}
     */
    public static List<Object> decode(String cursor, String argument) {
        if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            throw invalid(cursor, argument);
        }
        String json;
        try {
            json = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(cursor, argument);
        }
        try {
            Parser p = new Parser(json);
            List<Object> values = p.array();
            p.end();
            return values;
        } catch (IllegalStateException | NumberFormatException | IndexOutOfBoundsException e) {
            throw invalid(cursor, argument);
        }
    }

    static FilterException invalid(String cursor, String argument) {
        return FilterException.invalidValue(argument, cursor,
                "a cursor of this connection; use a startCursor or endCursor returned with the same orderBy");
    }

    /** Reads a flat JSON array of strings, numbers, booleans and nulls. */
    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        List<Object> array() {
            ws();
            expect('[');
            List<Object> values = new ArrayList<>();
            ws();
            if (peek() == ']') {
                i++;
                return values;
            }
            while (true) {
                ws();
                values.add(scalar());
                ws();
                char c = s.charAt(i++);
                if (c == ']') {
                    return values;
                }
                if (c != ',') {
                    throw new IllegalStateException();
                }
            }
        }

        void end() {
            ws();
            if (i != s.length()) {
                throw new IllegalStateException();
            }
        }

        private Object scalar() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (s.startsWith("null", i)) {
                i += 4;
                return null;
            }
            if (s.startsWith("true", i)) {
                i += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", i)) {
                i += 5;
                return Boolean.FALSE;
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (start == i || i - start > MAX_NUMBER_LENGTH) {
                throw new IllegalStateException();
            }
            BigDecimal number = new BigDecimal(s.substring(start, i));
            // A forged exponent such as 1e40000000 would make later conversions run for seconds.
            if (Math.abs(number.scale()) > MAX_NUMBER_LENGTH) {
                throw new IllegalStateException();
            }
            return number;
        }

        /** Longer than any sort key PostgreSQL writes for a real row; longer numbers are forged. */
        private static final int MAX_NUMBER_LENGTH = 1000;

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case '"', '\\', '/' -> sb.append(e);
                        case 'n' -> sb.append('\n');
                        case 'r' -> sb.append('\r');
                        case 't' -> sb.append('\t');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
                            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> throw new IllegalStateException();
                    }
                } else {
                    sb.append(c);
                }
            }
        }

        private char peek() {
            return s.charAt(i);
        }

        private void expect(char c) {
            if (s.charAt(i++) != c) {
                throw new IllegalStateException();
            }
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
