package dev.fraiseql.core.error;

/**
 * What a PostgreSQL function said to the client by raising an error of SQLSTATE class {@code U0}: its message, the
 * code the last three digits name, and the offending field and the fix from the error's {@code DETAIL} and
 * {@code HINT}.
 *
 * @param code the GraphQL {@code extensions.code}: {@code BAD_REQUEST} (U0400 and unknown ones), {@code UNAUTHENTICATED}
 *     (U0401), {@code FORBIDDEN} (U0403), {@code NOT_FOUND} (U0404), {@code CONFLICT} (U0409) or
 *     {@code VALIDATION_FAILED} (U0422)
 * @param message the error's message, shown to the client as it is
 * @param field the offending input field from {@code DETAIL}, or {@code null}
 * @param hint what the client can do, from {@code HINT}, or {@code null}
 */
public record Rejection(String code, String message, String field, String hint) {

    /** The SQLSTATE class of errors a function raises for the client. */
    public static final String SQLSTATE_CLASS = "U0";

    /** Whether {@code sqlState} belongs to the class of errors meant for the client. */
    public static boolean isRejection(String sqlState) {
        return sqlState != null && sqlState.length() == 5 && sqlState.startsWith(SQLSTATE_CLASS);
    }

    /** The client code of a {@code U0xxx} SQLSTATE. */
    public static String codeOf(String sqlState) {
        return switch (sqlState.substring(2)) {
            case "401" -> "UNAUTHENTICATED";
            case "403" -> "FORBIDDEN";
            case "404" -> "NOT_FOUND";
            case "409" -> "CONFLICT";
            case "422" -> "VALIDATION_FAILED";
            default -> "BAD_REQUEST";
        };
    }
}
