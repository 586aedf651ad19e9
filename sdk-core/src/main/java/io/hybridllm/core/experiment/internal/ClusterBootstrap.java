package io.hybridllm.core.experiment.internal;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The percentile bootstrap over clusters (units): a resample draws as many units as there are, with replacement, and
 * pools all their calls. Calls of one unit are correlated (its arm is sticky, its requests alike), so resampling
 * calls one by one would give intervals that are too narrow.
 */
public final class ClusterBootstrap {
    private ClusterBootstrap() {}

    /**
     * One unit's calls.
     *
     * @param values the values whose pooled median is estimated (latencies of successful calls, or paired
     *     differences)
     * @param calls all calls of the unit
     * @param errors failed calls of the unit
     */
    public record Cluster(double[] values, int calls, int errors) {}

    /** Per resample: the median of the pooled values and the pooled error rate (NaN where there is nothing). */
    public record Replicates(double[] medians, double[] errorRates) {}

    /** Draws {@code resamples} resamples of {@code clusters}; deterministic for the same clusters and random source. */
    public static Replicates resample(List<Cluster> clusters, int resamples, SplittableRandom random) {
        double[] medians = new double[resamples];
        double[] rates = new double[resamples];
        int k = clusters.size();
        if (k == 0) {
            Arrays.fill(medians, Double.NaN);
            Arrays.fill(rates, Double.NaN);
            return new Replicates(medians, rates);
        }
        int total = 0;
        for (Cluster c : clusters) {
            total += c.values().length;
        }
        double[] pooled = new double[Math.max(16, total)];
        for (int b = 0; b < resamples; b++) {
            int n = 0;
            long calls = 0;
            long errors = 0;
            for (int i = 0; i < k; i++) {
                Cluster c = clusters.get(random.nextInt(k));
                double[] v = c.values();
                if (n + v.length > pooled.length) {
                    pooled = Arrays.copyOf(pooled, Math.max(pooled.length * 2, n + v.length));
                }
                System.arraycopy(v, 0, pooled, n, v.length);
                n += v.length;
                calls += c.calls();
                errors += c.errors();
            }
            Arrays.sort(pooled, 0, n);
            medians[b] = Stats.quantileSorted(pooled, n, 0.5);
            rates[b] = calls == 0 ? Double.NaN : (double) errors / calls;
        }
        return new Replicates(medians, rates);
    }

    /**
     * The 95% percentile interval of the replicates around {@code estimate}. Replicates that are NaN (a resample with
     * nothing to measure) are left out; when more than half are NaN, or the estimate is NaN, the interval is unknown.
     */
    public static Estimate interval(double estimate, double[] replicates) {
        double[] finite =
                Arrays.stream(replicates).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (Double.isNaN(estimate) || finite.length == 0 || finite.length * 2 < replicates.length) {
            return new Estimate(estimate, Double.NaN, Double.NaN);
        }
        return new Estimate(
                estimate,
                Stats.quantileSorted(finite, finite.length, 0.025),
                Stats.quantileSorted(finite, finite.length, 0.975));
    }

    /** Element-wise {@code a - b}. */
    public static double[] minus(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }
}
