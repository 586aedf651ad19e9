package io.hybridllm.core.complexity;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How hard a request is for a small model: a score in [0, 1] (higher means the strong model is more likely
 * needed) and the features that drove it, largest effect first. Immutable.
 */
public final class ComplexityAssessment {
    private final double score;
    private final List<FeatureContribution> contributions;

    private ComplexityAssessment(double score, List<FeatureContribution> contributions) {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1]: " + score);
        }
        this.score = score;
        this.contributions = contributions.stream()
                .sorted(Comparator.comparingDouble((FeatureContribution f) -> -Math.abs(f.contribution())))
                .collect(Collectors.toUnmodifiableList());
    }

    public static ComplexityAssessment of(double score, List<FeatureContribution> contributions) {
        return new ComplexityAssessment(score, contributions);
    }

    public double score() {
        return score;
    }

    /** All contributing features, largest absolute contribution first. */
    public List<FeatureContribution> contributions() {
        return contributions;
    }

    /** The {@code n} features with the largest effect. */
    public List<FeatureContribution> topContributions(int n) {
        return contributions.subList(0, Math.min(n, contributions.size()));
    }

    /** A sentence a person can read, e.g. {@code "complexity 0.82: math_markers +1.2, length +0.4"}. */
    public String explanation() {
        StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT, "complexity %.2f", score));
        List<FeatureContribution> top =
                topContributions(3).stream().filter(f -> f.contribution() != 0).collect(Collectors.toList());
        if (!top.isEmpty()) {
            sb.append(": ");
            sb.append(top.stream()
                    .map(f -> String.format(java.util.Locale.ROOT, "%s %+.2f", f.name(), f.contribution()))
                    .collect(Collectors.joining(", ")));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComplexityAssessment c
                && Double.compare(score, c.score) == 0
                && contributions.equals(c.contributions);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(score) * 31 + contributions.hashCode();
    }

    @Override
    public String toString() {
        return "ComplexityAssessment{" + explanation() + "}";
    }
}
