package dev.fraiseql.core.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Temporary stand-in until the SQL layer lands: builds SQL text and its parameters together. */
public final class SqlBuilder {

    private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]*");
    private final StringBuilder text = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    public SqlBuilder append(String trustedSql) {
        text.append(trustedSql);
        return this;
    }

    public SqlBuilder identifier(String name) {
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("identifier contains NUL");
        }
        text.append('"').append(name.replace("\"", "\"\"")).append('"');
        return this;
    }

    public SqlBuilder value(Object value) {
        text.append('?');
        parameters.add(value);
        return this;
    }

    public SqlBuilder value(Object value, String cast) {
        text.append("?::").append(cast);
        parameters.add(value);
        return this;
    }

    public SqlBuilder keyLiteral(String graphQlName) {
        if (!NAME.matcher(graphQlName).matches()) {
            throw new IllegalArgumentException("not a GraphQL name: " + graphQlName);
        }
        text.append('\'').append(graphQlName).append('\'');
        return this;
    }

    public SqlStatement build() {
        return new SqlStatement(text.toString(), parameters);
    }
}
