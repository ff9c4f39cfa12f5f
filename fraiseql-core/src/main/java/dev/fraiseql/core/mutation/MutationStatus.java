package dev.fraiseql.core.mutation;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The family of a {@code mutation_response} status, with whether it is a success and the code clients are given. */
public enum MutationStatus {

    /** Done. */
    SUCCESS(true, 200),
    /** Done: something was created. */
    CREATED(true, 201),
    /** Done: something was changed. */
    UPDATED(true, 200),
    /** Done: something was deleted. */
    DELETED(true, 200),
    /** Nothing was changed because nothing needed changing. */
    NOOP(false, 422),
    /** The input was rejected. */
    VALIDATION(false, 422),
    /** The caller is not known. */
    UNAUTHORIZED(false, 401),
    /** The caller may not do this. */
    FORBIDDEN(false, 403),
    /** What the mutation applies to does not exist. */
    NOT_FOUND(false, 404),
    /** The change conflicts with the data, such as a duplicate key. */
    CONFLICT(false, 409),
    /** The function gave up waiting. */
    TIMEOUT(false, 408),
    /** Any other failure, and any status that names no family. */
    FAILED(false, 500);

    private static final Map<String, MutationStatus> BY_NAME = new HashMap<>();

    static {
        for (MutationStatus status : values()) {
            BY_NAME.put(status.name(), status);
        }
    }

    private final boolean success;
    private final int code;

    MutationStatus(boolean success, int code) {
        this.success = success;
        this.code = code;
    }

    /** Whether the mutation did what was asked. */
    public boolean success() {
        return success;
    }

    /** The HTTP-like code given to clients, such as 201 or 409. */
    public int code() {
        return code;
    }

    /**
     * The family of a status as a function sent it: the part before the first {@code :}, in any case, so
     * {@code "conflict:duplicate_isbn"} is {@link #CONFLICT}; a status naming no family, and a null one, are
     * {@link #FAILED}, so an unexpected answer is never taken for a success.
     */
    public static MutationStatus of(String status) {
        if (status == null) {
            return FAILED;
        }
        int colon = status.indexOf(':');
        String family = colon < 0 ? status : status.substring(0, colon);
        return BY_NAME.getOrDefault(family.toUpperCase(Locale.ROOT), FAILED);
    }
}
