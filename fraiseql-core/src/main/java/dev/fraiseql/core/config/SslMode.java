package dev.fraiseql.core.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the driver uses TLS, with the same names and meaning as libpq's and pgjdbc's {@code sslmode}. */
public enum SslMode {
    /** Never use TLS. */
    DISABLE("disable"),
    /** Try without TLS first, then with TLS. */
    ALLOW("allow"),
    /** Try TLS first, then without; the server certificate is not checked. */
    PREFER("prefer"),
    /** Require TLS; the server certificate is not checked. */
    REQUIRE("require"),
    /** Require TLS and a server certificate signed by a trusted authority. */
    VERIFY_CA("verify-ca"),
    /** Require TLS, a trusted certificate, and a host name that matches it. */
    VERIFY_FULL("verify-full");

    private final String value;

    SslMode(String value) {
        this.value = value;
    }

    /** The value pgjdbc's {@code sslmode} parameter takes. */
    public String value() {
        return value;
    }

    /**
     * Parses {@code verify-full}, {@code VERIFY_FULL} and the like.
     *
     * @throws InvalidSettingException naming {@code fraiseql.db.ssl-mode} when the value is unknown
     */
    public static SslMode parse(String text) {
        if (text != null) {
            String normal = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (SslMode mode : values()) {
                if (mode.value.equals(normal)) {
                    return mode;
                }
            }
        }
        throw new InvalidSettingException("fraiseql.db.ssl-mode", text, "unknown SSL mode",
                "Use one of " + allowedValues() + ".");
    }

    /** The accepted values, comma separated. */
    public static String allowedValues() {
        return Arrays.stream(values()).map(SslMode::value).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return value;
    }
}
