package dev.fraiseql.core.config;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A database URL split into what pgjdbc needs: a JDBC URL without credentials or parameters, the user, the
 * password, and the connection parameters as pgjdbc properties.
 *
 * <p>Accepts {@code postgresql://} and {@code postgres://} URLs as libpq writes them (percent-encoding,
 * bracketed IPv6 hosts, several comma-separated hosts, a unix-socket directory in {@code host=} or as the
 * encoded host) and {@code jdbc:postgresql:} URLs.
 *
 * @param jdbcUrl {@code jdbc:postgresql://host:port[,host:port]/database}, never holding a secret
 * @param user the user name, or {@code null} to let the driver choose
 * @param password the password, or {@code null}
 * @param properties further pgjdbc connection properties taken from the URL, in URL order
 */
public record DatabaseUrl(String jdbcUrl, String user, String password, Map<String, String> properties) {

    private static final String PROPERTY = "fraiseql.db.url";
    private static final String FORMS = "Use postgresql://user:password@host:5432/database (percent-encode"
            + " special characters in the user and password, e.g. @ as %40) or jdbc:postgresql://host:5432/database.";
    private static final String UNIX_SOCKET_FACTORY = "org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg";
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://[^:/?@]*):[^@]*@");
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)([?&;](?:ssl)?password=)[^&;]*");
    /** libpq parameter names that pgjdbc spells differently. */
    private static final Map<String, String> LIBPQ_TO_PGJDBC = Map.of(
            "application_name", "ApplicationName",
            "connect_timeout", "connectTimeout",
            "target_session_attrs", "targetServerType",
            "sslpassword", "sslpassword");
    private static final Map<String, String> TARGET_SESSION_ATTRS = Map.of(
            "any", "any",
            "read-write", "primary",
            "primary", "primary",
            "read-only", "secondary",
            "standby", "secondary",
            "prefer-standby", "preferSecondary");

    public DatabaseUrl {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties == null ? Map.of() : properties));
    }

    /**
     * Parses a database URL.
     *
     * @throws InvalidSettingException naming {@code fraiseql.db.url}, with the password masked, when the URL is
     *     missing or malformed
     */
    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidSettingException(PROPERTY, null, "no database URL is set",
                    "Set fraiseql.db.url (or the DATABASE_URL environment variable, or spring.datasource.url), or"
                            + " define a JdbcConnectionDetails bean. " + FORMS);
        }
        String trimmed = url.trim();
        if (trimmed.startsWith("jdbc:postgresql:")) {
            return parseJdbc(trimmed);
        }
        if (trimmed.startsWith("postgresql://") || trimmed.startsWith("postgres://")) {
            return new LibpqParser(trimmed).parse();
        }
        throw invalid(trimmed, "it does not start with postgresql://, postgres:// or jdbc:postgresql:");
    }

    /**
     * A {@code jdbc:postgresql:} URL carrying {@code user} and {@code password} as parameters (percent-encoded, in
     * place of any the URL had), so that one URL holds what a JDBC URL, a user name and a password say apart.
     *
     * @param user the user name, or {@code null} to keep the URL's own
     * @param password the password, or {@code null} to keep the URL's own
     */
    public static String withCredentials(String jdbcUrl, String user, String password) {
        if (user == null && password == null) {
            return jdbcUrl;
        }
        int query = jdbcUrl.indexOf('?');
        StringBuilder out = new StringBuilder(query < 0 ? jdbcUrl : jdbcUrl.substring(0, query));
        char separator = '?';
        if (query >= 0) {
            for (String pair : jdbcUrl.substring(query + 1).split("&")) {
                String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                boolean replaced = (key.equals("user") && user != null) || (key.equals("password") && password != null);
                if (!pair.isEmpty() && !replaced) {
                    out.append(separator).append(pair);
                    separator = '&';
                }
            }
        }
        if (user != null) {
            out.append(separator).append("user=").append(URLEncoder.encode(user, StandardCharsets.UTF_8));
            separator = '&';
        }
        if (password != null) {
            out.append(separator).append("password=").append(URLEncoder.encode(password, StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /** The URL text with any password (in the user-info part or a password parameter) replaced by ****. */
    public static String mask(String url) {
        if (url == null) {
            return null;
        }
        String masked = USER_INFO_PASSWORD.matcher(url).replaceFirst("$1:****@");
        return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1****");
    }

    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>(properties);
        shown.computeIfPresent("sslpassword", (k, v) -> "****");
        return "DatabaseUrl[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password="
                + (password == null ? null : "****") + ", properties=" + shown + "]";
    }

    private static InvalidSettingException invalid(String url, String problem) {
        return new InvalidSettingException(PROPERTY, mask(url), problem, FORMS);
    }

    private static DatabaseUrl parseJdbc(String url) {
        Properties parsed = org.postgresql.Driver.parseURL(url, new Properties());
        if (parsed == null) {
            throw invalid(url, "pgjdbc cannot parse it (check the host list, the port numbers and the"
                    + " parameters)");
        }
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String user = null;
        String password = null;
        Map<String, String> properties = new LinkedHashMap<>();
        if (query >= 0) {
            for (String pair : url.substring(query + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = parsed.getProperty(key, "");
                switch (key) {
                    case "user" -> user = value;
                    case "password" -> password = value;
                    default -> properties.put(key, value);
                }
            }
        }
        return new DatabaseUrl(base, user, password, properties);
    }

    /** Parses the libpq URI form, which java.net.URI cannot (several hosts, unencoded characters). */
    private static final class LibpqParser {
        private final String url;
        private String user;
        private String password;
        private String database = "";
        private final List<String[]> hosts = new ArrayList<>();
        private String portOverride;
        private String socketDirectory;
        private final Map<String, String> properties = new LinkedHashMap<>();

        LibpqParser(String url) {
            this.url = url;
        }

        DatabaseUrl parse() {
            String rest = url.substring(url.indexOf("://") + 3);
            if (rest.indexOf('#') >= 0) {
                throw invalid(url, "it has a #fragment, which a database URL cannot have");
            }
            int query = rest.indexOf('?');
            String queryText = query < 0 ? null : rest.substring(query + 1);
            String location = query < 0 ? rest : rest.substring(0, query);
            int at = location.lastIndexOf('@');
            if (at >= 0) {
                parseUserInfo(location.substring(0, at));
                location = location.substring(at + 1);
            }
            int slash = location.indexOf('/');
            String hostList = slash < 0 ? location : location.substring(0, slash);
            if (slash >= 0) {
                database = decode(location.substring(slash + 1), "the database name");
            }
            parseHosts(hostList);
            if (queryText != null) {
                parseQuery(queryText);
            }
            return build();
        }

        private void parseUserInfo(String userInfo) {
            int colon = userInfo.indexOf(':');
            String rawUser = colon < 0 ? userInfo : userInfo.substring(0, colon);
            if (!rawUser.isEmpty()) {
                user = decode(rawUser, "the user name");
            }
            if (colon >= 0) {
                password = decode(userInfo.substring(colon + 1), "the password");
            }
        }

        private void parseHosts(String hostList) {
            if (hostList.isEmpty()) {
                return;
            }
            for (String entry : hostList.split(",", -1)) {
                String host;
                String port = null;
                if (entry.startsWith("[")) {
                    int close = entry.indexOf(']');
                    if (close < 0) {
                        throw invalid(url, "the IPv6 host " + entry + " has no closing ]");
                    }
                    host = entry.substring(1, close);
                    String after = entry.substring(close + 1);
                    if (!after.isEmpty()) {
                        if (!after.startsWith(":")) {
                            throw invalid(url, "unexpected text after the IPv6 host [" + host + "]");
                        }
                        port = after.substring(1);
                    }
                    host = "[" + host + "]";
                } else {
                    int colon = entry.indexOf(':');
                    if (colon >= 0 && entry.indexOf(':', colon + 1) >= 0) {
                        throw invalid(url, "the host " + entry + " looks like an IPv6 address without brackets"
                                + " (write it as [address]:port)");
                    }
                    host = decode(colon < 0 ? entry : entry.substring(0, colon), "the host");
                    port = colon < 0 ? null : entry.substring(colon + 1);
                }
                if (host.isEmpty()) {
                    throw invalid(url, "the host list has an empty host");
                }
                if (host.startsWith("/")) {
                    socketDirectory = host;
                    host = "localhost";
                }
                hosts.add(new String[] {host, port == null || port.isEmpty() ? null : checkPort(port)});
            }
        }

        private String checkPort(String port) {
            int value;
            try {
                value = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw invalid(url, "the port " + port + " is not a number");
            }
            if (value < 1 || value > 65535) {
                throw invalid(url, "the port " + port + " is outside 1-65535");
            }
            return Integer.toString(value);
        }

        private void parseQuery(String query) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw invalid(url, "the parameter " + pair + " has no name=value form");
                }
                String key = decode(pair.substring(0, eq), "a parameter name");
                String value = decode(pair.substring(eq + 1), "the parameter " + key);
                switch (key) {
                    case "user" -> user = value;
                    case "password" -> password = value;
                    case "dbname" -> database = value;
                    case "port" -> portOverride = checkPort(value);
                    case "host" -> {
                        if (value.startsWith("/")) {
                            socketDirectory = value;
                        } else {
                            hosts.clear();
                            parseHosts(value);
                        }
                    }
                    case "sslmode" -> {
                        try {
                            properties.put("sslmode", SslMode.parse(value).value());
                        } catch (InvalidSettingException e) {
                            throw invalid(url, "sslmode=" + value + " is not one of " + SslMode.allowedValues());
                        }
                    }
                    case "target_session_attrs" -> {
                        String mapped = TARGET_SESSION_ATTRS.get(value);
                        if (mapped == null) {
                            throw invalid(url, "target_session_attrs=" + value + " is not one of "
                                    + String.join(", ", TARGET_SESSION_ATTRS.keySet().stream().sorted().toList()));
                        }
                        properties.put("targetServerType", mapped);
                    }
                    default -> properties.put(LIBPQ_TO_PGJDBC.getOrDefault(key, key), value);
                }
            }
        }

        private DatabaseUrl build() {
            if (hosts.isEmpty()) {
                hosts.add(new String[] {"localhost", null});
            }
            StringBuilder jdbc = new StringBuilder("jdbc:postgresql://");
            for (int i = 0; i < hosts.size(); i++) {
                String[] host = hosts.get(i);
                String port = portOverride != null ? portOverride : host[1] != null ? host[1] : "5432";
                jdbc.append(i == 0 ? "" : ",").append(host[0]).append(':').append(port);
            }
            jdbc.append('/').append(URLEncoder.encode(database, StandardCharsets.UTF_8));
            if (socketDirectory != null) {
                String port = portOverride != null ? portOverride : hosts.get(0)[1] != null ? hosts.get(0)[1] : "5432";
                properties.put("socketFactory", UNIX_SOCKET_FACTORY);
                properties.put("socketFactoryArg", socketDirectory.replaceAll("/+$", "") + "/.s.PGSQL." + port);
            }
            return new DatabaseUrl(jdbc.toString(), user, password, properties);
        }

        /** Strict percent-decoding: unlike URLDecoder, '+' stays '+', as in libpq. */
        private String decode(String text, String what) {
            if (text.indexOf('%') < 0) {
                return text;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '%') {
                    int hi = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                    int lo = hi < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
                    if (lo < 0) {
                        throw invalid(url, what + " has a malformed percent-escape (write % as %25)");
                    }
                    bytes.write(hi * 16 + lo);
                    i += 2;
                } else {
                    int end = text.indexOf('%', i);
                    end = end < 0 ? text.length() : end;
                    byte[] encoded = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
                    bytes.write(encoded, 0, encoded.length);
                    i = end - 1;
                }
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
