package dev.fraiseql.graphql.internal.fetch;

import dev.fraiseql.core.json.SelectionNode;
import dev.fraiseql.graphql.RowProjector;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * The translated selection of one field of a parsed document, with the JVM projectors built for it: a projector is
 * used by one request at a time, as it is for the rows of one list, and handed to the next request of the same
 * document instead of being compiled again.
 */
final class SelectionPlan {

    private final List<SelectionNode> selection;
    private final Queue<RowProjector> idle = new ConcurrentLinkedQueue<>();

    SelectionPlan(List<SelectionNode> selection) {
        this.selection = List.copyOf(selection);
    }

    List<SelectionNode> selection() {
        return selection;
    }

    /** A projector of this selection that no other request is using. */
    RowProjector borrow(Function<List<SelectionNode>, RowProjector> projectors) {
        RowProjector projector = idle.poll();
        return projector != null ? projector : projectors.apply(selection);
    }

    /** Gives {@code projector} back for the next request; at most as many are kept as requests ran at once. */
    void release(RowProjector projector) {
        idle.offer(projector);
    }
}
