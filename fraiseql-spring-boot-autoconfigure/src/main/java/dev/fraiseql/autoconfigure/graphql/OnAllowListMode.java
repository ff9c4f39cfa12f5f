package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.graphql.PersistedQueryMode;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code fraiseql.graphql.persisted-queries.mode} binds to the allow-list mode, however it is written
 * ({@code allow-list}, {@code ALLOW_LIST}, {@code allow_list}), as the properties themselves bind it.
 */
final class OnAllowListMode extends SpringBootCondition {

    static final String PROPERTY = "fraiseql.graphql.persisted-queries.mode";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        PersistedQueryMode mode = Binder.get(context.getEnvironment()).bind(PROPERTY, PersistedQueryMode.class)
                .orElse(null);
        return mode == PersistedQueryMode.ALLOW_LIST ? ConditionOutcome.match(PROPERTY + " is the allow-list mode")
                : ConditionOutcome.noMatch(PROPERTY + " is " + mode);
    }
}
