package io.hybridllm.core.complexity;

import io.hybridllm.core.complexity.internal.HeuristicComplexityScorer;

/** Factories for the built-in complexity scorers. */
public final class ComplexityScorers {
    private ComplexityScorers() {}

    /** The default scorer. Thread-safe; share it. */
    public static ComplexityScorer defaults() {
        return HeuristicComplexityScorer.INSTANCE;
    }

    /** A scorer that returns a fixed score, for tests and forced routing. */
    public static ComplexityScorer fixed(double score) {
        ComplexityAssessment a = ComplexityAssessment.of(score, java.util.List.of());
        return request -> a;
    }
}
