package io.hybridllm.core.complexity.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The routing-quality metrics of RouteLLM, computed exactly. Prompts are sorted by score, most complex first; sending
 * the top {@code k} of {@code N} to the strong model gives quality {@code q(k) = (sum of strong quality over the top k
 * + sum of weak quality over the rest) / N}; {@code PGR(k) = (q(k) - q(0)) / (q(N) - q(0))}; {@code APGR} is the
 * mean of {@code PGR(k)} over {@code k = 0..N}; {@code CPT(x)} is the smallest {@code k/N} with {@code PGR(k) >= x}.
 * Ties in score are broken by averaging over all orderings of the tied prompts: a prefix that cuts a tie group takes
 * the group's mean quality per prompt, which is the exact expectation over orderings. A router that gives every
 * prompt the same score therefore has {@code PGR(k) = k/N} and {@code APGR = 0.5}.
 */
public final class RoutingMetrics {
    private final double[] pgr;

    private RoutingMetrics(double[] pgr) {
        this.pgr = pgr;
    }

    /**
     * Computes the curve. Arrays are parallel, one entry per prompt.
     *
     * @throws IllegalArgumentException if the arrays differ in length or are empty
     */
    public static RoutingMetrics of(double[] score, double[] strong, double[] weak) {
        int n = score.length;
        if (n == 0 || strong.length != n || weak.length != n) {
            throw new IllegalArgumentException("need equally long, non-empty arrays");
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -score[i]));
        // gain(k): expected sum of (strong - weak) over the top k, tie groups averaged.
        double[] gain = new double[n + 1];
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && score[order[end]] == score[order[start]]) {
                end++;
            }
            double groupGain = 0;
            for (int j = start; j < end; j++) {
                groupGain += strong[order[j]] - weak[order[j]];
            }
            double perPrompt = groupGain / (end - start);
            for (int k = start + 1; k <= end; k++) {
                gain[k] = gain[start] + perPrompt * (k - start);
            }
            start = end;
        }
        double total = gain[n];
        double[] pgr = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            pgr[k] = total > 0 ? gain[k] / total : Double.NaN;
        }
        return new RoutingMetrics(pgr);
    }

    /** PGR(k) for k = 0..N; NaN throughout when the strong model is not better overall (q(N) <= q(0)). */
    public double pgr(int k) {
        return pgr[k];
    }

    public int size() {
        return pgr.length - 1;
    }

    /** Mean of PGR(k) over k = 0..N. */
    public double apgr() {
        double sum = 0;
        for (double p : pgr) {
            sum += p;
        }
        return sum / pgr.length;
    }

    /** Smallest k/N with PGR(k) >= x, or NaN when the curve is undefined. */
    public double cpt(double x) {
        int n = size();
        for (int k = 0; k <= n; k++) {
            // A tolerance of 1e-12 absorbs the rounding of partial tie groups.
            if (pgr[k] >= x - 1e-12) {
                return (double) k / n;
            }
        }
        return Double.NaN;
    }

    /**
     * Area under the ROC curve of {@code score} for the positive class; ties count one half (Mann-Whitney). NaN
     * without both classes.
     */
    public static double auroc(double[] score, boolean[] positive) {
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> score[i]));
        double rankSumPos = 0;
        long pos = 0;
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && score[order[end]] == score[order[start]]) {
                end++;
            }
            double avgRank = (start + 1 + end) / 2.0;
            for (int j = start; j < end; j++) {
                if (positive[order[j]]) {
                    rankSumPos += avgRank;
                    pos++;
                }
            }
            start = end;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /** AUROC of needs_strong (positive) against weak_ok (negative); other labels are left out. */
    public static double auroc(List<LabelledPrompt> prompts, double[] score) {
        int m = 0;
        double[] s = new double[prompts.size()];
        boolean[] p = new boolean[prompts.size()];
        for (int i = 0; i < prompts.size(); i++) {
            String label = prompts.get(i).label();
            if (LabelledPrompt.NEEDS_STRONG.equals(label) || LabelledPrompt.WEAK_OK.equals(label)) {
                s[m] = score[i];
                p[m] = LabelledPrompt.NEEDS_STRONG.equals(label);
                m++;
            }
        }
        return auroc(Arrays.copyOf(s, m), Arrays.copyOf(p, m));
    }

    /**
     * Expected calibration error: prompts are put in {@code bins} equal-width bins of predicted probability; the
     * result is the prompt-weighted mean of |mean prediction - observed rate| over the bins. NaN for no prompts.
     */
    public static double expectedCalibrationError(double[] probability, boolean[] positive, int bins) {
        double[] sumP = new double[bins];
        double[] sumY = new double[bins];
        int[] count = new int[bins];
        for (int i = 0; i < probability.length; i++) {
            int b = Math.min(bins - 1, (int) (probability[i] * bins));
            sumP[b] += probability[i];
            sumY[b] += positive[i] ? 1 : 0;
            count[b]++;
        }
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                ece += Math.abs(sumP[b] - sumY[b]) / probability.length;
            }
        }
        return probability.length == 0 ? Double.NaN : ece;
    }
}
