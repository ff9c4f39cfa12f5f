package dev.fraiseql.core.config;

/**
 * A setting ({@code fraiseql.db.*}, {@code fraiseql.graphql.*}) that cannot work, naming the property, its (masked) value, the problem and the fix.
 */
public final class InvalidSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String property;
    private final String value;
    private final String problem;
    private final String fix;

    /**
     * @param property the property in its {@code fraiseql.db.*} form (or the environment variable it came from)
     * @param value the offending value, already masked if it may hold a password; {@code null} when missing
     * @param problem what is wrong, as a clause ("must be at least 1")
     * @param fix what to do, as a sentence
     */
    public InvalidSettingException(String property, String value, String problem, String fix) {
        super(message(property, value, problem, fix));
        this.property = property;
        this.value = value;
        this.problem = problem;
        this.fix = fix;
    }

    private static String message(String property, String value, String problem, String fix) {
        String subject = value == null ? property : property + "=" + value;
        return "Invalid setting " + subject + ": " + problem + ". " + fix;
    }

    /** The property (or environment variable) at fault. */
    public String property() {
        return property;
    }

    /** The offending value as given (masked), or {@code null} when the property is missing. */
    public String value() {
        return value;
    }

    /** What is wrong with the value. */
    public String problem() {
        return problem;
    }

    /** What to change. */
    public String fix() {
        return fix;
    }
}
