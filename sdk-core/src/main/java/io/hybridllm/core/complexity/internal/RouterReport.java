package io.hybridllm.core.complexity.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The routing metrics of one router on one set of prompts with outcomes.
 *
 * @param n prompts with an outcome (the N of the metrics)
 * @param labelled prompts labelled needs_strong or weak_ok (the AUROC population)
 */
public record RouterReport(String router, int n, int labelled, double apgr, double cpt50, double cpt80, double auroc) {

    /** Evaluates {@code score} (parallel to {@code prompts}); prompts without an outcome are left out. */
    public static RouterReport of(String router, List<LabelledPrompt> prompts, double[] score) {
        int m = 0;
        double[] s = new double[prompts.size()];
        double[] strong = new double[prompts.size()];
        double[] weak = new double[prompts.size()];
        int labelled = 0;
        for (int i = 0; i < prompts.size(); i++) {
            LabelledPrompt p = prompts.get(i);
            if (LabelledPrompt.NEEDS_STRONG.equals(p.label()) || LabelledPrompt.WEAK_OK.equals(p.label())) {
                labelled++;
            }
            if (p.hasOutcome()) {
                s[m] = score[i];
                strong[m] = p.strongQuality();
                weak[m] = p.weakQuality();
                m++;
            }
        }
        double apgr = Double.NaN;
        double cpt50 = Double.NaN;
        double cpt80 = Double.NaN;
        if (m > 0) {
            RoutingMetrics r = RoutingMetrics.of(
                    java.util.Arrays.copyOf(s, m),
                    java.util.Arrays.copyOf(strong, m),
                    java.util.Arrays.copyOf(weak, m));
            apgr = r.apgr();
            cpt50 = r.cpt(0.5);
            cpt80 = r.cpt(0.8);
        }
        return new RouterReport(router, m, labelled, apgr, cpt50, cpt80, RoutingMetrics.auroc(prompts, score));
    }

    /** The prompt-length baseline's scores: characters of the last user message. */
    public static double[] lengthScores(List<LabelledPrompt> prompts) {
        double[] s = new double[prompts.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = prompts.get(i).request().lastUserText().length();
        }
        return s;
    }

    /** The random baseline's scores: all equal, so ties average over every ordering (the expected random router). */
    public static double[] randomScores(List<LabelledPrompt> prompts) {
        return new double[prompts.size()];
    }

    /**
     * The category-prior baseline's scores, out of fold: each prompt scores the mean quality gain of the strong model
     * ({@code strong - weak}) over the prompts of its {@code category} in the other {@code k - 1} folds (folds as
     * {@link ComplexityTrainer#fold}, by group). A category absent from those folds gets their overall mean. It shows
     * what knowing the task type or subject alone buys, which a text scorer can at best infer.
     *
     * @return null when fewer than two distinct categories occur among the prompts with an outcome
     */
    public static double[] categoryPriorScores(List<LabelledPrompt> prompts, int k) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be >= 2: " + k);
        }
        Set<String> categories = new HashSet<>();
        for (LabelledPrompt p : prompts) {
            if (p.hasOutcome() && p.category() != null) {
                categories.add(p.category());
            }
        }
        if (categories.size() < 2) {
            return null;
        }
        int[] fold = new int[prompts.size()];
        for (int i = 0; i < fold.length; i++) {
            fold[i] = ComplexityTrainer.fold(prompts.get(i).group(), k);
        }
        double[] s = new double[prompts.size()];
        for (int f = 0; f < k; f++) {
            Map<String, double[]> sums = new HashMap<>(); // category -> {sum of gains, count}
            double total = 0;
            int count = 0;
            for (int i = 0; i < fold.length; i++) {
                LabelledPrompt p = prompts.get(i);
                if (fold[i] != f && p.hasOutcome()) {
                    double gain = p.strongQuality() - p.weakQuality();
                    total += gain;
                    count++;
                    if (p.category() != null) {
                        double[] c = sums.computeIfAbsent(p.category(), key -> new double[2]);
                        c[0] += gain;
                        c[1]++;
                    }
                }
            }
            double overall = count == 0 ? 0 : total / count;
            for (int i = 0; i < fold.length; i++) {
                if (fold[i] == f) {
                    double[] c = prompts.get(i).category() == null
                            ? null
                            : sums.get(prompts.get(i).category());
                    s[i] = c == null ? overall : c[0] / c[1];
                }
            }
        }
        return s;
    }
}
