package io.hybridllm.core.complexity;

import java.util.Objects;

/** One feature of a prompt and how much it moved the complexity score. Immutable. */
public final class FeatureContribution {
    private final String name;
    private final double value;
    private final double contribution;

    private FeatureContribution(String name, double value, double contribution) {
        this.name = Objects.requireNonNull(name, "name == null");
        this.value = value;
        this.contribution = contribution;
    }

    public static FeatureContribution of(String name, double value, double contribution) {
        return new FeatureContribution(name, value, contribution);
    }

    /** The feature name, e.g. {@code "math_markers"}. */
    public String name() {
        return name;
    }

    /** The feature's value for this prompt. */
    public double value() {
        return value;
    }

    /** Its signed contribution to the score (in logit or score units, as the scorer documents). */
    public double contribution() {
        return contribution;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureContribution f
                && name.equals(f.name)
                && Double.compare(value, f.value) == 0
                && Double.compare(contribution, f.contribution) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, value, contribution);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s=%.3g (%+.3f)", name, value, contribution);
    }
}
