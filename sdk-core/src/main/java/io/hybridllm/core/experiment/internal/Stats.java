package io.hybridllm.core.experiment.internal;

import java.util.Arrays;

/** The small statistics of the experiment report: quantiles, the Wilson interval and the chi-square test. */
public final class Stats {
    /** The 97.5th percentile of the standard normal distribution, for two-sided 95% intervals. */
    public static final double Z95 = 1.959963984540054;

    private Stats() {}

    /**
     * The {@code p}-quantile of the first {@code n} values of a sorted array, interpolating linearly between order
     * statistics at position {@code (n - 1) p} (the default of R and NumPy). NaN when {@code n == 0}.
     */
    public static double quantileSorted(double[] sorted, int n, double p) {
        if (n == 0) {
            return Double.NaN;
        }
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, n - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** {@link #quantileSorted} of unsorted values (not modified). */
    public static double quantile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return quantileSorted(sorted, sorted.length, p);
    }

    /** The 95% Wilson score interval of a binomial proportion; all NaN when {@code n == 0}. */
    public static Estimate wilson(long successes, long n) {
        if (n == 0) {
            return Estimate.UNKNOWN;
        }
        double p = (double) successes / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Estimate(p, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** P(X >= chiSquare) for X chi-square distributed with one degree of freedom. */
    public static double chiSquareUpperTail1(double chiSquare) {
        return chiSquare <= 0 ? 1 : erfc(Math.sqrt(chiSquare / 2));
    }

    /** Coefficients of the Chebyshev fit of erfc in Numerical Recipes, constant term first. */
    private static final double[] ERFC = {
        -1.26551223,
        1.00002368,
        0.37409196,
        0.09678418,
        -0.18628806,
        0.27886807,
        -1.13520398,
        1.48851587,
        -0.82215223,
        0.17087277
    };

    /** The complementary error function, with a relative error below 1.2e-7 everywhere (Numerical Recipes). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double poly = 0;
        for (int i = ERFC.length - 1; i >= 0; i--) {
            poly = ERFC[i] + t * poly;
        }
        double r = t * Math.exp(-z * z + poly);
        return x >= 0 ? r : 2 - r;
    }
}
