package dev.fraiseql.autoconfigure;

import dev.fraiseql.core.config.InvalidSettingException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a start-up failure caused by a {@code fraiseql.*} setting: what is wrong and how to fix it. */
public class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingException cause) {
        String subject = cause.value() == null ? cause.property() + " is not set or incomplete"
                : cause.property() + " is set to '" + cause.value() + "'";
        String description = "The setting " + subject + ", which cannot work: " + cause.problem() + ".";
        return new FailureAnalysis(description, cause.fix(), cause);
    }
}
