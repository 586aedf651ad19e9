package io.hybridllm.core.experiment.internal;

/** A point estimate with a 95% interval; NaN where not known. */
public record Estimate(double value, double low, double high) {
    /** Nothing known. */
    public static final Estimate UNKNOWN = new Estimate(Double.NaN, Double.NaN, Double.NaN);

    public boolean hasInterval() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }
}
