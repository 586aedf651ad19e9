package io.hybridllm.core.scoring;

import io.hybridllm.core.complexity.ComplexityAssessment;
import io.hybridllm.core.privacy.PrivacyAssessment;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the router knows about a request before it runs: complexity, privacy, capability needs and the
 * estimated prompt length. Immutable.
 */
public final class RequestAssessment {
    private final ComplexityAssessment complexity;
    private final PrivacyAssessment privacy;
    private final Set<CapabilityNeed> needs;
    private final int estimatedPromptTokens;

    private RequestAssessment(
            ComplexityAssessment complexity, PrivacyAssessment privacy, Set<CapabilityNeed> needs, int tokens) {
        this.complexity = Objects.requireNonNull(complexity, "complexity == null");
        this.privacy = Objects.requireNonNull(privacy, "privacy == null");
        this.needs = needs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(needs));
        if (tokens < 0) {
            throw new IllegalArgumentException("estimatedPromptTokens must be >= 0: " + tokens);
        }
        this.estimatedPromptTokens = tokens;
    }

    public static RequestAssessment of(
            ComplexityAssessment complexity,
            PrivacyAssessment privacy,
            Set<CapabilityNeed> needs,
            int estimatedPromptTokens) {
        return new RequestAssessment(complexity, privacy, needs, estimatedPromptTokens);
    }

    public ComplexityAssessment complexity() {
        return complexity;
    }

    public PrivacyAssessment privacy() {
        return privacy;
    }

    /** Capabilities the request needs whatever its complexity. */
    public Set<CapabilityNeed> needs() {
        return needs;
    }

    /** The prompt's length in tokens, estimated without a tokenizer. */
    public int estimatedPromptTokens() {
        return estimatedPromptTokens;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestAssessment a
                && complexity.equals(a.complexity)
                && privacy.equals(a.privacy)
                && needs.equals(a.needs)
                && estimatedPromptTokens == a.estimatedPromptTokens;
    }

    @Override
    public int hashCode() {
        return Objects.hash(complexity, privacy, needs, estimatedPromptTokens);
    }

    @Override
    public String toString() {
        return "RequestAssessment{" + complexity.explanation() + "; " + privacy.explanation() + "; needs=" + needs
                + ", ~" + estimatedPromptTokens + " tokens}";
    }
}
