package dev.fraiseql.autoconfigure.graphql;

/** A {@code fraiseql.graphql.*} property that cannot work, naming the property, its value, the problem and the fix. */
public final class InvalidGraphQlPropertyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String property;
    private final String value;
    private final String problem;
    private final String fix;

    /**
     * @param property the property, such as {@code fraiseql.graphql.max-page-size}
     * @param value its value
     * @param problem what is wrong, as a clause
     * @param fix what to do, as a sentence
     */
    public InvalidGraphQlPropertyException(String property, String value, String problem, String fix) {
        super("Invalid setting " + property + "=" + value + ": " + problem + ". " + fix);
        this.property = property;
        this.value = value;
        this.problem = problem;
        this.fix = fix;
    }

    /** The property at fault. */
    public String property() {
        return property;
    }

    /** Its value. */
    public String value() {
        return value;
    }

    /** What is wrong. */
    public String problem() {
        return problem;
    }

    /** What to do. */
    public String fix() {
        return fix;
    }
}
