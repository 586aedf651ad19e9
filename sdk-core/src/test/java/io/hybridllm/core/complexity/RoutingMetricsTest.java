package io.hybridllm.core.complexity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hybridllm.core.complexity.internal.RoutingMetrics;
import org.junit.jupiter.api.Test;

class RoutingMetricsTest {
    // Four prompts; only the first gains from the strong model (strong 1, weak 0); the others are solved by both.
    private static final double[] STRONG = {1, 1, 1, 1};
    private static final double[] WEAK = {0, 1, 1, 1};

    @Test
    void apgr_gainingPromptRankedFirst_isMeanOfStepCurve() {
        RoutingMetrics m = RoutingMetrics.of(new double[] {0.9, 0.5, 0.4, 0.1}, STRONG, WEAK);
        // PGR(k) for k = 0..4 is 0, 1, 1, 1, 1.
        assertThat(m.pgr(0)).isEqualTo(0);
        assertThat(m.pgr(1)).isEqualTo(1);
        assertThat(m.apgr()).isCloseTo(4.0 / 5, within(1e-12));
        assertThat(m.cpt(0.5)).isEqualTo(0.25);
        assertThat(m.cpt(0.8)).isEqualTo(0.25);
    }

    @Test
    void apgr_gainingPromptRankedLast_onlyFullRoutingRecovers() {
        RoutingMetrics m = RoutingMetrics.of(new double[] {0.1, 0.5, 0.4, 0.9}, STRONG, WEAK);
        assertThat(m.apgr()).isCloseTo(1.0 / 5, within(1e-12));
        assertThat(m.cpt(0.5)).isEqualTo(1.0);
    }

    @Test
    void apgr_allScoresTied_isExactlyOneHalf() {
        double[] strong = {8, 9, 3, 7, 10};
        double[] weak = {8, 2, 1, 7, 4};
        RoutingMetrics m = RoutingMetrics.of(new double[5], strong, weak);
        for (int k = 0; k <= 5; k++) {
            assertThat(m.pgr(k)).isCloseTo(k / 5.0, within(1e-12));
        }
        assertThat(m.apgr()).isCloseTo(0.5, within(1e-12));
        assertThat(m.cpt(0.5)).isEqualTo(0.6);
        assertThat(m.cpt(0.8)).isEqualTo(0.8);
    }

    @Test
    void pgr_tieGroupCutByPrefix_takesGroupMean() {
        // The gaining prompt ties with a non-gaining one: after one pick, half the gain is expected.
        RoutingMetrics m = RoutingMetrics.of(new double[] {1, 1, 0}, new double[] {1, 1, 1}, new double[] {0, 1, 1});
        assertThat(m.pgr(1)).isCloseTo(0.5, within(1e-12));
        assertThat(m.pgr(2)).isCloseTo(1, within(1e-12));
        assertThat(m.apgr()).isCloseTo((0 + 0.5 + 1 + 1) / 4, within(1e-12));
    }

    @Test
    void pgr_judgeScores_useQualityDifferences() {
        // q(0) = (2+5+6)/3, q(3) = (9+5+7)/3; the top prompt gains 7 of the total gain 7+0+1 = 8.
        RoutingMetrics m = RoutingMetrics.of(new double[] {3, 2, 1}, new double[] {9, 5, 7}, new double[] {2, 5, 6});
        assertThat(m.pgr(1)).isCloseTo(7.0 / 8, within(1e-12));
        assertThat(m.pgr(2)).isCloseTo(7.0 / 8, within(1e-12));
        assertThat(m.pgr(3)).isCloseTo(1, within(1e-12));
    }

    @Test
    void metrics_strongNeverBetter_areUndefined() {
        RoutingMetrics m = RoutingMetrics.of(new double[] {1, 0}, new double[] {1, 1}, new double[] {1, 1});
        assertThat(m.apgr()).isNaN();
        assertThat(m.cpt(0.5)).isNaN();
    }

    @Test
    void auroc_countsCorrectlyOrderedPairs_tiesAsHalf() {
        double[] scores = {0.9, 0.4, 0.5, 0.1};
        boolean[] positive = {true, true, false, false};
        assertThat(RoutingMetrics.auroc(scores, positive)).isCloseTo(3.0 / 4, within(1e-12));
        assertThat(RoutingMetrics.auroc(new double[] {1, 1, 1}, new boolean[] {true, false, false}))
                .isCloseTo(0.5, within(1e-12));
        assertThat(RoutingMetrics.auroc(new double[] {1, 2}, new boolean[] {true, true}))
                .isNaN();
    }

    @Test
    void expectedCalibrationError_isWeightedGapBetweenPredictionAndRate() {
        // Bin [0.2, 0.3): predictions 0.2, 0.2, one of two positive -> gap 0.3 over 2 prompts.
        // Bin [0.9, 1.0]: predictions 0.9, 0.9, both positive -> gap 0.1 over 2 prompts.
        double ece = RoutingMetrics.expectedCalibrationError(
                new double[] {0.2, 0.2, 0.9, 0.9}, new boolean[] {true, false, true, true}, 10);
        assertThat(ece).isCloseTo((0.6 + 0.2) / 4, within(1e-12));
    }
}
