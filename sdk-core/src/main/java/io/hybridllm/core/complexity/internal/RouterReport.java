package io.hybridllm.core.complexity.internal;

import java.util.List;

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
}
