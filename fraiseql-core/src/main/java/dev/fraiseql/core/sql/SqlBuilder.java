package dev.fraiseql.core.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds one SQL statement: its text and its bind parameters are appended together, so they cannot drift apart.
 *
 * <p>The method decides the escaping: {@link #append} is for trusted SQL written in this code base (keywords,
 * operators), {@link #identifier} always quotes, {@link #value} always binds, and {@link #keyLiteral} only accepts
 * GraphQL-style names. No method takes user data into the text unescaped.
 */
public final class SqlBuilder {

    private final StringBuilder text;
    private final List<Object> parameters = new ArrayList<>();

    /** An empty builder. */
    public SqlBuilder() {
        this.text = new StringBuilder(512);
    }

    /** Appends trusted SQL text (keywords, operators, punctuation) written in this code base, never user data. */
    public SqlBuilder append(String trustedSqlKeywordText) {
        text.append(trustedSqlKeywordText);
        return this;
    }

    /** Appends one trusted character. */
    public SqlBuilder append(char trusted) {
        text.append(trusted);
        return this;
    }

    /**
     * Appends a quoted identifier: always in double quotes, with {@code "} doubled.
     *
     * @throws IllegalArgumentException for a null or empty name or one holding a NUL character
     */
    public SqlBuilder identifier(String name) {
        checkIdentifier(name);
        appendQuoted(text, name, 0, name.length());
        return this;
    }

    /**
     * Appends a possibly schema-qualified name such as {@code app.v_book} as {@code "app"."v_book"}; every dot
     * separates two parts, so a part holding a dot cannot be written this way.
     *
     * @throws IllegalArgumentException for a null or empty name, an empty part ({@code app.}, {@code .fn},
     *     {@code a..b}) or a NUL character; nothing is appended then
     */
    public SqlBuilder qualifiedName(String dottedName) {
        appendQualifiedName(text, dottedName);
        return this;
    }

    /**
     * The quoted text of a possibly schema-qualified name, {@code "app"."v_book"} for {@code app.v_book}, for
     * catalog functions such as {@code to_regclass(?)} that take a name as a bound value and parse it as SQL would:
     * quoted, each part keeps its case and a {@code "} or space inside it stays part of the name.
     *
     * @throws IllegalArgumentException as {@link #qualifiedName} does
     */
    public static String quotedQualifiedName(String dottedName) {
        StringBuilder out = new StringBuilder(dottedName == null ? 0 : dottedName.length() + 6);
        appendQualifiedName(out, dottedName);
        return out.toString();
    }

    private static void appendQualifiedName(StringBuilder out, String dottedName) {
        // Checked whole before anything is appended, so a rejected name never leaves half of it in the builder.
        checkQualifiedName(dottedName);
        int start = 0;
        for (int dot = dottedName.indexOf('.'); dot >= 0; dot = dottedName.indexOf('.', start)) {
            appendQuoted(out, dottedName, start, dot);
            out.append('.');
            start = dot + 1;
        }
        appendQuoted(out, dottedName, start, dottedName.length());
    }

    /** The one place an identifier is quoted: in double quotes, with {@code "} doubled. */
    private static void appendQuoted(StringBuilder out, String name, int start, int end) {
        out.append('"');
        for (int i = start; i < end; i++) {
            char c = name.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }

    /** Appends {@code ?} and binds {@code v} (null binds SQL NULL). */
    public SqlBuilder value(Object v) {
        text.append('?');
        parameters.add(v);
        return this;
    }

    /**
     * Appends {@code ?::castType} and binds {@code v}.
     *
     * @param castType a PostgreSQL type name from this code base, such as {@code int} or {@code text[]}
     */
    public SqlBuilder value(Object v, String castType) {
        if (!isCastType(castType)) {
            throw new IllegalArgumentException("Invalid cast type \"" + castType + "\": expected a type name like int or text[]");
        }
        text.append("?::").append(castType);
        parameters.add(v);
        return this;
    }

    /**
     * Appends {@code 'name'} as a SQL string literal, for JSONB keys.
     *
     * @throws IllegalArgumentException unless the name matches {@code [_A-Za-z][_0-9A-Za-z]*}, so it can never carry
     *     user data or a quote
     */
    public SqlBuilder keyLiteral(String graphQlName) {
        if (!isSimpleName(graphQlName)) {
            throw new IllegalArgumentException("Invalid key \"" + graphQlName
                    + "\": a JSONB key rendered in SQL must match [_A-Za-z][_0-9A-Za-z]*");
        }
        text.append('\'').append(graphQlName).append('\'');
        return this;
    }

    /** The number of characters appended so far. */
    public int length() {
        return text.length();
    }

    /** The number of parameters bound so far. */
    public int parameterCount() {
        return parameters.size();
    }

    /** The statement built so far. */
    public SqlStatement build() {
        return new SqlStatement(text.toString(), parameters);
    }

    @Override
    public String toString() {
        return text.toString();
    }

    private static void checkIdentifier(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("Invalid SQL identifier: it must not be null or empty");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("Invalid SQL identifier \"" + name.replace("\0", "\\0")
                    + "\": it must not contain a NUL character");
        }
    }

    private static void checkQualifiedName(String dottedName) {
        String fix = "; write name or schema.name, for example v_book or app.v_book";
        if (dottedName == null) {
            throw new IllegalArgumentException("Invalid qualified name: it is null" + fix);
        }
        if (dottedName.isEmpty()) {
            throw new IllegalArgumentException("Invalid qualified name \"\": it is empty" + fix);
        }
        if (dottedName.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("Invalid qualified name \"" + dottedName.replace("\0", "\\0")
                    + "\": it must not contain a NUL character; remove it");
        }
        if (dottedName.startsWith(".") || dottedName.endsWith(".") || dottedName.contains("..")) {
            throw new IllegalArgumentException("Invalid qualified name \"" + dottedName + "\": it has an empty part"
                    + fix);
        }
    }

    /** Whether {@code name} is a GraphQL-style name {@code [_A-Za-z][_0-9A-Za-z]*}, safe to render as a SQL literal. */
    public static boolean isSimpleName(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCastType(String type) {
        if (type == null || type.isEmpty()) {
            return false;
        }
        for (int i = 0; i < type.length(); i++) {
            char c = type.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9' && i > 0) || c == '_' || c == '[' || c == ']';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
