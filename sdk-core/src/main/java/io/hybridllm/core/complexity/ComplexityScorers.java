package io.hybridllm.core.complexity;

import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.complexity.internal.LearnedComplexityScorer;
import io.hybridllm.core.complexity.internal.ThresholdCalibration;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Factories for the built-in complexity scorers, and threshold calibration. */
public final class ComplexityScorers {
    private ComplexityScorers() {}

    /**
     * The default scorer: fast prompt features and a logistic regression trained on RouteLLM's routing data (the
     * weights ship in sdk-core). The score estimates the probability that the small model's answer falls short of
     * the strong model's; contributions are in logit units. Thread-safe; share it.
     */
    public static ComplexityScorer defaults() {
        return LearnedComplexityScorer.defaults();
    }

    /**
     * A scorer with weights written by {@code hybrid-cli train complexity --out FILE}, for example retrained on your
     * own labelled logs.
     *
     * @throws io.hybridllm.core.errors.ConfigurationException if the file cannot be read or is not a model
     */
    public static ComplexityScorer fromModelFile(Path file) {
        return LearnedComplexityScorer.fromFile(Objects.requireNonNull(file, "file == null"));
    }

    /** A scorer that returns a fixed score, for tests and forced routing. */
    public static ComplexityScorer fixed(double score) {
        ComplexityAssessment a = ComplexityAssessment.of(score, List.of());
        return request -> a;
    }

    /**
     * The complexity threshold that sends about {@code targetShare} of {@code log} to the strong model when routing
     * sends requests scoring at or above it (as {@code RoutingPolicies.hybrid(threshold)} does). Prompts with equal
     * scores move together, so the achieved share is the closest reachable one.
     *
     * <pre>{@code
     * double t = ComplexityScorers.thresholdForShare(ComplexityScorers.defaults(), myLoggedRequests, 0.3);
     * RoutingPolicy policy = RoutingPolicies.hybrid(t);
     * }</pre>
     *
     * @throws IllegalArgumentException if {@code log} is empty or {@code targetShare} is outside [0, 1]
     */
    public static double thresholdForShare(ComplexityScorer scorer, Collection<ChatRequest> log, double targetShare) {
        Objects.requireNonNull(scorer, "scorer == null");
        double[] scores = log.stream().mapToDouble(r -> scorer.score(r).score()).toArray();
        return ThresholdCalibration.thresholdForShare(scores, targetShare);
    }
}
