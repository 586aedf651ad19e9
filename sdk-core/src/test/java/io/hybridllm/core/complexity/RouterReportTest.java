package io.hybridllm.core.complexity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hybridllm.core.complexity.internal.ComplexityTrainer;
import io.hybridllm.core.complexity.internal.LabelledPrompt;
import io.hybridllm.core.complexity.internal.MiniJson;
import io.hybridllm.core.complexity.internal.RouterReport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The baselines {@code eval routing} and {@code train complexity} report next to the scorer. */
class RouterReportTest {
    private static LabelledPrompt record(String prompt, String category, boolean strong, boolean weak) {
        String cat = category == null ? "" : ",\"category\":\"" + category + "\"";
        String label = strong && !weak ? "needs_strong" : weak ? "weak_ok" : "both_fail";
        return LabelledPrompt.of(
                MiniJson.parse("{\"prompt\":\"" + prompt + "\",\"strong_correct\":" + strong + ",\"weak_correct\":"
                        + weak + ",\"label\":\"" + label + "\"" + cat + "}"),
                "fix",
                prompt);
    }

    /** Twenty prompts a category: every "law" prompt needs the strong model, no "math" prompt does. */
    private static List<LabelledPrompt> twoCategories() {
        List<LabelledPrompt> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            out.add(record("law question " + i, "law", true, false));
            out.add(record("math question " + i, "math", true, true));
        }
        return out;
    }

    @Test
    void categoryPrior_ranksTheCategoryWhereTheStrongModelGainsFirst() {
        List<LabelledPrompt> prompts = twoCategories();
        double[] s = RouterReport.categoryPriorScores(prompts, 5);
        for (int i = 0; i < prompts.size(); i++) {
            double expected = "law".equals(prompts.get(i).category()) ? 1 : 0;
            assertThat(s[i]).as(prompts.get(i).prompt()).isEqualTo(expected);
        }
        RouterReport report = RouterReport.of("category_prior", prompts, s);
        // All 20 gains come first: PGR(k) = min(1, k/20) over k = 0..40, so APGR = (210/20 + 20) / 41.
        assertThat(report.apgr()).isCloseTo((210.0 / 20 + 20) / 41, within(1e-12));
        assertThat(report.auroc()).isEqualTo(1.0);
    }

    @Test
    void categoryPrior_isOutOfFold_aRecordsOwnOutcomeNeverScoresIt() {
        List<LabelledPrompt> prompts = twoCategories();
        // A category with a single record: no other fold knows it, so it gets the other folds' overall mean gain.
        LabelledPrompt lone = record("a lone question", "poetry", true, false);
        prompts.add(lone);
        double[] s = RouterReport.categoryPriorScores(prompts, 5);
        int f = ComplexityTrainer.fold(lone.group(), 5);
        double gain = 0;
        int n = 0;
        for (LabelledPrompt p : prompts) {
            if (ComplexityTrainer.fold(p.group(), 5) != f) {
                gain += p.strongQuality() - p.weakQuality();
                n++;
            }
        }
        assertThat(s[s.length - 1]).isEqualTo(gain / n).isLessThan(1);
    }

    @Test
    void categoryPrior_needsTwoCategories() {
        List<LabelledPrompt> one = List.of(record("a", "law", true, false), record("b", "law", true, true));
        List<LabelledPrompt> none = List.of(record("a", null, true, false), record("b", null, true, true));
        assertThat(RouterReport.categoryPriorScores(one, 5)).isNull();
        assertThat(RouterReport.categoryPriorScores(none, 5)).isNull();
        assertThatThrownBy(() -> RouterReport.categoryPriorScores(twoCategories(), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k must be >= 2");
    }
}
