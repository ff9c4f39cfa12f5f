package dev.fraiseql.graphql;

/** A query argument FraiseQL cannot honour, such as a page larger than the maximum; reported as BAD_USER_INPUT. */
public class FraiseqlInputException extends IllegalArgumentException {

    private final String argument;

    public FraiseqlInputException(String argument, String message) {
        super(message);
        this.argument = argument;
    }

    /** The argument path, such as {@code limit} or {@code where.id.eq}. */
    public String argument() {
        return argument;
    }
}
