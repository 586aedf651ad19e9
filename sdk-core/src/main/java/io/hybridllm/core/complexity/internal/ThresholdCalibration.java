package io.hybridllm.core.complexity.internal;

import java.util.Arrays;

/** Picks the complexity threshold that sends a target share of a prompt log to the strong model. */
public final class ThresholdCalibration {
    private ThresholdCalibration() {}

    /**
     * The threshold {@code t} for which the share of {@code scores >= t} is closest to {@code share} (ties in score
     * move together, so the achieved share can differ); of two equally close thresholds the higher one wins. A share
     * of 0 gives a threshold just above the highest score (at most 1).
     *
     * @throws IllegalArgumentException if {@code scores} is empty or {@code share} is outside [0, 1]
     */
    public static double thresholdForShare(double[] scores, double share) {
        if (scores.length == 0) {
            throw new IllegalArgumentException("no scores to calibrate on");
        }
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in [0, 1]: " + share);
        }
        double[] desc = scores.clone();
        Arrays.sort(desc);
        reverse(desc);
        int n = desc.length;
        double target = share * n;
        // Candidate thresholds are the distinct scores; threshold desc[i] routes every prompt scoring >= desc[i].
        double best = Math.min(1, Math.nextUp(desc[0]));
        double bestDistance = target; // routing nobody
        int i = 0;
        while (i < n) {
            int j = i;
            while (j < n && desc[j] == desc[i]) {
                j++;
            }
            double distance = Math.abs(j - target);
            if (distance < bestDistance - 1e-9) {
                best = desc[i];
                bestDistance = distance;
            }
            i = j;
        }
        return best;
    }

    /** The share of {@code scores} at or above {@code threshold}. */
    public static double shareAtOrAbove(double[] scores, double threshold) {
        int c = 0;
        for (double s : scores) {
            if (s >= threshold) {
                c++;
            }
        }
        return scores.length == 0 ? 0 : (double) c / scores.length;
    }

    private static void reverse(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
