package dev.fraiseql.graphql;

/**
 * A schema the binding cannot serve, found at start-up: names the field, view or type at fault and says how to fix
 * it, so that the application stops with that explanation rather than failing on the first request.
 */
public class FraiseqlSchemaException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String problem;
    private final String fix;

    /**
     * @param problem what is wrong, naming the field ({@code Query.books}), view or type, as a sentence
     * @param fix what to change, as a sentence
     */
    public FraiseqlSchemaException(String problem, String fix) {
        super(problem + " " + fix);
        this.problem = problem;
        this.fix = fix;
    }

    /** What is wrong, naming the field, view or type. */
    public String problem() {
        return problem;
    }

    /** What to change. */
    public String fix() {
        return fix;
    }
}
