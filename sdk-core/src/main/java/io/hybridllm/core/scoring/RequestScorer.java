package io.hybridllm.core.scoring;

import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.complexity.ComplexityScorer;
import io.hybridllm.core.privacy.PrivacyScanner;
import io.hybridllm.core.scoring.internal.CompositeRequestScorer;

/**
 * Assesses a request before routing. Implementations are thread-safe.
 *
 * <pre>{@code
 * RequestScorer scorer = RequestScorer.of(myComplexityScorer, myPrivacyScanner);
 * RequestAssessment a = scorer.assess(request);
 * }</pre>
 */
@FunctionalInterface
public interface RequestScorer {
    RequestAssessment assess(ChatRequest request);

    /** Combines a complexity scorer and a privacy scanner; capability needs and length are derived here. */
    static RequestScorer of(ComplexityScorer complexity, PrivacyScanner privacy) {
        return new CompositeRequestScorer(complexity, privacy);
    }

    /** The built-in scorers: the default complexity scorer and the default privacy scanner. */
    static RequestScorer defaults() {
        return CompositeRequestScorer.defaults();
    }
}
