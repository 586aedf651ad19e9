package io.hybridllm.core.complexity;

import io.hybridllm.core.ChatRequest;

/**
 * Scores how hard a request is for the small local model. Implementations are thread-safe and cheap enough to run
 * on every request.
 */
@FunctionalInterface
public interface ComplexityScorer {
    /** Scores the request; mostly its last user message, with the conversation as context. */
    ComplexityAssessment score(ChatRequest request);
}
