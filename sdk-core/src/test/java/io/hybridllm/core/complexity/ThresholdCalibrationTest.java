package io.hybridllm.core.complexity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.complexity.internal.ThresholdCalibration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdCalibrationTest {
    /** A fake scorer: the score is the prompt's length in tenths (capped at 1). */
    private static final ComplexityScorer BY_LENGTH = request ->
            ComplexityAssessment.of(Math.min(1, request.lastUserText().length() / 10.0), List.of());

    private static List<ChatRequest> log(int... lengths) {
        List<ChatRequest> out = new ArrayList<>();
        for (int n : lengths) {
            out.add(ChatRequest.ofUserMessage("x".repeat(n)));
        }
        return out;
    }

    @Test
    void thresholdForShare_distinctScores_routesExactlyTheTargetShare() {
        List<ChatRequest> log = log(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        double t = ComplexityScorers.thresholdForShare(BY_LENGTH, log, 0.3);
        long routed = log.stream().filter(r -> BY_LENGTH.score(r).score() >= t).count();
        assertThat(routed).isEqualTo(3);
    }

    @Test
    void thresholdForShare_tiedScores_picksClosestReachableShare() {
        double[] scores = {0.2, 0.5, 0.5, 0.5, 0.9};
        double t = ThresholdCalibration.thresholdForShare(scores, 0.4);
        // Reachable shares are 0.2 (>= 0.9), 0.8 (>= 0.5) and 1.0; 0.2 is closest to 0.4.
        assertThat(ThresholdCalibration.shareAtOrAbove(scores, t)).isEqualTo(0.2);
        double t2 = ThresholdCalibration.thresholdForShare(scores, 0.7);
        assertThat(ThresholdCalibration.shareAtOrAbove(scores, t2)).isEqualTo(0.8);
    }

    @Test
    void thresholdForShare_zeroShare_routesNothing_fullShare_routesEverything() {
        double[] scores = {0.1, 0.3, 0.7};
        assertThat(ThresholdCalibration.shareAtOrAbove(scores, ThresholdCalibration.thresholdForShare(scores, 0)))
                .isEqualTo(0);
        assertThat(ThresholdCalibration.shareAtOrAbove(scores, ThresholdCalibration.thresholdForShare(scores, 1)))
                .isEqualTo(1);
    }

    @Test
    void thresholdForShare_badInput_isRejected() {
        assertThatThrownBy(() -> ThresholdCalibration.thresholdForShare(new double[0], 0.3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ThresholdCalibration.thresholdForShare(new double[] {0.5}, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
